/**
 * Server-side edits of a collaborative document (e.g. keeping the chosen statements of a vote).
 * An edit must go through the collaboration server's room, like a client's update: stored before
 * it is broadcast, and sent live to everyone who has the document open. Writing to the log
 * directly would be unsafe while a room holds the document (see `seedDocumentUpdate`).
 *
 * The SvelteKit handler bundle and the server entry each load their own copy of this module, so
 * the collaboration server registers its editor in a `globalThis` registry keyed by a global
 * symbol (as in access-events.ts). The editor only moves bytes (the room's state in, one update
 * out): the scratch Y.Doc is built here, with the same Yjs copy as the caller's template
 * operations, so no Yjs object crosses between module copies.
 */
import * as Y from 'yjs';
import { ConflictError } from '#lib/domain/errors.ts';

/**
 * What the collaboration server registers: acquire the document's room (loading it if nobody has
 * it open), call `makeUpdate` with the room's current full state, submit the returned update (if
 * any) through the room's pipeline as `authorUserId`, and resolve once it is stored. It answers
 * with a plain value rather than an error class, since the two module copies do not share classes.
 */
export type DocumentEditor = (
	documentId: string,
	authorUserId: string,
	makeUpdate: (state: Uint8Array) => Uint8Array | null
) => Promise<DocumentEditResult>;

/** `too-large`: the document would exceed its size limit, so nothing was stored. */
export type DocumentEditResult = 'stored' | 'unchanged' | 'too-large';

const REGISTRY = Symbol.for('formvaerk.document-editor');
type GlobalWithEditor = typeof globalThis & { [REGISTRY]?: DocumentEditor };

/** Installs the collaboration server's editor; returns the function that removes it again. */
export function registerDocumentEditor(editor: DocumentEditor): () => void {
	const g = globalThis as GlobalWithEditor;
	g[REGISTRY] = editor;
	return () => {
		if (g[REGISTRY] === editor) delete g[REGISTRY];
	};
}

/**
 * Runs `mutate` on the document's current content and stores the change through the
 * collaboration server as `authorUserId`; resolves once it is stored (and so sent to everyone).
 * An error thrown by `mutate` stores nothing and is rethrown as is.
 * @throws ConflictError `document_too_large` (nothing stored); Error when no collaboration server
 * runs in this process or storing failed.
 */
export async function editDocument(
	documentId: string,
	authorUserId: string,
	mutate: (doc: Y.Doc) => void
): Promise<void> {
	const editor = (globalThis as GlobalWithEditor)[REGISTRY];
	if (!editor) throw new Error('no collaboration server is running in this process');
	const result = await editor(documentId, authorUserId, (state) => {
		const doc = new Y.Doc();
		try {
			Y.applyUpdate(doc, state);
			const before = Y.encodeStateVector(doc);
			let hasChanged = false;
			doc.on('update', () => (hasChanged = true));
			mutate(doc);
			// An edit that turned out to change nothing is not worth a log entry.
			return hasChanged ? Y.encodeStateAsUpdate(doc, before) : null;
		} finally {
			doc.destroy();
		}
	});
	if (result === 'too-large') {
		throw new ConflictError('document_too_large', 'documentEdit.error.tooLarge');
	}
}
