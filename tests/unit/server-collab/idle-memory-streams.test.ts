/**
 * The idle memory release (a blocking, memory-reducing full GC) must wait while event streams are
 * open: a Dag 3 session's followers hold only event streams, no collaboration room, and the pause
 * reached all of them at once (docs/benchmarks.md, the rollout bench).
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, expect, it } from 'vitest';
import { startCollabFixture, type CollabFixture } from '../../support/collab-fixture.ts';
import { openEventStream } from '#lib/server/platform/event-stream.ts';

const TICK_MS = 20;
let fixture: CollabFixture | undefined;

afterEach(async () => {
	await fixture?.close();
	fixture = undefined;
});

/** A logger at info level whose messages the test reads. */
function capturingLog() {
	const messages: string[] = [];
	const sink = new Writable({
		write(chunk: Buffer, _encoding, done) {
			for (const line of chunk.toString().split('\n').filter(Boolean)) {
				messages.push((JSON.parse(line) as { msg: string }).msg);
			}
			done();
		}
	});
	return { log: pino({ level: 'info' }, sink), messages };
}

it('does not release idle memory while an event stream is open, and does once it has closed', async () => {
	const { log, messages } = capturingLog();
	fixture = await startCollabFixture({ metricsIntervalMs: TICK_MS, log });
	const token = fixture.users.staff.cookie.split('=')[1];
	const stream = openEventStream({
		context: { test: 'idle-memory' },
		sessionToken: token,
		mayStillRead: () => true,
		subscribe: () => () => undefined
	});

	// Fifteen ticks with no room and no socket, only the stream: the release would come on the first.
	await new Promise((resolve) => setTimeout(resolve, 15 * TICK_MS));
	expect(messages).not.toContain('collab idle memory');

	await stream.body!.cancel();
	await expect.poll(() => messages.includes('collab idle memory')).toBe(true);
});
