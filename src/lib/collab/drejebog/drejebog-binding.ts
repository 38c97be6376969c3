/**
 * The one binding between the drejebog's Yjs document and the app. Read the drejebog as plain
 * typed values (`readDrejebog`, `watchDrejebog`), write it through named operations that validate
 * their input and run in one transaction with the caller's origin, and bind text and rich-text
 * fields through `resolveDrejebogText` and `drejebogFragment`. Components never see Yjs.
 *
 * Every operation has the form `op(ctx, input)` with `ctx = { doc, origin }`; `bindDrejebog`
 * returns the same operations with the context filled in.
 */
import type * as Y from 'yjs';
import type { Drejebog } from '#lib/domain/drejebog/schemas.ts';
import { readDrejebog } from './drejebog-read.ts';
import type { DrejebogContext } from './drejebog-input.ts';
import { initDrejebog, renameDrejebog } from './drejebog-ops-meta.ts';
import { addStage, moveStage, removeStage, renameStage } from './drejebog-ops-stages.ts';
import {
	addStep,
	moveStep,
	removeStep,
	renameStep,
	setStepGuidance,
	setStepLink,
	setStepProduces,
	setStepRole,
	setStepWhen
} from './drejebog-ops-steps.ts';
import {
	addChecklistItem,
	addCustomRole,
	moveChecklistItem,
	removeChecklistItem,
	removeCustomRole,
	updateChecklistItem
} from './drejebog-ops-lists.ts';
import {
	addReaction,
	moveReaction,
	removeReaction,
	setCvPlan,
	setCvPlanSection,
	updateReaction
} from './drejebog-ops-rules.ts';

export { readDrejebog, drejebogStarterId } from './drejebog-read.ts';
export { DREJEBOG_ROOTS, INTRODUCTION_FRAGMENT } from './drejebog-doc.ts';
export { createDrejebogUndoManager, DREJEBOG_UNDO_CAPTURE_MS } from './drejebog-undo.ts';
export {
	drejebogFragment,
	resolveDrejebogText,
	type DrejebogRichTextPath,
	type DrejebogTextPath
} from './drejebog-fields.ts';
export type { DrejebogContext } from './drejebog-input.ts';

/** Every named write operation, keyed by name. */
export const DREJEBOG_OPERATIONS = {
	initDrejebog,
	renameDrejebog,
	addStage,
	renameStage,
	moveStage,
	removeStage,
	addStep,
	renameStep,
	moveStep,
	removeStep,
	setStepRole,
	setStepWhen,
	setStepLink,
	setStepProduces,
	setStepGuidance,
	addCustomRole,
	removeCustomRole,
	addChecklistItem,
	updateChecklistItem,
	moveChecklistItem,
	removeChecklistItem,
	setCvPlan,
	setCvPlanSection,
	addReaction,
	updateReaction,
	moveReaction,
	removeReaction
} as const;

// The operations themselves, each `op(ctx, input)`.
export * from './drejebog-ops-meta.ts';
export * from './drejebog-ops-stages.ts';
export * from './drejebog-ops-steps.ts';
export * from './drejebog-ops-lists.ts';
export * from './drejebog-ops-rules.ts';

type Operations = typeof DREJEBOG_OPERATIONS;

/** The operations with their context bound: `ops.addStep({ stageId, title })`. */
export type BoundDrejebogOperations = {
	[K in keyof Operations]: Operations[K] extends (ctx: DrejebogContext, input: infer I) => infer R
		? (input: I) => R
		: never;
};

/** The drejebog in `doc` for the user whose writes carry `origin`: bound operations and a read. */
export function bindDrejebog(
	doc: Y.Doc,
	origin: unknown
): BoundDrejebogOperations & { read(): Drejebog } {
	const ctx: DrejebogContext = { doc, origin };
	const bound = Object.fromEntries(
		Object.entries(DREJEBOG_OPERATIONS).map(([name, op]) => [
			name,
			(input: unknown) => (op as (c: DrejebogContext, i: unknown) => unknown)(ctx, input)
		])
	) as BoundDrejebogOperations; // Object.fromEntries loses the per-key types the mapped type restores.
	return { ...bound, read: () => readDrejebog(doc) };
}

/**
 * Calls `onChange` with the current drejebog now and after every change (local or remote).
 * Returns the function that stops watching.
 */
export function watchDrejebog(doc: Y.Doc, onChange: (drejebog: Drejebog) => void): () => void {
	const handler = () => onChange(readDrejebog(doc));
	doc.on('update', handler);
	handler();
	return () => doc.off('update', handler);
}
