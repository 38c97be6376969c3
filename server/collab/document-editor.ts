/**
 * The collaboration server's side of `src/lib/server/documents/document-edits.ts`: server code (e.g.
 * keeping a vote's chosen statements, choosing a template's starter) edits a document through its
 * room, exactly like a client would, so the edit is stored before it is broadcast and reaches
 * every open editor live. The log records the person on whose behalf the server edited as the
 * author.
 *
 * Server edits of one document run one at a time: the next one reads the document only once the
 * previous one is stored and applied. So an edit that decides from what the document holds (a
 * starter only for an empty template) sees every earlier server edit, and of two people choosing
 * a starter at the same moment exactly one fills the template and the other is refused.
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
	/** The last edit of each document with an edit running or waiting, to queue the next one. */
	const running = new Map<string, Promise<unknown>>();

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

	return registerDocumentEditor((documentId, authorUserId, makeUpdate) => {
		const previous = running.get(documentId) ?? Promise.resolve();
		// The previous edit's outcome is its caller's; this one only waits for it to end.
		const next = previous.then(
			() => edit(documentId, authorUserId, makeUpdate),
			() => edit(documentId, authorUserId, makeUpdate)
		);
		running.set(documentId, next);
		const forget = () => {
			if (running.get(documentId) === next) running.delete(documentId);
		};
		next.then(forget, forget);
		return next;
	});
}
