/**
 * Between a version's content and the two collaborative documents it comes from and goes back
 * into: `readContentParts` reads what a template and a drejebog document hold (for publishing),
 * `contentUpdates` writes a version's content into fresh documents (for a new draft), through
 * the same writers that fill a document from a starter, so a new draft reads back as exactly the
 * version it was opened from.
 */
import * as Y from 'yjs';
import type { PublicationContent } from '#lib/domain/publications/content.ts';
import type { PublishedDrejebog } from '#lib/domain/publications/drejebog-seam.ts';
import type { Template } from '#lib/domain/template/schemas.ts';
import { readTemplate } from '../template/template-read.ts';
import { writeTemplate } from '../template/template-write.ts';
import { shapeVersionOf, TEMPLATE_SHAPE_VERSION } from '../template/template-shape.ts';
import {
	drejebogShapeVersionOf,
	readPublishedDrejebog,
	writePublishedDrejebog
} from './drejebog-seam.ts';

/** The two documents' content as read, with the shape versions they were stored in. */
export type ContentParts = {
	template: Template;
	drejebog: PublishedDrejebog;
	shapeVersions: { template: number; drejebog: number };
};

/** Reads a template document and a drejebog document. */
export function readContentParts(templateDoc: Y.Doc, drejebogDoc: Y.Doc): ContentParts {
	return {
		template: readTemplate(templateDoc),
		drejebog: readPublishedDrejebog(drejebogDoc),
		shapeVersions: {
			// A document nobody has written in has no version yet; it reads as the current shape.
			template: shapeVersionOf(templateDoc) ?? TEMPLATE_SHAPE_VERSION,
			drejebog: drejebogShapeVersionOf(drejebogDoc)
		}
	};
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
		drejebogDoc.transact(() => writePublishedDrejebog(drejebogDoc, content.drejebog), origin);
		return {
			template: Y.encodeStateAsUpdate(templateDoc),
			drejebog: Y.encodeStateAsUpdate(drejebogDoc)
		};
	} finally {
		templateDoc.destroy();
		drejebogDoc.destroy();
	}
}
