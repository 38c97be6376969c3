/**
 * The collaboration server's side of `src/lib/server/documents/document-edits.ts`: server code (e.g.
 * keeping a vote's chosen statements) edits a document through its room, exactly like a client
 * would, so the edit is stored before it is broadcast and reaches every open editor live. The log
 * records the person on whose behalf the server edited as the author.
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
	return registerDocumentEditor(
		async (documentId, authorUserId, makeUpdate): Promise<DocumentEditResult> => {
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
	);
}
