import { describe, expect, it } from 'vitest';
import { closeReaction } from '#lib/collab/close-codes.ts';
import { CLOSE_CODES } from '#lib/domain/collab-close-codes.ts';

describe('closeReaction', () => {
	it('comes straight back after a change of rights and reloads them', () => {
		expect(closeReaction(CLOSE_CODES.accessChanged)).toEqual({
			error: null,
			isAccessChange: true,
			isPermanent: false,
			isImmediate: true
		});
	});

	it('stops for good when access or the session is gone, and reloads the page data', () => {
		for (const code of [CLOSE_CODES.accessRevoked, CLOSE_CODES.sessionEnded]) {
			expect(closeReaction(code)).toMatchObject({ isAccessChange: true, isPermanent: true });
		}
	});

	it('explains refusals that reconnecting would only repeat', () => {
		expect(closeReaction(CLOSE_CODES.documentTooLarge)).toMatchObject({
			error: 'documentTooLarge',
			isPermanent: true
		});
		expect(closeReaction(CLOSE_CODES.badMessage)).toMatchObject({
			error: 'rejected',
			isPermanent: true
		});
	});

	it('retries with backoff after restarts, server errors, rate limits and network loss', () => {
		for (const code of [
			CLOSE_CODES.goingAway,
			CLOSE_CODES.serverError,
			CLOSE_CODES.rateLimited,
			1006,
			undefined
		]) {
			expect(closeReaction(code)).toEqual({
				error: null,
				isAccessChange: false,
				isPermanent: false,
				isImmediate: false
			});
		}
	});

	it('stops after a frame over the limit: a reconnect would send the same changes again', () => {
		expect(closeReaction(CLOSE_CODES.messageTooBig)).toMatchObject({
			error: 'updateTooLarge',
			isPermanent: true
		});
	});
});
