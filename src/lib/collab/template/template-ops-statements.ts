/** Named operations on competence statements, including pulling one from the library. */
import * as Y from 'yjs';
import { z } from 'zod';
import { lazySchema } from '#lib/domain/lazy-schema.ts';
import { MAX_STATEMENTS_PER_AREA } from '#lib/domain/limits.ts';
import { templateItemIdSchema } from '#lib/domain/template/ids.ts';
import { richTextInputSchema, toRichText } from '#lib/domain/template/rich-text.ts';
import {
	boundedRichTextSchema,
	cvPhraseSchema,
	statementKindSchema,
	statementTextSchema
} from '#lib/domain/template/schemas.ts';
import { cvPhraseFromStatement } from '#lib/domain/template/template-core.ts';
import { getLibraryStatement } from '#lib/domain/template/starters/library.ts';
import { NotFoundError } from '#lib/domain/errors.ts';
import { writeRichText } from '../rich-text-yjs.ts';
import {
	FIELD,
	readFragment,
	readText,
	statementsByArea,
	templateRoots,
	writeText,
	type Entry
} from './template-doc.ts';
import { areaEntries } from './template-ops-areas.ts';
import {
	assertUniqueLabel,
	claimId,
	indexSchema,
	insertItem,
	isAt,
	newIdSchema,
	parseInput,
	placeEntry,
	refuse,
	requireEntry,
	toIndexSchema,
	transact,
	type TemplateContext
} from './template-input.ts';
import { putRichText } from './template-write.ts';
import { forgetStatements } from './template-ops-links.ts';

/** Rich text from a string or rich-text value, within the length limit. */
const descriptionSchema = lazySchema(() =>
	richTextInputSchema.transform(toRichText).pipe(boundedRichTextSchema)
);

/** Every visible statement with the id of the area that shows it. */
function locateStatement(ctx: TemplateContext, statementId: string) {
	const areas = areaEntries(ctx);
	const grouped = statementsByArea(ctx.doc, areas);
	for (const [areaId, statements] of grouped) {
		const statement = statements.find((s) => s.id === statementId);
		if (statement) return { areas, grouped, areaId, statement };
	}
	throw new NotFoundError('template.input.gone');
}

/**
 * The visible statement with `statementId`.
 * @throws NotFoundError when it is gone.
 */
export function findStatementEntry(ctx: TemplateContext, statementId: string): Entry {
	return locateStatement(ctx, statementId).statement;
}

function assertRoom(statements: readonly Entry[]): void {
	if (statements.length >= MAX_STATEMENTS_PER_AREA) {
		refuse('text', 'template.input.tooManyStatements');
	}
}

const addStatementSchema = lazySchema(() =>
	z.object({
		areaId: templateItemIdSchema,
		text: statementTextSchema,
		kind: statementKindSchema.default('formal'),
		description: descriptionSchema.optional(),
		/** The CV phrase; made from the text ("Jeg kan …") when left out. */
		cvPhrase: cvPhraseSchema.optional(),
		index: indexSchema,
		id: newIdSchema
	})
);
export type AddStatementInput = z.input<typeof addStatementSchema>;

/**
 * Adds a competence statement to an area and returns its id.
 * @throws ValidationError for empty, too long or duplicate text, or a full area.
 * @throws NotFoundError when the area is gone.
 */
export function addStatement(ctx: TemplateContext, input: AddStatementInput): string {
	const { areaId, text, kind, description, cvPhrase, index, id } = parseInput(
		addStatementSchema,
		input
	);
	const roots = templateRoots(ctx.doc);
	const areas = areaEntries(ctx);
	requireEntry(areas, areaId);
	const siblings = statementsByArea(ctx.doc, areas).get(areaId) ?? [];
	assertRoom(siblings);
	assertUniqueLabel({ entries: siblings, label: text, key: FIELD.text, field: 'text' });
	const statementId = claimId(roots.statements, id);
	transact(ctx, () => {
		const fields = {
			[FIELD.areaId]: areaId,
			[FIELD.text]: new Y.Text(text),
			[FIELD.kind]: kind,
			[FIELD.cvPhrase]: new Y.Text(cvPhrase ?? cvPhraseFromStatement(text))
		};
		const map = insertItem({ parent: roots.statements, siblings, index, id: statementId, fields });
		putRichText(map, FIELD.description, description ?? toRichText(undefined));
	});
	return statementId;
}

