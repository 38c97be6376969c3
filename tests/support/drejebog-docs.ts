/** Helpers for drejebog binding tests: a doc holding the starter drejebog for a template starter. */
import * as Y from 'yjs';
import { initDrejebog, type DrejebogContext } from '#lib/collab/drejebog/drejebog-binding.ts';
import { starterDrejebog } from '#lib/domain/drejebog/index.ts';
import { starterToTemplate, type Template } from '#lib/domain/template/index.ts';
import { getStarter } from '#lib/domain/template/starters/index.ts';

/** A context for `doc` whose writes carry the origin `user`. */
export function dctx(doc: Y.Doc, user = 'me'): DrejebogContext {
	return { doc, origin: user };
}

/** The template the starter `starterId` makes. */
export function templateOf(starterId = 'detail'): Template {
	const starter = getStarter(starterId);
	if (!starter) throw new Error(`no starter ${starterId}`);
	return starterToTemplate(starter);
}

/** A new doc holding the starter drejebog made for `template`. */
export function drejebogDoc(template: Template = templateOf(), clientId?: number): Y.Doc {
	const doc = new Y.Doc();
	// Fixed client ids make failures reproducible; Yjs breaks ties between clients by this id.
	if (clientId !== undefined) doc.clientID = clientId;
	initDrejebog(dctx(doc, 'setup'), { drejebog: starterDrejebog(template) });
	return doc;
}
