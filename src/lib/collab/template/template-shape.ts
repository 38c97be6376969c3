/**
 * The shape version of a template document and the steps that upgrade a stored document to the
 * current shape, on the mechanism every document kind shares (`../document-shape.ts`): the
 * collaboration server runs `shapeUpgrade` once when it loads a room, before any client is
 * answered, and stores the result as one logged update (server/collab/room.ts), so no two clients
 * ever upgrade the same document (or field) at the same time. Clients never upgrade; every reader
 * tolerates the older shapes instead.
 *
 * To change the shape: write a step (`template-shape-vN.ts`, one exported `ShapeStep` with
 * `version: N`), append it to `SHAPE_STEPS`, and make the writers (template-write.ts, the
 * operations) write the new shape. `TEMPLATE_SHAPE_VERSION` follows the last step. See "Shape
 * versions" in docs/architecture.md.
 */
import type * as Y from 'yjs';
import {
	defineShape,
	holdsShape,
	pendingSteps,
	storedShapeVersion,
	upgradeShape,
	type DocumentShape,
	type ShapeStep
} from '../document-shape.ts';
import { TEMPLATE_ROOTS } from './template-doc.ts';
import { textFieldsStep } from './template-shape-v2.ts';
import { planPartsStep } from './template-shape-v3.ts';

export type { ShapeStep } from '../document-shape.ts';

/** Every step, in version order. Append new ones; never change or remove a released one. */
export const SHAPE_STEPS: readonly ShapeStep[] = [textFieldsStep, planPartsStep];

/** How a template document is versioned: its roots, the meta map, the steps. */
export const TEMPLATE_SHAPE: DocumentShape = defineShape({
	metaRoot: TEMPLATE_ROOTS.meta,
	roots: Object.values(TEMPLATE_ROOTS).map((name) => ({ name, type: 'map' as const })),
	steps: SHAPE_STEPS
});

/** The shape version that the writers of this code produce. */
export const TEMPLATE_SHAPE_VERSION: number = TEMPLATE_SHAPE.version;

/** True when `doc` holds any part of a template (without creating empty root types in it). */
export function holdsTemplate(doc: Y.Doc): boolean {
	return holdsShape(doc, TEMPLATE_SHAPE);
}

/**
 * The shape version stored in `doc`: the meta map's `shapeVersion`, 1 for a template stored
 * before versions existed, or null when the document holds no template (nothing to upgrade: the
 * template that will be written into it is written in the current shape).
 */
export function shapeVersionOf(doc: Y.Doc): number | null {
	return storedShapeVersion(doc, TEMPLATE_SHAPE);
}

/** The steps `shapeUpgrade` would run on `doc`, in order (read-only; empty when in shape). */
export function pendingShapeSteps(doc: Y.Doc): ShapeStep[] {
	return pendingSteps(doc, TEMPLATE_SHAPE);
}

/**
 * The update that brings `doc` to the current shape, or null when it is in shape already. `doc`
 * itself is not changed: the steps run on a copy, and the caller stores and applies the result
 * like any other update. Running it again on the upgraded document returns null.
 */
export function shapeUpgrade(doc: Y.Doc): Uint8Array | null {
	return upgradeShape(doc, TEMPLATE_SHAPE);
}
