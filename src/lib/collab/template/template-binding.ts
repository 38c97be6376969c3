/**
 * The one binding between the template's Yjs document and the app. Read the template as plain
 * typed values (`readTemplate`, `watchTemplate`), write it through named operations that validate
 * their input and run in one transaction with the caller's origin, and bind rich-text fields to
 * tiptap through `getRichTextFragment`. Components never see `Y.Map` or `Y.Array`.
 *
 * Every operation has the form `op(ctx, input)` with `ctx = { doc, origin }`; `bindTemplate`
 * returns the same operations with the context filled in.
 */
import type * as Y from 'yjs';
import type { Template } from '#lib/domain/template/schemas.ts';
import { readTemplate } from './template-read.ts';
import { getRichTextFragment, type RichTextPath } from './template-fragments.ts';
import { addArea, moveArea, removeArea, renameArea } from './template-ops-areas.ts';
import {
	addStatement,
	moveStatement,
	pullStatementFromLibrary,
	removeStatement,
	updateStatement
} from './template-ops-statements.ts';
import {
	addLevel,
	moveLevel,
	removeLevel,
	setLevelDescriptor,
	setScaleOverride,
	updateLevelLabel
} from './template-ops-scales.ts';
import {
	addFreeTextSection,
	addHeaderField,
	addMeasurementPoint,
	addRater,
	moveFreeTextSection,
	moveHeaderField,
	moveMeasurementPoint,
	moveRater,
	removeFreeTextSection,
	removeHeaderField,
	removeMeasurementPoint,
	removeRater,
	renameFreeTextSection,
	renameMeasurementPoint,
	renameRater,
	setFreeTextGuidance,
	updateHeaderField
} from './template-ops-lists.ts';
import { initTemplate, renameTemplate, setSignature } from './template-ops-meta.ts';
import {
	setAreaCategory,
	setCvPhrase,
	setProgressionMeasures,
	setTiming
} from './template-ops-details.ts';
import { setRatingPlanCell, setRatingPlanCells } from './template-ops-plan.ts';
import {
	addSigner,
	moveSigner,
	removeSigner,
	setSigner,
	updateSigner
} from './template-ops-signers.ts';
import {
	addGoalStatus,
	addSubGoal,
	moveGoalStatus,
	moveSubGoal,
	removeGoalStatus,
	removeSubGoal,
	renameGoalStatus,
	setGoal,
	setGoalPoint,
	setSubGoalStatement,
	updateSubGoal
} from './template-ops-goals.ts';
import type { TemplateContext } from './template-input.ts';

export { readTemplate } from './template-read.ts';
export { readRichText, richTextToPlain } from '../rich-text-yjs.ts';
export { getRichTextFragment, richTextPathKey, type RichTextPath } from './template-fragments.ts';
export { resolveTextField, type TextFieldPath } from './template-text-fields.ts';
export { createTemplateUndoManager, TEMPLATE_UNDO_CAPTURE_MS } from './template-undo.ts';
export { isTemplateEmpty } from './template-ops-meta.ts';
export { TEMPLATE_ROOTS, type SimpleListName } from './template-doc.ts';
export type { TemplateContext } from './template-input.ts';
export type { ScaleOwner } from './template-ops-scales.ts';
export { scaleOwnerSchema } from './template-ops-scales.ts';
export type {
	AddAreaInput,
	MoveAreaInput,
	RemoveAreaInput,
	RenameAreaInput
} from './template-ops-areas.ts';
export type {
	AddStatementInput,
	MoveStatementInput,
	PullStatementInput,
	RemoveStatementInput,
	UpdateStatementInput
} from './template-ops-statements.ts';
export type {
	AddLevelInput,
	MoveLevelInput,
	RemoveLevelInput,
	SetLevelDescriptorInput,
	SetScaleOverrideInput,
	UpdateLevelLabelInput
} from './template-ops-scales.ts';
export type {
	AddFreeTextSectionInput,
	AddHeaderFieldInput,
	AddLabelledInput,
	UpdateHeaderFieldInput
} from './template-ops-lists.ts';
export type {
	SetAreaCategoryInput,
	SetCvPhraseInput,
	SetProgressionMeasuresInput,
	SetTimingInput
} from './template-ops-details.ts';
export type { SetRatingPlanCellInput, SetRatingPlanCellsInput } from './template-ops-plan.ts';
export type { AddSignerInput, MoveSignerInput, UpdateSignerInput } from './template-ops-signers.ts';
export type {
	AddSubGoalInput,
	SetSubGoalStatementInput,
	UpdateSubGoalInput
} from './template-ops-goals.ts';
// The operations themselves, each `op(ctx, input)`.
export {
	addArea,
	renameArea,
	moveArea,
	removeArea,
	addStatement,
	updateStatement,
	moveStatement,
	removeStatement,
	pullStatementFromLibrary,
	addLevel,
	updateLevelLabel,
	setLevelDescriptor,
	moveLevel,
	removeLevel,
	setScaleOverride,
	addMeasurementPoint,
	renameMeasurementPoint,
	moveMeasurementPoint,
	removeMeasurementPoint,
	addRater,
	renameRater,
	moveRater,
	removeRater,
	addHeaderField,
	updateHeaderField,
	moveHeaderField,
	removeHeaderField,
	addFreeTextSection,
	renameFreeTextSection,
	setFreeTextGuidance,
	moveFreeTextSection,
	removeFreeTextSection,
	initTemplate,
	renameTemplate,
	setSignature,
	setSigner,
	setAreaCategory,
	setCvPhrase,
	setTiming,
	setProgressionMeasures,
	setRatingPlanCell,
	setRatingPlanCells,
	addSigner,
	updateSigner,
	moveSigner,
	removeSigner,
	setGoal,
	addSubGoal,
	updateSubGoal,
	setSubGoalStatement,
	moveSubGoal,
	removeSubGoal,
	setGoalPoint,
	addGoalStatus,
	renameGoalStatus,
	moveGoalStatus,
	removeGoalStatus
};

