/**
 * Who is in which field of a structured document, from awareness: every state that names a field
 * (its `focus`) and a user becomes a peer of that field, one entry per person however many tabs.
 */

/** Someone else who is in a field right now. */
export type FieldPeer = { userId: string; name: string; color: string };

/** Fallback colour for a state without a valid one (AA contrast on white). */
const FALLBACK_COLOR = '#4a4a4a';

/** Field key → the other people in it (the state of `selfClientId` left out). */
export function fieldPeersOf(
	states: ReadonlyMap<number, Record<string, unknown>>,
	selfClientId: number,
	focusField: string
): Record<string, FieldPeer[]> {
	const byField: Record<string, FieldPeer[]> = {};
	for (const [clientId, state] of states) {
		const focus: unknown = state?.[focusField];
		const user = state?.user as { id?: unknown; name?: unknown; color?: unknown } | undefined;
		if (clientId === selfClientId || typeof focus !== 'string' || typeof user?.name !== 'string') {
			continue;
		}
		const userId = typeof user.id === 'string' ? user.id : `client:${clientId}`;
		const peers = byField[focus] ?? [];
		if (peers.some((p) => p.userId === userId)) continue;
		const color = typeof user.color === 'string' ? user.color : FALLBACK_COLOR;
		byField[focus] = [...peers, { userId, name: user.name, color }];
	}
	return byField;
}
