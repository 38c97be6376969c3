/**
 * Between a version's content and the two collaborative documents it comes from and goes back
 * into: `readContentParts` reads what a template and a drejebog document hold (for publishing),
 * `contentUpdates` writes a version's content into fresh documents in their current shapes (for
 * a new draft), through the same writers that fill a document from a starter (`writeTemplate`,
 * `writeDrejebog`), so a new draft reads back as exactly the version it was opened from.
 */
import * as Y from 'yjs';
import type { PublicationContent } from '#lib/domain/publications/content.ts';
import type { Drejebog } from '#lib/domain/drejebog/schemas.ts';
import type { Template } from '#lib/domain/template/schemas.ts';
import { readTemplate } from '../template/template-read.ts';
import { writeTemplate } from '../template/template-write.ts';
import { shapeVersionOf, TEMPLATE_SHAPE_VERSION } from '../template/template-shape.ts';
import { readDrejebog } from '../drejebog/drejebog-read.ts';
import { writeDrejebog } from '../drejebog/drejebog-write.ts';
import { introductionFragment } from '../drejebog/drejebog-doc.ts';
import { DREJEBOG_SHAPE_VERSION, drejebogShapeVersionOf } from '../drejebog/drejebog-shape.ts';
import { writeRichText } from '../rich-text-yjs.ts';

/** The two documents' content as read, with the shape versions they were stored in. */
export type ContentParts = {
	template: Template;
	drejebog: Drejebog;
	shapeVersions: { template: number; drejebog: number };
};

/** Reads a template document and a drejebog document. */
export function readContentParts(templateDoc: Y.Doc, drejebogDoc: Y.Doc): ContentParts {
	return {
		template: readTemplate(templateDoc),
		drejebog: readDrejebog(drejebogDoc),
		shapeVersions: {
			// A document nobody has written in has no version yet; it reads as the current shape.
			template: shapeVersionOf(templateDoc) ?? TEMPLATE_SHAPE_VERSION,
			drejebog: drejebogShapeVersionOf(drejebogDoc) ?? DREJEBOG_SHAPE_VERSION
		}
	};
}

/**
 * Writes `drejebog` into an empty document: `writeDrejebog` writes every structured part and
 * leaves the introduction to the fragment an old drejebog already holds, which in a new document
 * is empty, so the introduction is written here.
 */
function writeWholeDrejebog(doc: Y.Doc, drejebog: Drejebog): void {
	writeDrejebog(doc, drejebog);
	const introduction = introductionFragment(doc);
	if (introduction) writeRichText(introduction, drejebog.introduction);
}

/** A tag for the template's items when it has no starter (see `isVisible` in template-doc.ts). */
const UNTAGGED_STARTER = 'version';

/**
 * The updates that fill a fresh template document and a fresh drejebog document with `content`,
 * each as one update by `origin`.
 */
export function contentUpdates(
	content: PublicationContent,
	origin: string
): { template: Uint8Array; drejebog: Uint8Array } {
	const templateDoc = new Y.Doc();
	const drejebogDoc = new Y.Doc();
	try {
		const tag = content.template.starterId ?? UNTAGGED_STARTER;
		templateDoc.transact(() => writeTemplate(templateDoc, content.template, tag), origin);
		drejebogDoc.transact(() => writeWholeDrejebog(drejebogDoc, content.drejebog), origin);
		return {
			template: Y.encodeStateAsUpdate(templateDoc),
			drejebog: Y.encodeStateAsUpdate(drejebogDoc)
		};
	} finally {
		templateDoc.destroy();
		drejebogDoc.destroy();
	}
}
