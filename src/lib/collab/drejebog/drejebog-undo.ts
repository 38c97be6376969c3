/** Per-user undo for the drejebog: each person undoes their own changes, never anybody else's. */
import * as Y from 'yjs';
import { drejebogRoots, introductionFragment } from './drejebog-doc.ts';

/**
 * Merges changes made within this many milliseconds into one undo step (Yjs's default, as the
 * template's). Call `stopCapturing()` after an operation to make the next one a step of its own.
 */
export const DREJEBOG_UNDO_CAPTURE_MS = 500;

/**
 * An undo manager over the whole drejebog (the introduction included) that tracks only
 * transactions with `origin` (the origin this user's operations and typing pass), so remote
 * changes and other users' edits are never undone. Add tiptap's sync-plugin key to `extraOrigins`
 * to put rich-text typing on the same stack.
 */
export function createDrejebogUndoManager(
	doc: Y.Doc,
	origin: unknown,
	options: { extraOrigins?: unknown[]; captureTimeout?: number } = {}
): Y.UndoManager {
	const introduction = introductionFragment(doc);
	const roots: (Y.Map<unknown> | Y.XmlFragment)[] = Object.values(drejebogRoots(doc));
	const scope = introduction ? [...roots, introduction] : roots;
	return new Y.UndoManager(scope, {
		trackedOrigins: new Set([origin, ...(options.extraOrigins ?? [])]),
		captureTimeout: options.captureTimeout ?? DREJEBOG_UNDO_CAPTURE_MS
	});
}