/** Every named write operation, keyed by name. */
export const TEMPLATE_OPERATIONS = {
	initTemplate,
	renameTemplate,
	setSignature,
	setSigner,
	addArea,
	renameArea,
	moveArea,
	removeArea,
	addStatement,
	updateStatement,
	moveStatement,
	removeStatement,
	pullStatementFromLibrary,
	addLevel,
	updateLevelLabel,
	setLevelDescriptor,
	moveLevel,
	removeLevel,
	setScaleOverride,
	addMeasurementPoint,
	renameMeasurementPoint,
	moveMeasurementPoint,
	removeMeasurementPoint,
	addRater,
	renameRater,
	moveRater,
	removeRater,
	addHeaderField,
	updateHeaderField,
	moveHeaderField,
	removeHeaderField,
	addFreeTextSection,
	renameFreeTextSection,
	setFreeTextGuidance,
	moveFreeTextSection,
	removeFreeTextSection,
	setAreaCategory,
	setCvPhrase,
	setTiming,
	setProgressionMeasures,
	setRatingPlanCell,
	setRatingPlanCells,
	addSigner,
	updateSigner,
	moveSigner,
	removeSigner,
	setGoal,
	addSubGoal,
	updateSubGoal,
	setSubGoalStatement,
	moveSubGoal,
	removeSubGoal,
	setGoalPoint,
	addGoalStatus,
	renameGoalStatus,
	moveGoalStatus,
	removeGoalStatus
} as const;

type Operations = typeof TEMPLATE_OPERATIONS;

/** The operations with their context bound: `ops.addArea({ label })`. */
export type BoundTemplateOperations = {
	[K in keyof Operations]: Operations[K] extends (ctx: TemplateContext, input: infer I) => infer R
		? (input: I) => R
		: never;
};

/** A template handle for one user: bound operations plus reads. */
export type TemplateHandle = BoundTemplateOperations & {
	read(): Template;
	fragment(path: RichTextPath): Y.XmlFragment;
};

/** The template in `doc` for the user whose writes carry `origin`. */
export function bindTemplate(doc: Y.Doc, origin: unknown): TemplateHandle {
	const ctx: TemplateContext = { doc, origin };
	const bound = Object.fromEntries(
		Object.entries(TEMPLATE_OPERATIONS).map(([name, op]) => [
			name,
			(input: unknown) => (op as (c: TemplateContext, i: unknown) => unknown)(ctx, input)
		])
	) as BoundTemplateOperations; // Object.fromEntries loses the per-key types the mapped type restores.
	return {
		...bound,
		read: () => readTemplate(doc),
		fragment: (path) => getRichTextFragment(doc, path)
	};
}

/**
 * Calls `onChange` with the current template now and after every change (local or remote).
 * Returns the function that stops watching.
 */
export function watchTemplate(doc: Y.Doc, onChange: (template: Template) => void): () => void {
	const handler = () => onChange(readTemplate(doc));
	doc.on('update', handler);
	handler();
	return () => doc.off('update', handler);
}
