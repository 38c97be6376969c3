/**
 * The shape version of a template document and the steps that upgrade a stored document to the
 * current shape. The collaboration server runs `shapeUpgrade` once when it loads a room, before
 * any client is answered, and stores the result as one logged update (server/collab/room.ts), so
 * no two clients ever upgrade the same document (or field) at the same time. Clients never
 * upgrade; every reader tolerates the older shapes instead.
 *
 * To change the shape: write a step (`template-shape-vN.ts`, one exported `ShapeStep` with
 * `version: N`), append it to `SHAPE_STEPS`, and make the writers (template-write.ts, the
 * operations) write the new shape. `TEMPLATE_SHAPE_VERSION` follows the last step. See "Shape
 * versions" in docs/architecture.md.
 */
import * as Y from 'yjs';
import { META, TEMPLATE_ROOTS } from './template-doc.ts';
import { textFieldsStep } from './template-shape-v2.ts';
import { planPartsStep } from './template-shape-v3.ts';

/** One upgrade: what turns a document of shape `version - 1` into shape `version`. */
export type ShapeStep = {
	/** The shape version this step produces (the first step produces 2). */
	version: number;
	/** One line for the server's log. */
	description: string;
	/**
	 * Rewrites `doc` (inside the upgrade's transaction) into this step's shape. It must be
	 * idempotent and leave parts already in shape alone, because it may meet a document that is
	 * partly in the new shape (items created by newer clients before the upgrade).
	 */
	upgrade(doc: Y.Doc): void;
	/**
	 * Optional, read-only: whether a document already at this version (or later) has parts in an
	 * older shape again, written by a client on older code (offline, or a tab open across the
	 * upgrade). The server then runs `upgrade` again on the next load (a repair). Steps whose
	 * `upgrade` adds defaults must not offer it: a repair must only ever restore a shape.
	 */
	hasDrifted?(doc: Y.Doc): boolean;
};

/** Every step, in version order. Append new ones; never change or remove a released one. */
export const SHAPE_STEPS: readonly ShapeStep[] = [textFieldsStep, planPartsStep];

/** The shape version that the writers of this code produce. */
export const TEMPLATE_SHAPE_VERSION: number = SHAPE_STEPS.at(-1)?.version ?? 1;

SHAPE_STEPS.forEach((step, index) => {
	if (step.version !== index + 2) throw new Error(`shape step ${index} must produce ${index + 2}`);
});

/** True when `doc` holds any part of a template (without creating empty root types in it). */
export function holdsTemplate(doc: Y.Doc): boolean {
	return Object.values(TEMPLATE_ROOTS).some(
		(name) => doc.share.has(name) && doc.getMap(name).size > 0
	);
}

/**
 * The shape version stored in `doc`: the meta map's `shapeVersion`, 1 for a template stored
 * before versions existed, or null when the document holds no template (nothing to upgrade: the
 * template that will be written into it is written in the current shape).
 */
export function shapeVersionOf(doc: Y.Doc): number | null {
	if (!holdsTemplate(doc)) return null;
	const value = doc.getMap(TEMPLATE_ROOTS.meta).get(META.shapeVersion);
	return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : 1;
}

/** The steps `shapeUpgrade` would run on `doc`, in order (read-only; empty when in shape). */
export function pendingShapeSteps(doc: Y.Doc): ShapeStep[] {
	const version = shapeVersionOf(doc);
	// A document written by newer code than this is left alone: this code cannot know its shape.
	if (version === null || version > TEMPLATE_SHAPE_VERSION) return [];
	return SHAPE_STEPS.filter((step) => step.version > version || step.hasDrifted?.(doc) === true);
}

/**
 * The update that brings `doc` to the current shape, or null when it is in shape already. `doc`
 * itself is not changed: the steps run on a copy, and the caller stores and applies the result
 * like any other update. Running it again on the upgraded document returns null.
 */
export function shapeUpgrade(doc: Y.Doc): Uint8Array | null {
	const steps = pendingShapeSteps(doc);
	if (steps.length === 0) return null;
	const scratch = new Y.Doc();
	try {
		Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
		const before = Y.encodeStateVector(scratch);
		let hasChanged = false;
		scratch.on('update', () => (hasChanged = true));
		scratch.transact(() => {
			for (const step of steps) step.upgrade(scratch);
			const meta = scratch.getMap(TEMPLATE_ROOTS.meta);
			if (meta.get(META.shapeVersion) !== TEMPLATE_SHAPE_VERSION) {
				meta.set(META.shapeVersion, TEMPLATE_SHAPE_VERSION);
			}
		});
		return hasChanged ? Y.encodeStateAsUpdate(scratch, before) : null;
	} finally {
		scratch.destroy();
	}
}
