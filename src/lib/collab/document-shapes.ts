/**
 * Which shape each document kind has (`document-shape.ts`): what the collaboration server upgrades
 * when it loads a document of that kind.
 */
import type * as Y from 'yjs';
import type { DocumentKind } from '../domain/workshop.ts';
import { upgradeShape, type DocumentShape } from './document-shape.ts';
import { DREJEBOG_SHAPE } from './drejebog/drejebog-shape.ts';
import { TEMPLATE_SHAPE } from './template/template-shape.ts';

/** The shape of every document kind. */
export const DOCUMENT_SHAPES: Readonly<Record<DocumentKind, DocumentShape>> = {
	template: TEMPLATE_SHAPE,
	drejebog: DREJEBOG_SHAPE
};

/**
 * The update that brings a document of `kind` to its kind's current shape, or null when it is in
 * shape (or holds nothing of its kind). `doc` itself is not changed.
 */
export function documentShapeUpgrade(doc: Y.Doc, kind: DocumentKind): Uint8Array | null {
	return upgradeShape(doc, DOCUMENT_SHAPES[kind]);
}

/** Names of the top-level types of a kind's content (the worker core looks for them in bytes). */
export function documentRootNames(kind: DocumentKind): string[] {
	return DOCUMENT_SHAPES[kind].roots.map((root) => root.name);
}
