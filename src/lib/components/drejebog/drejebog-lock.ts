/**
 * Locks in the drejebog editor, as `run/locks/lock-context.ts` does for the template: the
 * sections already render their read-only view whenever their DrejebogSession says `isReadOnly`,
 * so a locked part hands the components below it a view of the session that also says read-only
 * while the part is locked for this person (the work group; the facilitator never is), and
 * refuses writes and undo there. The server refuses such updates regardless.
 */
import type { DrejebogSession } from '#lib/collab/drejebog/drejebog-session.svelte.ts';
import type { LockKind } from '#lib/domain/template/locks.ts';
import { getDocumentLocks, lockedSessionView } from '../run/locks/lock-context.ts';
import { getDrejebogSession, setDrejebogSession } from './context.ts';

const REFUSED = { message: 'locks.refused', fields: {} };

/** The drejebog's session as seen inside a part that is locked while `isLocked()` holds. */
export function lockedDrejebogView(
	base: DrejebogSession,
	isLocked: () => boolean
): DrejebogSession {
	return lockedSessionView(base, isLocked, {
		run: (write: Parameters<DrejebogSession['run']>[0]) => (isLocked() ? REFUSED : base.run(write)),
		undo: () => (isLocked() ? undefined : base.undo()),
		redo: () => (isLocked() ? undefined : base.redo())
	});
}

/**
 * Gives the components below the caller the session as it is inside the part `kind`/`targetId`
 * (read during component initialisation; the getters keep following changed props).
 */
export function scopeDrejebogToLock(kind: () => LockKind, targetId: () => string): DrejebogSession {
	const locks = getDocumentLocks();
	const base = getDrejebogSession();
	if (!locks) return base;
	return setDrejebogSession(
		lockedDrejebogView(base, () => locks.isLockedForMe(kind(), targetId()))
	);
}
