/**
 * The named operations on the template's second-pass parts: the rating plan, signers, timings,
 * goals and sub-goals, progression measures, CV phrases and categories. Each checks its input
 * with the domain's input schemas (Danish message keys, nothing written when refused), writes in
 * one transaction with the caller's origin, and removing an item forgets what referred to it.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addGoalStatus,
	addSigner,
	addStatement,
	addSubGoal,
	createTemplateUndoManager,
	moveGoalStatus,
	moveSigner,
	moveStatement,
	moveSubGoal,
	pullStatementFromLibrary,
	readTemplate,
	removeArea,
	removeGoalStatus,
	removeMeasurementPoint,
	removeRater,
	removeSigner,
	removeStatement,
	removeSubGoal,
	renameGoalStatus,
	setAreaCategory,
	setCvPhrase,
	setGoal,
	setGoalPoint,
	setProgressionMeasures,
	setRatingPlanCell,
	setRatingPlanCells,
	setSubGoalStatement,
	setTiming,
	updateSigner,
	updateSubGoal
} from '#lib/collab/template/template-binding.ts';
import { NotFoundError, ValidationError } from '#lib/domain/errors.ts';
import { plannedCells } from '#lib/domain/template/plan.ts';
import { STATEMENT_LIBRARY } from '#lib/domain/template/starters/index.ts';
import { validateTemplate } from '#lib/domain/template/validate.ts';
import { ctxOf, docFromStarter, stateOf } from '../../support/template-docs.ts';

/** Expects `write` to be refused with `key` and to leave `doc` byte for byte as it was. */
function expectRefused(doc: Y.Doc, write: () => unknown, key: string): void {
	const before = stateOf(doc);
	let error: unknown;
	try {
		write();
	} catch (caught) {
		error = caught;
	}
	expect(error).toBeInstanceOf(ValidationError);
	expect(Object.values((error as ValidationError).fields ?? {})).toContain(key);
	expect(stateOf(doc)).toEqual(before);
}

function setup(starterId = 'lager') {
	const doc = docFromStarter(starterId);
	const ctx = ctxOf(doc);
	const t = readTemplate(doc);
	const cell = {
		measurementPointId: t.measurementPoints[0].id,
		raterId: t.raters[0].id,
		areaId: t.areas[0].id
	};
	return { doc, ctx, t, cell };
}

describe('the rating plan', () => {
	it('decides one cell and a whole row in one transaction each, with the caller’s origin', () => {
		const { doc, ctx, t, cell } = setup('blank');
		const origins: unknown[] = [];
		doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
		setRatingPlanCell(ctx, { ...cell, rates: false });
		setRatingPlanCell(ctx, { ...cell, rates: false });
		const row = t.raters.map((r) => ({ ...cell, raterId: r.id }));
		setRatingPlanCells(ctx, { cells: row, rates: false });
		expect(origins).toEqual(['me', 'me']);
		const planned = plannedCells(readTemplate(doc));
		expect(
			planned.some(
				(c) => c.measurementPointId === cell.measurementPointId && c.areaId === cell.areaId
			)
		).toBe(false);
		setRatingPlanCells(ctx, { cells: row, rates: true });
		expect(readTemplate(doc).ratingPlan.every((e) => e.rates)).toBe(true);
	});

	it('refuses a cell naming a removed rater, point or area, writing nothing', () => {
		const { doc, ctx, cell } = setup();
		for (const field of ['raterId', 'measurementPointId', 'areaId'] as const) {
			expectRefused(
				doc,
				() => setRatingPlanCell(ctx, { ...cell, [field]: 'gone123', rates: false }),
				'template.input.gone'
			);
		}
		expectRefused(
			doc,
			() => setRatingPlanCells(ctx, { cells: [{ ...cell, raterId: 'gone123' }], rates: true }),
			'template.input.gone'
		);
	});

	it('forgets the cells of a removed rater, point or area, and one undo brings them back', () => {
		const { doc, ctx, t, cell } = setup('blank');
		const undo = createTemplateUndoManager(doc, 'me');
		setRatingPlanCell(ctx, { ...cell, rates: false });
		undo.stopCapturing();
		removeRater(ctx, { raterId: cell.raterId });
		expect(doc.getMap('template.ratingPlan').size).toBe(0);
		undo.undo();
		expect(readTemplate(doc).ratingPlan).toEqual([{ ...cell, rates: false }]);
		removeMeasurementPoint(ctx, { measurementPointId: cell.measurementPointId });
		removeArea(ctx, { areaId: t.areas[1].id });
		expect(readTemplate(doc).ratingPlan).toEqual([]);
		expect(doc.getMap('template.ratingPlan').size).toBe(0);
	});
});

