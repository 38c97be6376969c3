/**
 * The steps every editable list shares: run the named operation, tell screen-reader users what
 * happened (moves and deletions change the page without a page load), and put focus somewhere
 * sensible after a deletion.
 */
import { tick } from 'svelte';
import { t } from '#lib/i18n/index.svelte.ts';
import type {
	TemplateSession,
	WriteRefusal
} from '#lib/collab/template/template-session.svelte.ts';

type RunResult<T> = WriteRefusal | { value: T };

/** The refusal of a `session.run` result, or null when the change was applied. */
export function refusalOf<T>(result: RunResult<T>): WriteRefusal | null {
	return 'message' in result ? result : null;
}

/** Moves an item and announces its new place; returns false when the move was refused. */
export function moveAndAnnounce(
	session: TemplateSession,
	options: { label: string; toIndex: number; count: number; run: () => RunResult<unknown> }
): boolean {
	const refusal = refusalOf(options.run());
	if (refusal) {
		session.announce(t(refusal.message));
		return false;
	}
	session.announce(
		t('templateEditor.announce.moved', {
			label: options.label,
			position: options.toIndex + 1,
			count: options.count
		})
	);
	return true;
}

/**
 * Deletes an item, announces it with the way back (undo), and moves focus to `nextFocusId` (the
 * next item or the list's "add" input) because the focused button is gone with the item.
 */
export async function removeAndAnnounce(
	session: TemplateSession,
	options: { label: string; nextFocusId: string; run: () => RunResult<unknown> }
): Promise<void> {
	const refusal = refusalOf(options.run());
	session.announce(
		refusal ? t(refusal.message) : t('templateEditor.announce.removed', { label: options.label })
	);
	if (refusal) return;
	await tick();
	document.getElementById(options.nextFocusId)?.focus();
}
