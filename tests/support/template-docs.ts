/** Helpers for binding tests: docs that sync by exchanging updates, and a doc with a starter. */
import * as Y from 'yjs';
import { initTemplate, type TemplateContext } from '#lib/collab/template/template-binding.ts';
import { getStarter } from '#lib/domain/template/starters/index.ts';

/** A context for `doc` whose writes carry the origin `user` (a plain string is enough). */
export function ctxOf(doc: Y.Doc, user = 'me'): TemplateContext {
	return { doc, origin: user };
}

/** A new doc filled from the starter `starterId`. */
export function docFromStarter(starterId: string, clientId?: number): Y.Doc {
	const doc = new Y.Doc();
	// Fixed client ids make failures reproducible; Yjs breaks ties between clients by this id.
	if (clientId !== undefined) doc.clientID = clientId;
	const starter = getStarter(starterId);
	if (!starter) throw new Error(`no starter ${starterId}`);
	initTemplate(ctxOf(doc, 'setup'), starter);
	return doc;
}

/** A copy of `doc` with its own client id, as a second participant would load it. */
export function cloneDoc(doc: Y.Doc, clientId: number): Y.Doc {
	const copy = new Y.Doc();
	copy.clientID = clientId;
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc), 'sync');
	return copy;
}

/** Brings every doc up to date with all the others (a full exchange, as after reconnecting). */
export function syncAll(docs: readonly Y.Doc[]): void {
	const updates = docs.map((doc) => Y.encodeStateAsUpdate(doc));
	for (const doc of docs) for (const update of updates) Y.applyUpdate(doc, update, 'sync');
}

/** The whole state of a doc, for byte-for-byte "nothing changed" checks. */
export function stateOf(doc: Y.Doc): Uint8Array {
	return Y.encodeStateAsUpdate(doc);
}
