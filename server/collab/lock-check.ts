/**
 * The room core's half of lock enforcement: would this update change a locked part of the
 * template? It is answered on a scratch copy of the room's document, never on the document
 * itself, so a refused update leaves no trace. Used by `LocalRoomCore` and by the worker thread
 * (`room-core-thread.ts`) alike.
 *
 * The scratch copy is made once (on the first check) and then kept in step: the core feeds it
 * every batch it applies (`follow`), and an accepted update stays in it. Applying an update twice
 * is harmless in Yjs (known structs are skipped), so following needs no bookkeeping. A refused
 * update has been applied to the copy, so the copy is dropped and rebuilt at the next check;
 * refusals are rare (the editor does not offer locked parts), so that cost is too.
 */
import * as Y from 'yjs';
import { readTemplate } from '../../src/lib/collab/template/template-read.ts';
import { changedLockedTargets, type LockTarget } from '../../src/lib/domain/template/locks.ts';
import type { Template } from '../../src/lib/domain/template/schemas.ts';

/**
 * What a check found: `accepted`, `locked` with the locked parts the update would change, or
 * `unreadable` when the update cannot be applied at all (a crafted update is refused rather than
 * stored unchecked).
 */
export type LockVerdict =
	| { verdict: 'accepted' }
	| { verdict: 'locked'; touched: LockTarget[] }
	| { verdict: 'unreadable'; error: string };

/** A scratch copy of one room's document for lock checks. */
export class LockScratch {
	private readonly source: Y.Doc;
	private scratch: Y.Doc | null = null;
	/** `readTemplate(scratch)` while the copy has not changed since; null once it has. */
	private lastRead: Template | null = null;
	private readonly forget = () => (this.lastRead = null);

	constructor(source: Y.Doc) {
		this.source = source;
	}

	/** Keeps the copy (if there is one) in step with a batch the room's document just applied. */
	follow(updates: readonly Uint8Array[]): void {
		if (!this.scratch) return;
		try {
			Y.transact(this.scratch, () => {
				for (const update of updates) Y.applyUpdate(this.scratch as Y.Doc, update);
			});
		} catch {
			// The document skipped the same failing update; a fresh copy is simpler than guessing.
			this.drop();
		}
	}

	/**
	 * Checks `update` against `locks`. `pending` are updates the room accepted earlier but has not
	 * yet applied (they wait for their commit): they are not in the room's document, so they are
	 * applied to the copy first, in order. Without them a later update that builds on a pending
	 * one could not be integrated in the copy, would seem to change nothing, and slip through.
	 */
	check(
		update: Uint8Array,
		pending: readonly Uint8Array[],
		locks: readonly LockTarget[]
	): LockVerdict {
		const scratch = this.copy();
		try {
			if (pending.length > 0) this.follow(pending);
			const before = this.lastRead ?? readTemplate(scratch);
			Y.applyUpdate(scratch, update);
			const after = readTemplate(scratch);
			const touched = changedLockedTargets(before, after, locks);
			if (touched.length === 0) {
				this.lastRead = after;
				return { verdict: 'accepted' };
			}
			this.drop();
			return { verdict: 'locked', touched };
		} catch (error) {
			this.drop();
			return {
				verdict: 'unreadable',
				error: error instanceof Error ? error.message : String(error)
			};
		}
	}

	/** Frees the copy. */
	drop(): void {
		this.scratch?.off('update', this.forget);
		this.scratch?.destroy();
		this.scratch = null;
		this.lastRead = null;
	}

	private copy(): Y.Doc {
		if (this.scratch) return this.scratch;
		const scratch = new Y.Doc();
		Y.applyUpdate(scratch, Y.encodeStateAsUpdate(this.source));
		scratch.on('update', this.forget);
		this.scratch = scratch;
		return scratch;
	}
}
