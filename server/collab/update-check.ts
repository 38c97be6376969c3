/**
 * The room core's check of an update before the room stores it: does it keep the shape of its
 * document's kind (template-shape-check.ts, drejebog-shape-check.ts), and would it change a part
 * the facilitator has locked? Both
 * are answered in one pass on a scratch copy of the room's document, never on the document
 * itself, so a refused update leaves no trace. Used by `LocalRoomCore` and by the worker thread
 * (`room-core-thread.ts`) alike. Locked parts are compared on the reading of the document's kind:
 * the template (`readTemplate`, template/locks.ts) or the drejebog (`readDrejebog`,
 * drejebog/locks.ts), which the room knows from its document.
 *
 * The scratch copy is made once (on the first check) and then kept in step: every update is
 * checked, so an accepted update is already in it, and the core also feeds it every batch it
 * applies (`follow`); applying an update twice is harmless in Yjs (known structs are skipped).
 * A refused update has been applied to the copy, so the copy is dropped and rebuilt at the next
 * check; refusals are rare (the editor offers neither locked parts nor broken shapes).
 */
import * as Y from 'yjs';
import { readTemplate } from '../../src/lib/collab/template/template-read.ts';
import { readDrejebog } from '../../src/lib/collab/drejebog/drejebog-read.ts';
import type { ShapeCheck } from '../../src/lib/collab/shape-check.ts';
import { templateShapeCheck } from '../../src/lib/collab/template/template-shape-check.ts';
import { drejebogShapeCheck } from '../../src/lib/collab/drejebog/drejebog-shape-check.ts';
import { templateRoots } from '../../src/lib/collab/template/template-doc.ts';
import { drejebogRoots, introductionFragment } from '../../src/lib/collab/drejebog/drejebog-doc.ts';
import { changedLockedTargets, type LockTarget } from '../../src/lib/domain/template/locks.ts';
import { changedLockedDrejebogTargets } from '../../src/lib/domain/drejebog/locks.ts';
import type { Template } from '../../src/lib/domain/template/schemas.ts';
import type { Drejebog } from '../../src/lib/domain/drejebog/schemas.ts';
import type { DocumentKind } from '../../src/lib/domain/workshop.ts';

/** A reading of the scratch copy for the lock check, with the kind it was read as. */
type Reading = { kind: 'template'; value: Template } | { kind: 'drejebog'; value: Drejebog };

function readAs(kind: DocumentKind, doc: Y.Doc): Reading {
	return kind === 'template'
		? { kind, value: readTemplate(doc) }
		: { kind, value: readDrejebog(doc) };
}

/** The locked parts that differ between two readings (of the same kind). */
function changedBetween(before: Reading, after: Reading, locks: readonly LockTarget[]) {
	if (before.kind === 'template' && after.kind === 'template') {
		return changedLockedTargets(before.value, after.value, locks);
	}
	if (before.kind === 'drejebog' && after.kind === 'drejebog') {
		return changedLockedDrejebogTargets(before.value, after.value, locks);
	}
	return [];
}

/**
 * What a check found: `accepted`; `shape` when the update would break the template's shape;
 * `locked` with the locked parts the update would change; or `unreadable` when the update cannot
 * be applied at all (a crafted update is refused rather than stored unchecked).
 */
export type CheckVerdict =
	| { verdict: 'accepted' }
	| { verdict: 'shape'; problem: string }
	| { verdict: 'locked'; touched: LockTarget[] }
	| { verdict: 'unreadable'; error: string };

/** Marks the transaction of the update being checked (the scratch copy's own ones carry none). */
const CHECKED = Symbol('checked update');

