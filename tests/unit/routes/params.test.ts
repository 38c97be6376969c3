import { describe, expect, it } from 'vitest';
import { match } from '../../../src/params/id.ts';
import { idSchema } from '#lib/domain/schemas.ts';

describe('the id route matcher', () => {
	it('agrees with idSchema, so a URL the route refuses is one the server would refuse too', () => {
		const samples = [
			'rwV0uN1ZgbPCOK4rxYQPNw',
			'abcdefgh',
			'a'.repeat(64),
			'a'.repeat(65),
			'short',
			'',
			'has space here',
			'has/slash/inside',
			'ümlaut-id-123',
			'a_b-c_d-e'
		];
		for (const sample of samples) {
			expect(match(sample), sample).toBe(idSchema.safeParse(sample).success);
		}
	});
});
