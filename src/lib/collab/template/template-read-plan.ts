/**
 * The template's second-pass parts (area categories, CV phrases, timings, rating plan, signers,
 * goals, progression measures) as `readTemplate` returns them. The document layout does not store
 * them yet, so they are derived from what the document has (`completeTemplate`: everybody rates
 * everything, the signing raters sign, no goals, ...); once operations write them, this is where
 * they are read, with the same derived values for documents that lack them.
 */
import type * as Y from 'yjs';
import type { Template, TemplateCore } from '#lib/domain/template/schemas.ts';
import { completeTemplate } from '#lib/domain/template/template-core.ts';

/** `core` (what `readTemplate` read of the first-pass layout) with the second-pass parts of `doc`. */
export function readTemplatePlan(_doc: Y.Doc, core: TemplateCore): Template {
	return completeTemplate(core);
}
