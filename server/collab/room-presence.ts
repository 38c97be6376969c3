/**
 * A room's presence (awareness): which client ids each connection owns, and the states they
 * publish after `presence.ts` has rewritten them. A client may only set or clear states of
 * client ids its own connection claimed; a closed connection's states disappear at once.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { awarenessMessage, writeAwarenessUpdate, type AwarenessEntry } from './protocol.ts';
import { rewriteAwarenessEntry, type PresenceUser } from './presence.ts';

/** The side of a connection presence cares about. */
export type PresenceMember = { readonly user: PresenceUser; readonly awarenessIds: Set<number> };

/** Awareness states of one room, with ownership. */
export class RoomPresence {
	readonly awareness: awarenessProtocol.Awareness;
	private readonly owners = new Map<number, PresenceMember>();
	private readonly maxClientsPerMember: number;

	/** `broadcast` receives every awareness message that all connections must get. */
	constructor(maxClientsPerMember: number, broadcast: (message: Uint8Array) => void) {
		this.maxClientsPerMember = maxClientsPerMember;
		// Presence needs no document content; its own small doc only supplies a client id.
		this.awareness = new awarenessProtocol.Awareness(new Y.Doc());
		// The server has no presence of its own.
		this.awareness.setLocalState(null);
		this.awareness.on(
			'update',
			({ added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>) => {
				const changed = added.concat(updated, removed);
				broadcast(
					awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed))
				);
			}
		);
	}

	/**
	 * Applies a client's entries after filtering them to client ids the member owns (or may
	 * claim) and overwriting `user` with its session identity.
	 */
	apply(member: PresenceMember, entries: AwarenessEntry[]): void {
		const accepted: AwarenessEntry[] = [];
		for (const entry of entries) {
			const owner = this.owners.get(entry.clientId);
			if (owner && owner !== member) continue;
			if (!owner) {
				if (member.awarenessIds.size >= this.maxClientsPerMember) continue;
				this.owners.set(entry.clientId, member);
				member.awarenessIds.add(entry.clientId);
			}
			const rewritten = rewriteAwarenessEntry(entry, member.user);
			if (rewritten) accepted.push(rewritten);
		}
		if (accepted.length === 0) return;
		awarenessProtocol.applyAwarenessUpdate(this.awareness, writeAwarenessUpdate(accepted), member);
	}

	/** Drops a member's client ids and removes their states (broadcast at once). */
	remove(member: PresenceMember): void {
		const ids = [...member.awarenessIds].filter((id) => this.owners.get(id) === member);
		for (const id of ids) this.owners.delete(id);
		member.awarenessIds.clear();
		const present = ids.filter((id) => this.awareness.states.has(id));
		if (present.length > 0) {
			awarenessProtocol.removeAwarenessStates(this.awareness, present, 'connection closed');
		}
	}

	/** All current states as one message, or null when nobody has a state. */
	snapshot(): Uint8Array | null {
		const ids = [...this.awareness.getStates().keys()];
		if (ids.length === 0) return null;
		return awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids));
	}

	/** Stops the awareness timer. */
	destroy(): void {
		this.awareness.doc.destroy();
	}
}
