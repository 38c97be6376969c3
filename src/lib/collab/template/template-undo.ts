/** Per-user undo for the template: each person undoes their own changes, never anybody else's. */
import * as Y from 'yjs';
import { templateRoots } from './template-doc.ts';

/**
 * Merges changes made within this many milliseconds into one undo step (Yjs's default). Call
 * `stopCapturing()` after an operation to make the next one a step of its own.
 */
export const TEMPLATE_UNDO_CAPTURE_MS = 500;

/**
 * An undo manager over the whole template that tracks only transactions with `origin` (the
 * origin this user's operations pass), so remote changes and other users' edits are never undone.
 * Add tiptap's sync-plugin key to `extraOrigins` to put rich-text typing on the same stack.
 */
export function createTemplateUndoManager(
	doc: Y.Doc,
	origin: unknown,
	options: { extraOrigins?: unknown[]; captureTimeout?: number } = {}
): Y.UndoManager {
	const roots = templateRoots(doc);
	return new Y.UndoManager(Object.values(roots), {
		trackedOrigins: new Set([origin, ...(options.extraOrigins ?? [])]),
		captureTimeout: options.captureTimeout ?? TEMPLATE_UNDO_CAPTURE_MS
	});
}
