/**
 * Presence: turns y-protocols awareness states into the plain list the presence bar shows. The
 * server sets each connection's `user` ({ id, name, color }) from the session, so names cannot be
 * spoofed; we only read them.
 */

/** A person in the document, as the presence bar and carets show them. */
export type Peer = {
	clientId: number;
	/** The account id, when the server has set it; one person in two tabs is shown once. */
	userId: string | null;
	name: string;
	color: string;
	isSelf: boolean;
};

/** The `user` field of an awareness state, as set by the server. */
export type AwarenessUser = { id?: unknown; name?: unknown; color?: unknown };

/** Fallback colour for a state without a valid one (AA contrast on white). */
export const DEFAULT_PEER_COLOR = '#4a4a4a';

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/**
 * The people present, self first, then by name; states without a user name are skipped and a
 * person connected from several tabs or devices appears once.
 */
export function awarenessToPeers(
	states: ReadonlyMap<number, Record<string, unknown>>,
	selfClientId: number
): Peer[] {
	const byKey = new Map<string, Peer>();
	for (const [clientId, state] of states) {
		const user = state?.user as AwarenessUser | undefined;
		if (!user || typeof user.name !== 'string' || user.name.trim() === '') continue;
		const userId = typeof user.id === 'string' ? user.id : null;
		const peer: Peer = {
			clientId,
			userId,
			name: user.name,
			color:
				typeof user.color === 'string' && HEX_COLOR.test(user.color)
					? user.color
					: DEFAULT_PEER_COLOR,
			isSelf: clientId === selfClientId
		};
		const key = userId ?? `client:${clientId}`;
		const existing = byKey.get(key);
		// Keep the entry of this tab when the person is here twice, so "(dig)" stays right.
		if (!existing || (peer.isSelf && !existing.isSelf)) byKey.set(key, peer);
	}
	return [...byKey.values()].sort(
		(a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name, 'da')
	);
}