/** A scratch copy of one room's document for checking updates. */
export class UpdateCheck {
	private readonly source: Y.Doc;
	private scratch: Y.Doc | null = null;
	/** The shape check of the room's kind (made on the first check; a room's kind never changes). */
	private shape: ShapeCheck | null = null;
	/** Updates this copy checked and accepted (so `follow` need not apply them again). */
	private accepted = new WeakSet<Uint8Array>();
	/** What the shape check said about the last checked transaction. */
	private shapeProblem: string | null = null;
	/** The copy's reading (for locks) while it has not changed since; null once it has. */
	private lastRead: Reading | null = null;
	/**
	 * After every transaction of the copy: the checked update's is inspected, and any change
	 * forgets the last reading. ('afterTransaction' rather than 'update': a listener on 'update'
	 * makes Yjs encode every transaction, which would double the cost of a keystroke.)
	 */
	private readonly inspect = (transaction: Y.Transaction) => {
		this.lastRead = null;
		if (transaction.origin === CHECKED && this.shape) {
			this.shapeProblem = this.shape.problem(transaction);
		}
	};

	constructor(source: Y.Doc) {
		this.source = source;
	}

	/**
	 * Keeps the copy (if there is one) in step with a batch the room's document just applied.
	 * Updates this copy accepted are in it already and are skipped (the worker thread's are
	 * copies, so there they are applied again, which Yjs turns into a no-op).
	 */
	follow(updates: readonly Uint8Array[]): void {
		if (!this.scratch) return;
		const missing = updates.filter((update) => !this.accepted.has(update));
		if (missing.length === 0) return;
		try {
			Y.transact(this.scratch, () => {
				for (const update of missing) Y.applyUpdate(this.scratch as Y.Doc, update);
			});
		} catch {
			// The document skipped the same failing update; a fresh copy is simpler than guessing.
			this.drop();
		}
	}

	/**
	 * Checks `update` (shape always, `locks` when there are any, on the document read as `kind`:
	 * a template unless the room knows otherwise). `pending` are updates the room
	 * accepted earlier but has not yet applied (they wait for their commit). The room checks every
	 * update in order, so a copy that has lived through their checks holds them; a copy made now
	 * (the first check, or after a refusal) does not, and they are applied to it first, in order.
	 * Without them a later update that builds on a pending one could not be integrated in the copy
	 * and would seem to change nothing.
	 */
	check(
		update: Uint8Array,
		pending: readonly Uint8Array[],
		locks: readonly LockTarget[],
		kind: DocumentKind = 'template'
	): CheckVerdict {
		this.shape ??= kind === 'template' ? templateShapeCheck() : drejebogShapeCheck();
		const isFresh = this.scratch === null;
		const scratch = this.copy(kind);
		try {
			if (isFresh && pending.length > 0) this.follow(pending);
			const cached = this.lastRead?.kind === kind ? this.lastRead : null;
			const before = locks.length > 0 ? (cached ?? readAs(kind, scratch)) : null;
			this.shapeProblem = null;
			Y.applyUpdate(scratch, update, CHECKED);
			if (this.shapeProblem !== null) {
				const problem: string = this.shapeProblem;
				this.drop();
				return { verdict: 'shape', problem };
			}
			const after = before ? readAs(kind, scratch) : null;
			const touched = before && after ? changedBetween(before, after, locks) : [];
			if (touched.length === 0) {
				this.accepted.add(update);
				// The transaction forgot the last reading; this one is the copy's state now.
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
		this.scratch?.off('afterTransaction', this.inspect);
		this.scratch?.destroy();
		this.scratch = null;
		this.lastRead = null;
		this.accepted = new WeakSet();
	}

	private copy(kind: DocumentKind): Y.Doc {
		if (this.scratch) return this.scratch;
		const scratch = new Y.Doc();
		// The kind's roots have their types from the start, so content of another kind sent to one
		// (list items in a map) is integrated where the shape check sees it.
		if (kind === 'template') templateRoots(scratch);
		else {
			drejebogRoots(scratch);
			introductionFragment(scratch);
		}
		Y.applyUpdate(scratch, Y.encodeStateAsUpdate(this.source));
		scratch.on('afterTransaction', this.inspect);
		this.scratch = scratch;
		return scratch;
	}
}
