/**
 * Shape versions of collaborative documents, for every document kind. How a kind's content lies in
 * the Y.Doc is versioned: its meta map holds `shapeVersion` (a document stored before versions has
 * none and is version 1), and a list of steps upgrades a stored document to the current shape. The
 * collaboration server runs `upgradeShape` once when it loads a room, before any client is
 * answered, and stores the result as one logged update (server/collab/room.ts), so no two clients
 * ever upgrade the same document (or field) at the same time. Clients never upgrade; every reader
 * tolerates the older shapes instead. Each kind describes its own shape (`template-shape.ts`,
 * `drejebog-shape.ts`); `document-shapes.ts` maps a document kind to it.
 */
import * as Y from 'yjs';

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

/** A top-level shared type of a kind's content: a map, or a rich-text fragment. */
export type ShapeRoot = { name: string; type: 'map' | 'xml' };

/** How one document kind is versioned. */
export type DocumentShape = {
	/** The map that holds `shapeVersion` (one of `roots`). */
	metaRoot: string;
	/** Every top-level type of the kind's content: a document holding any of them holds the kind. */
	roots: readonly ShapeRoot[];
	/** Every step, in version order. Append new ones; never change or remove a released one. */
	steps: readonly ShapeStep[];
	/** The shape version that the writers of this code produce (the last step's). */
	version: number;
};

/** The key of the meta map that holds the shape version. */
export const SHAPE_VERSION_KEY = 'shapeVersion';

/**
 * A document shape from its roots and steps; the version follows the last step.
 * @throws Error when the steps do not produce 2, 3, … in order (a programming mistake).
 */
export function defineShape(options: Omit<DocumentShape, 'version'>): DocumentShape {
	options.steps.forEach((step, index) => {
		if (step.version !== index + 2) {
			throw new Error(`shape step ${index} must produce ${index + 2}`);
		}
	});
	return { ...options, version: options.steps.at(-1)?.version ?? 1 };
}

/** True when the shared type `root` of `doc` holds something (without creating it). */
function holdsRoot(doc: Y.Doc, root: ShapeRoot): boolean {
	if (!doc.share.has(root.name)) return false;
	try {
		return root.type === 'map'
			? doc.getMap(root.name).size > 0
			: doc.getXmlFragment(root.name).length > 0;
	} catch {
		// Defined as another type (a crafted document): not this kind's content.
		return false;
	}
}

/** True when `doc` holds any part of the kind `shape` describes. */
export function holdsShape(doc: Y.Doc, shape: DocumentShape): boolean {
	return shape.roots.some((root) => holdsRoot(doc, root));
}

/**
 * The shape version stored in `doc`: the meta map's `shapeVersion`, 1 for content stored before
 * versions existed, or null when the document holds none of the kind's content (nothing to
 * upgrade: what will be written into it is written in the current shape).
 */
export function storedShapeVersion(doc: Y.Doc, shape: DocumentShape): number | null {
	if (!holdsShape(doc, shape)) return null;
	const value = doc.getMap(shape.metaRoot).get(SHAPE_VERSION_KEY);
	return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : 1;
}

/** The steps `upgradeShape` would run on `doc`, in order (read-only; empty when in shape). */
export function pendingSteps(doc: Y.Doc, shape: DocumentShape): ShapeStep[] {
	const version = storedShapeVersion(doc, shape);
	// A document written by newer code than this is left alone: this code cannot know its shape.
	if (version === null || version > shape.version) return [];
	return shape.steps.filter((step) => step.version > version || step.hasDrifted?.(doc) === true);
}

/**
 * The update that brings `doc` to the current `shape`, or null when it is in shape already. `doc`
 * itself is not changed: the steps run on a copy, and the caller stores and applies the result
 * like any other update. Running it again on the upgraded document returns null.
 */
export function upgradeShape(doc: Y.Doc, shape: DocumentShape): Uint8Array | null {
	const steps = pendingSteps(doc, shape);
	if (steps.length === 0) return null;
	const scratch = new Y.Doc();
	try {
		Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
		const before = Y.encodeStateVector(scratch);
		let hasChanged = false;
		scratch.on('update', () => (hasChanged = true));
		scratch.transact(() => {
			for (const step of steps) step.upgrade(scratch);
			const meta = scratch.getMap(shape.metaRoot);
			if (meta.get(SHAPE_VERSION_KEY) !== shape.version) meta.set(SHAPE_VERSION_KEY, shape.version);
		});
		return hasChanged ? Y.encodeStateAsUpdate(scratch, before) : null;
	} finally {
		scratch.destroy();
	}
}
