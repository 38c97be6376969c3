/**
 * Focus management for progressively enhanced forms: after a failed submit, keyboard and
 * screen-reader users land on the problem instead of staying on the submit button.
 */
import type { SubmitFunction } from '@sveltejs/kit';
import { tick } from 'svelte';

/**
 * Focuses the first invalid field of `form`, else an alert inside it, else the first alert on
 * the page (a small form, like a revoke button, may have disappeared with the update).
 */
export function focusFirstProblem(form: HTMLFormElement): void {
	const target =
		form.querySelector<HTMLElement>('[aria-invalid="true"]') ??
		form.querySelector<HTMLElement>('[role="alert"]') ??
		document.querySelector<HTMLElement>('main [role="alert"]');
	target?.focus();
}

/** A `use:enhance` callback: SvelteKit's default update, then focus on the problem if it failed. */
export const focusOnFailure: SubmitFunction = ({ formElement }) => {
	return async ({ result, update }) => {
		await update();
		if (result.type !== 'failure') return;
		// The failure's messages render on the next tick; focus them once they exist.
		await tick();
		focusFirstProblem(formElement);
	};
};