const updateStatementSchema = lazySchema(() =>
	z.object({
		statementId: templateItemIdSchema,
		text: statementTextSchema.optional(),
		kind: statementKindSchema.optional(),
		/** Replaces the whole description; live editing goes through the fragment instead. */
		description: descriptionSchema.optional()
	})
);
export type UpdateStatementInput = z.input<typeof updateStatementSchema>;

/**
 * Changes a statement's text, kind (formal/informal) and/or description.
 * @throws ValidationError for empty, too long or duplicate text.
 * @throws NotFoundError when the statement is gone.
 */
export function updateStatement(ctx: TemplateContext, input: UpdateStatementInput): void {
	const { statementId, text, kind, description } = parseInput(updateStatementSchema, input);
	const { grouped, areaId, statement } = locateStatement(ctx, statementId);
	if (text !== undefined) {
		const siblings = grouped.get(areaId) ?? [];
		assertUniqueLabel({
			entries: siblings,
			label: text,
			exceptId: statementId,
			key: FIELD.text,
			field: 'text'
		});
	}
	transact(ctx, () => {
		if (text !== undefined) writeText(statement.map, FIELD.text, text);
		if (kind !== undefined) statement.map.set(FIELD.kind, kind);
		if (description !== undefined) {
			const fragment = readFragment(statement.map, FIELD.description);
			if (fragment) writeRichText(fragment, description);
			else putRichText(statement.map, FIELD.description, description);
		}
	});
}

const moveStatementSchema = lazySchema(() =>
	z.object({
		statementId: templateItemIdSchema,
		/** Target area; the statement's own area when left out. */
		toAreaId: templateItemIdSchema.optional(),
		toIndex: toIndexSchema
	})
);
export type MoveStatementInput = z.input<typeof moveStatementSchema>;

/**
 * Moves a statement to position `toIndex` in its own or another area.
 * @throws ValidationError when the target area is full or already has the same statement.
 * @throws NotFoundError when the statement or the target area is gone.
 */
export function moveStatement(ctx: TemplateContext, input: MoveStatementInput): void {
	const { statementId, toAreaId, toIndex } = parseInput(moveStatementSchema, input);
	const { areas, grouped, areaId, statement } = locateStatement(ctx, statementId);
	const targetId = toAreaId ?? areaId;
	requireEntry(areas, targetId);
	const target = grouped.get(targetId) ?? [];
	if (targetId === areaId && isAt(target, statement, toIndex)) return;
	const siblings = target.filter((s) => s.id !== statementId);
	if (targetId !== areaId) {
		assertRoom(siblings);
		assertUniqueLabel({
			entries: siblings,
			label: readText(statement.map, FIELD.text),
			key: FIELD.text,
			field: 'text'
		});
	}
	transact(ctx, () => {
		// Written even within one area: a statement shown in the first area because its own area
		// was removed concurrently gets a real home again.
		if (statement.map.get(FIELD.areaId) !== targetId) statement.map.set(FIELD.areaId, targetId);
		placeEntry(statement, siblings, toIndex);
	});
}

const removeStatementSchema = lazySchema(() => z.object({ statementId: templateItemIdSchema }));
export type RemoveStatementInput = z.input<typeof removeStatementSchema>;

/**
 * Removes a statement (and its links from sub-goals).
 * @throws NotFoundError when the statement is gone already.
 */
export function removeStatement(ctx: TemplateContext, input: RemoveStatementInput): void {
	const { statementId } = parseInput(removeStatementSchema, input);
	locateStatement(ctx, statementId);
	const roots = templateRoots(ctx.doc);
	transact(ctx, () => {
		roots.statements.delete(statementId);
		forgetStatements(roots, new Set([statementId]));
	});
}

const pullSchema = lazySchema(() =>
	z.object({
		libraryStatementId: z.string(),
		areaId: templateItemIdSchema,
		index: indexSchema,
		id: newIdSchema
	})
);
export type PullStatementInput = z.input<typeof pullSchema>;

/**
 * Copies a statement from the library into an area and returns the new statement's id.
 * @throws ValidationError when the area is full or already has the statement.
 * @throws NotFoundError when the library statement or the area does not exist.
 */
export function pullStatementFromLibrary(ctx: TemplateContext, input: PullStatementInput): string {
	const { libraryStatementId, areaId, index, id } = parseInput(pullSchema, input);
	const source = getLibraryStatement(libraryStatementId);
	if (!source) throw new NotFoundError('template.input.gone');
	return addStatement(ctx, {
		areaId,
		text: source.text,
		kind: source.kind,
		description: toRichText(source.description),
		cvPhrase: source.cvPhrase,
		index,
		id
	});
}
