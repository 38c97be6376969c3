/**
 * The collaboration server's side of `src/lib/server/documents/document-edits.ts`: server code (e.g.
 * keeping a vote's chosen statements, choosing a template's starter, starting a drejebog) edits a
 * document through its room, exactly like a client would, so the edit is stored before it is
 * broadcast and reaches every open editor live. The log records the person on whose behalf the
 * server edited as the author.
 *
 * Server edits of one document run one after another: each reads the room's state only after the
 * previous one is stored and applied. An edit that checks the state first (a starter only for an
 * empty template, "refused on a drejebog that is already started") therefore sees every earlier
 * server edit, so of two requests that arrive together exactly one passes the check.
 */
import type { Logger } from 'pino';
import {
	registerDocumentEditor,
	type DocumentEditResult
} from '../../src/lib/server/documents/document-edits.ts';
import type { RoomRegistry } from './room-registry.ts';
import { SystemMember } from './system-member.ts';

/** Registers the editor for server-side edits; returns the function that removes it. */
export function attachDocumentEditor(registry: RoomRegistry, log: Logger): () => void {
	async function edit(
		documentId: string,
		authorUserId: string,
		makeUpdate: (state: Uint8Array) => Uint8Array | null
	): Promise<DocumentEditResult> {
		const room = await registry.acquire(documentId);
		try {
			const update = makeUpdate(await room.encodeState());
			if (!update) return 'unchanged';
			const member = new SystemMember(authorUserId);
			if (room.submitUpdate(update, member) === 'too-large') return 'too-large';
			// The update is queued, so idle means it has been stored and applied (or refused).
			await room.whenIdle();
			if (member.failure) {
				throw new Error(`server edit of ${documentId} was not stored: ${member.failure}`);
			}
			log.info({ documentId, authorUserId, bytes: update.length }, 'server edit stored');
			return 'stored';
		} finally {
			registry.release(documentId);
		}
	}

	/** The last queued edit of each document, settled or not; removed once nothing waits. */
	const queues = new Map<string, Promise<unknown>>();
	return registerDocumentEditor((documentId, authorUserId, makeUpdate) => {
		const previous = queues.get(documentId) ?? Promise.resolve();
		const run = () => edit(documentId, authorUserId, makeUpdate);
		// A failed edit must not stop the ones queued after it.
		const result = previous.then(run, run);
		const settled = result.catch(() => undefined);
		queues.set(documentId, settled);
		void settled.then(() => {
			if (queues.get(documentId) === settled) queues.delete(documentId);
		});
		return result;
	});
}
