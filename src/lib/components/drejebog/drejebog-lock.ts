/**
 * Locks in the drejebog editor, as `run/locks/lock-context.ts` does for the template: the
 * sections already render their read-only view whenever their DrejebogSession says `isReadOnly`,
 * so a locked part hands the components below it a view of the session that also says read-only
 * while the part is locked for this person (the work group; the facilitator never is), and
 * refuses writes and undo there. The server refuses such updates regardless.
 */
import type { DrejebogSession } from '#lib/collab/drejebog/drejebog-session.svelte.ts';
import type { LockKind } from '#lib/domain/template/locks.ts';
import { getDocumentLocks } from '../run/locks/lock-context.ts';
import { getDrejebogSession, setDrejebogSession } from './context.ts';

const REFUSED = { message: 'locks.refused', fields: {} };

/** `base` as seen inside a part that is locked while `isLocked()` holds. */
export function lockedDrejebogView(
	base: DrejebogSession,
	isLocked: () => boolean
): DrejebogSession {
	const guarded: Partial<Record<keyof DrejebogSession, unknown>> = {
		run: (write: Parameters<DrejebogSession['run']>[0]) => (isLocked() ? REFUSED : base.run(write)),
		undo: () => (isLocked() ? undefined : base.undo()),
		redo: () => (isLocked() ? undefined : base.redo())
	};
	// A Proxy rather than a subclass: the session keeps its private fields, and every other member
	// (its reactive state included) is read from the session itself.
	return new Proxy(base, {
		get(target, property) {
			if (property === 'isReadOnly') return target.isReadOnly || isLocked();
			if (property in guarded) return guarded[property as keyof DrejebogSession];
			const value: unknown = Reflect.get(target, property, target);
			if (typeof value === 'function') return (value as (...a: unknown[]) => unknown).bind(target);
			return value;
		}
	});
}

/** True while the part `kind`/`targetId` is locked for this person (never outside a provider). */
export function isLockedForMe(kind: LockKind, targetId: string): boolean {
	return getDocumentLocks()?.isLockedForMe(kind, targetId) ?? false;
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
