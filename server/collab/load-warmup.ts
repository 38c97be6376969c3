/**
 * Compiles the load path of the loader thread before the first real load. Joining a long tail
 * costs 15-20 ms while V8 still runs the scan in its interpreter and 1-3 ms once it has
 * optimised it, which takes four to six such joins. A long tail exists only after a crash,
 * when the process is new, so without this the loads that need speed most would run cold.
 * Joining a made-up log of three people typing six times costs about 80 ms of the loader
 * thread's CPU at start, and none of the main thread's.
 */
import * as encoding from 'lib0/encoding';
import { joinLog } from './update-concat.ts';

const CONTENT_STRING = 4;
const HAS_ORIGIN = 0x80;
const HAS_RIGHT_ORIGIN = 0x40;
/** Made-up client ids, in the range Yjs draws them from (uint32). */
const CLIENTS = [3_355_443_200, 1_717_986_918, 2_863_311_530];

/**
 * `count` one-keystroke V1 updates, back to back, in the form Yjs writes them for people typing
 * in a root text: each client's first keystroke names the root, the rest follow their own last
 * character; every tenth has a right origin (typing in front of someone else's text).
 */
export function typingLog(count: number): Uint8Array {
	const encoder = encoding.createEncoder();
	const clocks = CLIENTS.map(() => 0);
	for (let i = 0; i < count; i++) {
		const k = i % CLIENTS.length;
		const clock = clocks[k]++;
		const other = CLIENTS[(k + 1) % CLIENTS.length];
		const right = clock > 0 && i % 10 === 0 && clocks[(k + 1) % CLIENTS.length] > 0;
		for (const value of [1, 1, CLIENTS[k], clock]) encoding.writeVarUint(encoder, value);
		if (clock === 0) {
			encoding.writeUint8(encoder, CONTENT_STRING);
			encoding.writeVarUint(encoder, 1);
			encoding.writeVarString(encoder, 'warm-up');
		} else {
			encoding.writeUint8(encoder, CONTENT_STRING | HAS_ORIGIN | (right ? HAS_RIGHT_ORIGIN : 0));
			encoding.writeVarUint(encoder, CLIENTS[k]);
			encoding.writeVarUint(encoder, clock - 1);
			if (right) {
				encoding.writeVarUint(encoder, other);
				encoding.writeVarUint(encoder, 0);
			}
		}
		encoding.writeVarString(encoder, String.fromCharCode(97 + (i % 26)));
		// No deletions.
		encoding.writeVarUint(encoder, 0);
	}
	return encoding.toUint8Array(encoder);
}

/** Joins a made-up 10,000-keystroke log `rounds` times, so V8 optimises the scan. */
export function warmUpJoin(rounds = 6): void {
	const log = typingLog(10_000);
	for (let i = 0; i < rounds; i++) joinLog(log);
}
