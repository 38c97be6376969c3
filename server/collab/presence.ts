/**
 * Presence that cannot be spoofed. Awareness entries a client sends are filtered to the client
 * ids its connection owns and rewritten so that `user` is the identity from the session, with
 * the colour derived from the user id. A client keeps any other fields it sets (cursor, etc.).
 */
import { COLLAB_MAX_AWARENESS_STATE_BYTES } from '../../src/lib/domain/limits.ts';
import { presenceColor } from '../../src/lib/domain/presence-color.ts';
import type { AwarenessEntry } from './protocol.ts';

/** Who a connection belongs to, as shown to others. */
export type PresenceUser = { id: string; name: string };

/** The `user` field every awareness state carries, set by the server. */
export function presenceIdentity(user: PresenceUser): { id: string; name: string; color: string } {
	return { id: user.id, name: user.name, color: presenceColor(user.id) };
}

/**
 * Returns the entry with `user` overwritten, or null when it must be dropped (not a JSON
 * object, or larger than the per-state limit). A `null` state (the client left) passes as is.
 */
export function rewriteAwarenessEntry(
	entry: AwarenessEntry,
	user: PresenceUser
): AwarenessEntry | null {
	if (entry.stateJson.length > COLLAB_MAX_AWARENESS_STATE_BYTES) return null;
	let state: unknown;
	try {
		state = JSON.parse(entry.stateJson);
	} catch {
		// Not JSON: applying it would make y-protocols throw; the entry is simply not accepted.
		return null;
	}
	if (state === null) return entry;
	if (typeof state !== 'object' || Array.isArray(state)) return null;
	const rewritten = { ...(state as Record<string, unknown>), user: presenceIdentity(user) };
	return { ...entry, stateJson: JSON.stringify(rewritten) };
}
