/**
 * The steps every editable list of the drejebog shares: run the named operation, tell screen-reader
 * users what happened (moves and deletions change the page without a page load), and put focus
 * somewhere sensible after a move or a deletion.
 */
import { tick } from 'svelte';
import { t } from '#lib/i18n/index.svelte.ts';
import type {
	DrejebogRefusal,
	DrejebogSession
} from '#lib/collab/drejebog/drejebog-session.svelte.ts';

type RunResult<T> = DrejebogRefusal | { value: T };

/** The refusal of a `session.run` result, or null when the change was applied. */
export function refusalOf<T>(result: RunResult<T>): DrejebogRefusal | null {
	return 'message' in result ? result : null;
}

/** Moves an item and announces its new place; returns false when the move was refused. */
export function moveAndAnnounce(
	session: DrejebogSession,
	options: {
		label: string;
		toIndex: number;
		count: number;
		where?: string;
		run: () => RunResult<unknown>;
	}
): boolean {
	const refusal = refusalOf(options.run());
	if (refusal) {
		session.announce(t(refusal.message));
		return false;
	}
	const position = { label: options.label, position: options.toIndex + 1, count: options.count };
	session.announce(
		options.where
			? t('drejebog.announce.movedTo', { ...position, stage: options.where })
			: t('drejebog.announce.moved', position)
	);
	return true;
}

/**
 * Runs a move that may re-create the moved item's element (a step moved to another stage) and
 * puts focus back on the control with the same id once the lists have re-rendered.
 */
export async function moveKeepingFocusById(move: () => boolean): Promise<void> {
	const id = document.activeElement instanceof HTMLElement ? document.activeElement.id : '';
	if (!move()) return;
	await tick();
	if (id) document.getElementById(id)?.focus();
}

/**
 * Deletes an item, announces it with the way back (undo), and moves focus to `nextFocusId` (the
 * next item or the list's "add" input) because the focused button is gone with the item.
 */
export async function removeAndAnnounce(
	session: DrejebogSession,
	options: { label: string; nextFocusId: string; run: () => RunResult<unknown> }
): Promise<void> {
	const refusal = refusalOf(options.run());
	session.announce(
		refusal ? t(refusal.message) : t('drejebog.announce.removed', { label: options.label })
	);
	if (refusal) return;
	await tick();
	document.getElementById(options.nextFocusId)?.focus();
}
