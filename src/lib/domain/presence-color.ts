/**
 * The colour a person's cursor and avatar have in every document. The server sets it in the
 * awareness state (clients cannot choose), and the client uses the same function for its own.
 */

/**
 * Twelve hues dark enough for white label text at WCAG AA (contrast ≥ 4.5:1) and distinct
 * enough to tell ten people in one room apart.
 */
export const PRESENCE_COLORS = [
	'#b3261e',
	'#8a4b00',
	'#6b5a00',
	'#2e6b00',
	'#00695c',
	'#006080',
	'#1a56b0',
	'#4a3fb5',
	'#7b2fa8',
	'#a0237a',
	'#5d4037',
	'#455a64'
] as const;

/** The person's colour, derived from the user id (FNV-1a hash), stable across sessions. */
export function presenceColor(userId: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < userId.length; i++) {
		hash ^= userId.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return PRESENCE_COLORS[(hash >>> 0) % PRESENCE_COLORS.length];
}
