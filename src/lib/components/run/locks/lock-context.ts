/**
 * How locks reach the editors' components without touching each of them: the components already
 * render read-only whenever their TemplateSession says `isReadOnly` (inputs readonly, rich text
 * static, move/remove/add and drag handles gone). A lock scope hands the components below it a
 * view of the session that also says read-only while its part is locked for this person, and
 * refuses writes and undo there. The drejebog editor does the same with its own session
 * (`components/drejebog/drejebog-lock.ts`); both read the document's locks from here.
 */
import { createContext } from 'svelte';
import type { DocumentLocks } from '#lib/collab/document-locks.svelte.ts';
import type {
	TemplateSession,
	WriteRefusal
} from '#lib/collab/template/template-session.svelte.ts';
import type { LockKind } from '#lib/domain/template/locks.ts';
import { getTemplateSession, setTemplateSession } from '../../template/context.ts';

const [getLocks, setLocks] = createContext<DocumentLocks>();

/** Makes the document's locks available to the editor below the caller. */
export function setDocumentLocks(locks: DocumentLocks): DocumentLocks {
	return setLocks(locks);
}

/** The document's locks, or null outside a provider (then nothing is locked). */
export function getDocumentLocks(): DocumentLocks | null {
	try {
		return getLocks();
	} catch {
		return null;
	}
}

const REFUSED: WriteRefusal = { message: 'locks.refused', fields: {} };

/**
 * `base` (an editor's session) as seen inside a part that is locked while `isLocked()` holds: it
 * says `isReadOnly` then, and the members in `guarded` (its writes and undo, which check
 * `isLocked()` themselves) replace the session's own. Shared by the template's and the drejebog's
 * sessions.
 */
export function lockedSessionView<S extends { readonly isReadOnly: boolean }>(
	base: S,
	isLocked: () => boolean,
	guarded: Partial<Record<keyof S, unknown>>
): S {
	// A Proxy rather than a subclass: the session keeps its private fields, and every other
	// member (reactive state included) is read from the session itself.
	return new Proxy(base, {
		get(target, property) {
			if (property === 'isReadOnly') return target.isReadOnly || isLocked();
			if (property in guarded) return guarded[property as keyof S];
			const value: unknown = Reflect.get(target, property, target);
			if (typeof value === 'function') return (value as (...a: unknown[]) => unknown).bind(target);
			return value;
		}
	});
}

/** The template's session as seen inside a part that is locked while `isLocked()` holds. */
export function lockedView(base: TemplateSession, isLocked: () => boolean): TemplateSession {
	return lockedSessionView(base, isLocked, {
		run: (write: Parameters<TemplateSession['run']>[0]) => (isLocked() ? REFUSED : base.run(write)),
		start: (starter: Parameters<TemplateSession['start']>[0]) =>
			isLocked() ? REFUSED : base.start(starter),
		undo: () => (isLocked() ? undefined : base.undo()),
		redo: () => (isLocked() ? undefined : base.redo())
	});
}

/**
 * Gives the components below the caller the session as it is inside the part `kind`/`targetId`
 * (read during component initialisation; the getters keep following changed props).
 */
export function scopeToLock(kind: () => LockKind, targetId: () => string): TemplateSession {
	const locks = getDocumentLocks();
	const base = getTemplateSession();
	if (!locks) return base;
	return setTemplateSession(lockedView(base, () => locks.isLockedForMe(kind(), targetId())));
}
