/**
 * Moving a step by keyboard: Alt+ArrowUp and Alt+ArrowDown anywhere in a step move it one place
 * within its stage, and past the first or last place into the stage before or after (to its end
 * or its start), so a step can travel through the whole drejebog from the keyboard. Dragging is
 * the template's `reorderable` with one list name for every stage, plus `stageDropZone` for a
 * stage without steps.
 */
import type { Action } from 'svelte/action';
import { moveKeepingFocusById } from './list-actions.ts';

/** The drag type every stage's steps share, as `reorderable` writes it for the list name. */
export const STEP_LIST = 'drejebog-steps';
const STEP_DRAG_TYPE = `application/x-formvaerk-${STEP_LIST}`;

export type StepKeysOptions = {
	index: number;
	count: number;
	/** Moves the step within its stage; returns false when refused. */
	move: (toIndex: number) => boolean;
	/** Moves it to the end of the stage before (null: this is the first stage). */
	toPrevious: (() => boolean) | null;
	/** Moves it to the start of the stage after (null: this is the last stage). */
	toNext: (() => boolean) | null;
	isDisabled?: boolean;
};

/** `<div use:stepKeys={…}>` around a step's content (inside the `<li>` that `reorderable` drags). */
export const stepKeys: Action<HTMLElement, StepKeysOptions> = (node, initial) => {
	let options = initial;
	function onKeydown(event: KeyboardEvent): void {
		if (options.isDisabled || !event.altKey) return;
		if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
		// Handled here, so the list's own handler (which stops at the ends) does not run.
		event.stopPropagation();
		event.preventDefault();
		const isUp = event.key === 'ArrowUp';
		const toIndex = options.index + (isUp ? -1 : 1);
		if (toIndex >= 0 && toIndex < options.count) {
			void moveKeepingFocusById(() => options.move(toIndex));
			return;
		}
		const across = isUp ? options.toPrevious : options.toNext;
		if (across) void moveKeepingFocusById(across);
	}
	node.addEventListener('keydown', onKeydown);
	return {
		update(next) {
			options = next;
		},
		destroy() {
			node.removeEventListener('keydown', onKeydown);
		}
	};
};

/** Makes an empty stage's list accept a dragged step: `<ol use:stageDropZone={{ drop }}>`. */
export const stageDropZone: Action<
	HTMLElement,
	{ drop: (stepId: string) => void; isDisabled?: boolean }
> = (node, initial) => {
	let options = initial;
	const isOurs = (event: DragEvent) =>
		!options.isDisabled && (event.dataTransfer?.types.includes(STEP_DRAG_TYPE) ?? false);
	function onDragOver(event: DragEvent): void {
		if (!isOurs(event)) return;
		event.preventDefault();
		event.dataTransfer!.dropEffect = 'move';
		node.classList.add('drop-target');
	}
	function onDragLeave(event: DragEvent): void {
		if (!node.contains(event.relatedTarget as Node | null)) node.classList.remove('drop-target');
	}
	function onDrop(event: DragEvent): void {
		node.classList.remove('drop-target');
		if (!isOurs(event)) return;
		event.preventDefault();
		options.drop(event.dataTransfer!.getData(STEP_DRAG_TYPE));
	}
	const listeners: [string, (event: DragEvent) => void][] = [
		['dragenter', onDragOver],
		['dragover', onDragOver],
		['dragleave', onDragLeave],
		['drop', onDrop]
	];
	for (const [type, listener] of listeners) node.addEventListener(type, listener as EventListener);
	return {
		update(next) {
			options = next;
		},
		destroy() {
			for (const [type, listener] of listeners) {
				node.removeEventListener(type, listener as EventListener);
			}
		}
	};
};
