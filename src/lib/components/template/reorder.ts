/**
 * Reordering list items by keyboard (Alt+ArrowUp/Down anywhere in an item) and by drag and drop
 * (a drag handle in the item, dropped on another item of the same list). Both end in one
 * `move(itemId, toIndex)` call, i.e. one named operation; focus stays on the control that had
 * it, even though the item's element moves in the DOM.
 */
import type { Action } from 'svelte/action';
import { tick } from 'svelte';

export type ReorderOptions = {
	/** Which list the item belongs to; a drop from another list is ignored. */
	list: string;
	itemId: string;
	index: number;
	count: number;
	/** Moves `itemId` to `toIndex` (0 = first); returns false when it could not be moved. */
	move: (itemId: string, toIndex: number) => boolean;
	isDisabled?: boolean;
};

export type DragHandleOptions = { list: string; itemId: string; isDisabled?: boolean };

/** The drag data type names the list, so only its own items light up as drop targets. */
function dragType(list: string): string {
	// DataTransfer lowercases types; ids are case-sensitive, so only the type is lowercased.
	return `application/x-formvaerk-${list}`.toLowerCase();
}

/**
 * Runs a move and puts focus back where it was once the list has re-rendered. When that control
 * can no longer take focus (a move button disabled at the end of the list), `onFocusLost` picks
 * another one.
 */
export async function moveKeepingFocus(
	move: () => boolean,
	onFocusLost?: () => void
): Promise<void> {
	const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
	if (!move()) return;
	await tick();
	active?.focus();
	if (active && document.activeElement !== active) onFocusLost?.();
}

/** Makes an element the drag handle of a list item: `<span use:dragHandle={{ list, itemId }}>`. */
export const dragHandle: Action<HTMLElement, DragHandleOptions> = (node, initial) => {
	let options = initial;
	function onDragStart(event: DragEvent): void {
		if (options.isDisabled || !event.dataTransfer) return;
		event.stopPropagation();
		event.dataTransfer.effectAllowed = 'move';
		event.dataTransfer.setData(dragType(options.list), options.itemId);
		const item = node.closest('li');
		if (item) event.dataTransfer.setDragImage(item, 16, 16);
	}
	node.draggable = !initial.isDisabled;
	node.addEventListener('dragstart', onDragStart);
	return {
		update(next) {
			options = next;
			node.draggable = !next.isDisabled;
		},
		destroy() {
			node.removeEventListener('dragstart', onDragStart);
		}
	};
};

/** Makes a list item movable: `<li use:reorderable={{ list, itemId, index, count, move }}>`. */
export const reorderable: Action<HTMLElement, ReorderOptions> = (node, initial) => {
	let options = initial;

	function onKeydown(event: KeyboardEvent): void {
		if (options.isDisabled || !event.altKey) return;
		if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
		// The innermost list wins when lists are nested (statements inside an area).
		event.stopPropagation();
		event.preventDefault();
		const toIndex = options.index + (event.key === 'ArrowUp' ? -1 : 1);
		if (toIndex < 0 || toIndex >= options.count) return;
		void moveKeepingFocus(() => options.move(options.itemId, toIndex));
	}

	function isOurDrag(event: DragEvent): boolean {
		const type = dragType(options.list);
		return !options.isDisabled && (event.dataTransfer?.types.includes(type) ?? false);
	}

	function onDragOver(event: DragEvent): void {
		if (!isOurDrag(event)) return;
		event.preventDefault();
		// Over a text field the browser would suggest "copy", which a "move" drag refuses to drop.
		event.dataTransfer!.dropEffect = 'move';
		// The innermost list wins when lists are nested (statements inside an area).
		event.stopPropagation();
		node.classList.add('drop-target');
	}

	function onDragLeave(event: DragEvent): void {
		if (!node.contains(event.relatedTarget as Node | null)) node.classList.remove('drop-target');
	}

	function onDrop(event: DragEvent): void {
		node.classList.remove('drop-target');
		if (!isOurDrag(event)) return;
		const itemId = event.dataTransfer!.getData(dragType(options.list));
		event.preventDefault();
		event.stopPropagation();
		if (itemId !== options.itemId) options.move(itemId, options.index);
	}

	node.addEventListener('keydown', onKeydown);
	// Cancelling dragenter too makes the item the drop target (else the page body would be).
	node.addEventListener('dragenter', onDragOver);
	node.addEventListener('dragover', onDragOver);
	node.addEventListener('dragleave', onDragLeave);
	node.addEventListener('drop', onDrop);
	return {
		update(next) {
			options = next;
		},
		destroy() {
			node.removeEventListener('keydown', onKeydown);
			node.removeEventListener('dragenter', onDragOver);
			node.removeEventListener('dragover', onDragOver);
			node.removeEventListener('dragleave', onDragLeave);
			node.removeEventListener('drop', onDrop);
		}
	};
};

export type DropAtEndOptions = {
	list: string;
	/** Moves the dragged item (usually from another list of the same kind) to the end. */
	drop: (itemId: string) => void;
	isDisabled?: boolean;
};

/**
 * Makes a whole list a drop target for items of `list` that are not dropped on one of its items
 * (an empty area, or the space below its last statement): they go to the end.
 */
export const dropAtEnd: Action<HTMLElement, DropAtEndOptions> = (node, initial) => {
	let options = initial;
	const accepts = (event: DragEvent) =>
		!options.isDisabled && (event.dataTransfer?.types.includes(dragType(options.list)) ?? false);
	function onDragOver(event: DragEvent): void {
		if (!accepts(event)) return;
		event.preventDefault();
		event.dataTransfer!.dropEffect = 'move';
	}
	function onDrop(event: DragEvent): void {
		if (!accepts(event)) return;
		event.preventDefault();
		options.drop(event.dataTransfer!.getData(dragType(options.list)));
	}
	node.addEventListener('dragenter', onDragOver);
	node.addEventListener('dragover', onDragOver);
	node.addEventListener('drop', onDrop);
	return {
		update(next) {
			options = next;
		},
		destroy() {
			node.removeEventListener('dragenter', onDragOver);
			node.removeEventListener('dragover', onDragOver);
			node.removeEventListener('drop', onDrop);
		}
	};
};