describe('signers', () => {
	it('adds, renames, links, moves and removes signers independently of raters', () => {
		const { doc, ctx, t } = setup();
		const id = addSigner(ctx, { label: 'Mentor', index: 0 });
		updateSigner(ctx, { signerId: id, label: 'Praktikmentor', raterId: t.raters[1].id });
		let signers = readTemplate(doc).signature.signers;
		expect(signers[0]).toEqual({ id, label: 'Praktikmentor', raterId: t.raters[1].id });
		moveSigner(ctx, { signerId: id, toIndex: signers.length - 1 });
		signers = readTemplate(doc).signature.signers;
		expect(signers.at(-1)?.id).toBe(id);
		removeSigner(ctx, { signerId: id });
		expect(readTemplate(doc).signature.signers).toEqual(t.signature.signers);
	});

	it('refuses a duplicate label and a rater of another template; a removed rater unlinks', () => {
		const { doc, ctx, t } = setup();
		const signer = t.signature.signers.find((s) => s.raterId !== null)!;
		expectRefused(
			doc,
			() => addSigner(ctx, { label: t.signature.signers[0].label }),
			'template.input.duplicateLabel'
		);
		expectRefused(
			doc,
			() => updateSigner(ctx, { signerId: signer.id, raterId: 'other-r1' }),
			'template.input.gone'
		);
		removeRater(ctx, { raterId: signer.raterId! });
		const after = readTemplate(doc).signature.signers.find((s) => s.id === signer.id);
		expect(after).toEqual({ ...signer, raterId: null });
		expect(validateTemplate(readTemplate(doc))).toEqual([]);
	});
});

describe('timings, categories, CV phrases and progression measures', () => {
	it('sets and clears a timing; refuses 0 and 500 weeks', () => {
		const { doc, ctx, cell } = setup();
		const measurementPointId = cell.measurementPointId;
		setTiming(ctx, { measurementPointId, timing: { kind: 'everyWeeks', weeks: 2 } });
		expect(readTemplate(doc).measurementPoints[0].timing).toEqual({ kind: 'everyWeeks', weeks: 2 });
		setTiming(ctx, { measurementPointId, timing: null });
		expect(readTemplate(doc).measurementPoints[0].timing).toBeNull();
		for (const weeks of [0, 500, 2.5]) {
			expectRefused(
				doc,
				() => setTiming(ctx, { measurementPointId, timing: { kind: 'afterWeeks', weeks } }),
				'template.input.timingAfterWeeks'
			);
		}
		expect(() => setTiming(ctx, { measurementPointId: 'gone123', timing: null })).toThrow(
			NotFoundError
		);
	});

	it('sets an area’s category and refuses an unknown one', () => {
		const { doc, ctx, cell } = setup();
		setAreaCategory(ctx, { areaId: cell.areaId, category: 'social' });
		expect(readTemplate(doc).areas[0].category).toBe('social');
		expectRefused(
			doc,
			() => setAreaCategory(ctx, { areaId: cell.areaId, category: 'odd' as 'social' }),
			'template.input.invalidKind'
		);
	});

	it('gives new statements a CV phrase (the library’s own when pulled) and refuses a long one', () => {
		const { doc, ctx, cell } = setup();
		const own = addStatement(ctx, { areaId: cell.areaId, text: 'Kan bruge håndscanneren' });
		const source = STATEMENT_LIBRARY[0];
		const pulled = pullStatementFromLibrary(ctx, {
			libraryStatementId: source.id,
			areaId: readTemplate(doc).areas[1].id
		});
		const phrase = (id: string) =>
			readTemplate(doc)
				.areas.flatMap((a) => a.statements)
				.find((s) => s.id === id)?.cvPhrase;
		expect(phrase(own)).toBe('Jeg kan bruge håndscanneren');
		expect(phrase(pulled)).toBe(source.cvPhrase);
		setCvPhrase(ctx, { statementId: own, cvPhrase: 'Jeg scanner varer ind' });
		expect(phrase(own)).toBe('Jeg scanner varer ind');
		expectRefused(
			doc,
			() => setCvPhrase(ctx, { statementId: own, cvPhrase: 'x'.repeat(151) }),
			'template.input.cvPhraseTooLong'
		);
	});

	it('turns hours per week and tasks on and off', () => {
		const { doc, ctx } = setup('blank');
		setProgressionMeasures(ctx, { hasHoursPerWeek: false });
		setProgressionMeasures(ctx, { hasTasks: false });
		expect(readTemplate(doc).progressionMeasures).toEqual({
			hasHoursPerWeek: false,
			hasTasks: false
		});
		setProgressionMeasures(ctx, { hasHoursPerWeek: true, hasTasks: true });
		expect(readTemplate(doc).progressionMeasures).toEqual({
			hasHoursPerWeek: true,
			hasTasks: true
		});
	});
});

