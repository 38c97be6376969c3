/**
 * The shape version of a drejebog document and the steps that upgrade a stored one, on the
 * mechanism every document kind shares (`../document-shape.ts`): the collaboration server runs
 * `drejebogShapeUpgrade` once when it loads the room, before any client is answered. To change
 * the shape, write `drejebog-shape-vN.ts` and append its step to `DREJEBOG_SHAPE_STEPS`; the
 * writers (drejebog-write.ts, the operations) must then write the new shape.
 */
import type * as Y from 'yjs';
import {
	defineShape,
	storedShapeVersion,
	upgradeShape,
	type DocumentShape,
	type ShapeStep
} from '../document-shape.ts';
import { DREJEBOG_ROOTS, INTRODUCTION_FRAGMENT } from './drejebog-doc.ts';
import { structuredDrejebogStep } from './drejebog-shape-v2.ts';

/** Every step, in version order. Append new ones; never change or remove a released one. */
export const DREJEBOG_SHAPE_STEPS: readonly ShapeStep[] = [structuredDrejebogStep];

/**
 * How a drejebog document is versioned. The `body` fragment counts as drejebog content: a
 * drejebog stored before the structured model holds nothing else and is version 1.
 */
export const DREJEBOG_SHAPE: DocumentShape = defineShape({
	metaRoot: DREJEBOG_ROOTS.meta,
	roots: [
		...Object.values(DREJEBOG_ROOTS).map((name) => ({ name, type: 'map' as const })),
		{ name: INTRODUCTION_FRAGMENT, type: 'xml' as const }
	],
	steps: DREJEBOG_SHAPE_STEPS
});

/** The shape version that the writers of this code produce. */
export const DREJEBOG_SHAPE_VERSION: number = DREJEBOG_SHAPE.version;

/** The drejebog shape version stored in `doc`, 1 for an old one, null when it holds nothing. */
export function drejebogShapeVersionOf(doc: Y.Doc): number | null {
	return storedShapeVersion(doc, DREJEBOG_SHAPE);
}

/** The update that brings the drejebog in `doc` to the current shape, or null when it is. */
export function drejebogShapeUpgrade(doc: Y.Doc): Uint8Array | null {
	return upgradeShape(doc, DREJEBOG_SHAPE);
}
