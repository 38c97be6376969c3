/**
 * SEAM(drejebog): reading and writing the drejebog part of a version in a Y.Doc.
 *
 * Until the drejebog binding lands (`#lib/collab/drejebog`: `readDrejebog(doc)`, its writer and
 * shape version), a drejebog document is one rich-text fragment, `body`. When it lands, these
 * three become calls into that binding; the domain side of the seam is
 * `#lib/domain/publications/drejebog-seam.ts`.
 */
import type * as Y from 'yjs';
import type { PublishedDrejebog } from '#lib/domain/publications/drejebog-seam.ts';
import { readRichText, writeRichText } from '../rich-text-yjs.ts';

/** The fragment that holds the one-field drejebog's text. */
const BODY_FRAGMENT = 'body';

/** The drejebog in `doc` as a version stores it. */
export function readPublishedDrejebog(doc: Y.Doc): PublishedDrejebog {
	return { body: readRichText(doc.getXmlFragment(BODY_FRAGMENT)) };
}

/** Writes `drejebog` into an empty document (call inside a transaction). */
export function writePublishedDrejebog(doc: Y.Doc, drejebog: PublishedDrejebog): void {
	writeRichText(doc.getXmlFragment(BODY_FRAGMENT), drejebog.body);
}

/** The shape version of a drejebog document: the one-field drejebog has only version 1. */
export function drejebogShapeVersionOf(_doc: Y.Doc): number {
	return 1;
}
