/**
 * What a document page does when the server refuses an edit because it changed a part the
 * facilitator has locked (close code 4423, `CLOSE_CODES.lockedPart`) or would have broken the
 * template's shape (4422, `CLOSE_CODES.brokenShape`, e.g. a tab on older code). The refused change
 * is still in the local Y.Doc and its offline cache: the stock provider would send it again on every
 * reconnect, and every later edit could build on it, so none of them would be stored either. The
 * only sound way back is to throw the local state away and load the document from the server:
 * `recover` destroys the session, deletes its offline cache and bumps `generation`, on which the
 * page keys its CollabSession, so a fresh one syncs from the server with the locked text restored.
 * Edits made on this page that the server had not stored yet are lost with it; the notice says so.
 */
import { CLOSE_CODES } from '../domain/collab-close-codes.ts';
import type { CollabSession } from './collab-session.svelte.ts';
import { discardLocalChanges } from './local-reset.ts';

/** Rebuilds a page's session after a refused edit, and keeps the notice explaining why. */
export class LockedPartRecovery {
	/** Changes when the page must build a new session (read it in the effect that creates one). */
	generation = $state(0);
	/** Message key for the live region, null when there is nothing to say. */
	notice = $state<string | null>(null);
	#isRecovering = false;

	/**
	 * Throws away `session` and its offline cache; the page then builds a fresh session. `code`
	 * is the server's close code, which picks the explanation.
	 */
	async recover(session: CollabSession, code: number = CLOSE_CODES.lockedPart): Promise<void> {
		if (this.#isRecovering) return;
		this.#isRecovering = true;
		try {
			// Destroying first lets the session's pending cache writes finish, so none lands after
			// the delete and brings the refused change back.
			await session.destroy();
			if (typeof indexedDB !== 'undefined') {
				await discardLocalChanges(session.user.id, session.documentId);
			}
		} catch (error) {
			// A cache that cannot be cleared is reported; the new session still syncs from the server.
			console.error('could not clear the offline copy', error);
		} finally {
			this.notice = code === CLOSE_CODES.brokenShape ? 'templateShape.refused' : 'locks.restored';
			this.generation++;
			this.#isRecovering = false;
		}
	}

	/** Hides the notice. */
	dismiss(): void {
		this.notice = null;
	}
}