describe('goals and sub-goals', () => {
	it('edits the goal part: heading, sub-goals with links, followed points, status scale', () => {
		const { doc, ctx, t } = setup('blank');
		setGoal(ctx, { isIncluded: true, label: 'Mit jobmål', guidance: 'Skriv dit mål.' });
		const areaId = t.areas[0].id;
		const statementId = addStatement(ctx, { areaId, text: 'Kan fylde varer op' });
		const first = addSubGoal(ctx, { text: 'Lære kassen', statementIds: [statementId] });
		const second = addSubGoal(ctx, { text: 'Møde til tiden', index: 0 });
		moveSubGoal(ctx, { subGoalId: first, toIndex: 0 });
		updateSubGoal(ctx, { subGoalId: second, text: 'Møde til tiden hver dag' });
		setSubGoalStatement(ctx, { subGoalId: second, statementId, isLinked: true });
		setGoalPoint(ctx, { measurementPointId: t.measurementPoints[1].id, isFollowed: false });
		const status = addGoalStatus(ctx, { label: 'Næsten nået', index: 2 });
		renameGoalStatus(ctx, { statusId: status, label: 'Tæt på' });
		moveGoalStatus(ctx, { statusId: status, toIndex: 1 });
		const goals = readTemplate(doc).goals;
		expect(goals.label).toBe('Mit jobmål');
		expect(goals.subGoals).toEqual([
			{ id: first, text: 'Lære kassen', statementIds: [statementId] },
			{ id: second, text: 'Møde til tiden hver dag', statementIds: [statementId] }
		]);
		expect(goals.measurementPointIds).toEqual([
			t.measurementPoints[0].id,
			t.measurementPoints[2].id
		]);
		expect(goals.statuses.map((s) => s.label)).toEqual([
			'Ikke påbegyndt',
			'Tæt på',
			'I gang',
			'Nået'
		]);
		removeGoalStatus(ctx, { statusId: status });
		removeSubGoal(ctx, { subGoalId: second });
		expect(readTemplate(doc).goals.subGoals.map((s) => s.id)).toEqual([first]);
	});

	it('refuses a link to a statement of another template and keeps two status steps', () => {
		const { doc, ctx } = setup();
		const other = readTemplate(docFromStarter('pleje')).areas[0].statements[0].id;
		expectRefused(
			doc,
			() => addSubGoal(ctx, { text: 'Lære noget', statementIds: [other] }),
			'template.input.unknownStatement'
		);
		const subGoalId = readTemplate(doc).goals.subGoals[0].id;
		expectRefused(
			doc,
			() => setSubGoalStatement(ctx, { subGoalId, statementId: other, isLinked: true }),
			'template.input.unknownStatement'
		);
		const statuses = readTemplate(doc).goals.statuses;
		removeGoalStatus(ctx, { statusId: statuses[0].id });
		expectRefused(
			doc,
			() => removeGoalStatus(ctx, { statusId: statuses[1].id }),
			'template.input.tooFewStatuses'
		);
	});

	it('unlinks a removed statement and forgets a removed point in one undo step', () => {
		const { doc, ctx, t } = setup();
		const undo = createTemplateUndoManager(doc, 'me');
		const linked = t.goals.subGoals.find((s) => s.statementIds.length > 0)!;
		const statementId = linked.statementIds[0];
		removeStatement(ctx, { statementId });
		const after = readTemplate(doc).goals.subGoals.find((s) => s.id === linked.id)!;
		expect(after.statementIds).not.toContain(statementId);
		undo.undo();
		expect(readTemplate(doc).goals).toEqual(t.goals);
		undo.stopCapturing();
		const pointId = t.goals.measurementPointIds[0];
		removeMeasurementPoint(ctx, { measurementPointId: pointId });
		expect(doc.getMap('template.goalPoints').has(pointId)).toBe(false);
	});

	it('moving a statement to another area keeps its links, CV phrase and id', () => {
		const { doc, ctx, t } = setup();
		const linked = t.goals.subGoals.find((s) => s.statementIds.length > 0)!;
		const statement = t.areas
			.flatMap((a) => a.statements)
			.find((s) => s.id === linked.statementIds[0])!;
		const toAreaId = t.areas.find((a) => !a.statements.some((s) => s.id === statement.id))!.id;
		moveStatement(ctx, { statementId: statement.id, toAreaId, toIndex: 0 });
		const after = readTemplate(doc);
		expect(after.areas.find((a) => a.id === toAreaId)?.statements[0]).toEqual(statement);
		expect(after.goals).toEqual(t.goals);
	});
});
