/**
 * Dropping a person's local (unsaved) edits of one document. Some server refusals cannot be
 * fixed by reconnecting, because the edits in this browser are what the server refuses: a
 * document at its maximum size (close 4413) or changes too large for one frame (1009, e.g.
 * after a long offline session). The browser would resend them on every reload. The way out
 * is to discard them here and load the document from the server again; any close code that
 * needs the same (a lock, say) can use this module.
 */
import { localDb } from '../db/local-db.ts';
import { deleteCachedDoc } from '../db/doc-cache.ts';
import type { CollabErrorCode } from './close-codes.ts';

/** Problems whose only way out is discarding the local edits (the page offers a button). */
const DISCARD_OFFERED: ReadonlySet<CollabErrorCode> = new Set<CollabErrorCode>([
	'documentTooLarge',
	'updateTooLarge'
]);

/** True when the person should be offered to discard their unsaved edits of the document. */
export function isDiscardOffered(error: CollabErrorCode | null): boolean {
	return error !== null && DISCARD_OFFERED.has(error);
}

/**
 * Deletes the document's offline cache (every cached update and its "unsaved" flag) for this
 * person, so the next load starts from the server's state. Call it after the session has
 * stopped writing to the cache (CollabSession.discardLocalChanges does).
 */
export async function discardLocalChanges(userId: string, documentId: string): Promise<void> {
	await deleteCachedDoc(localDb(userId), documentId);
}

/** Loads the page again from the server (the default after discarding, in a browser). */
export function reloadPage(): void {
	if (typeof location !== 'undefined') location.reload();
}
