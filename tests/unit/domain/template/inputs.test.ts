import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CV_PHRASE_LENGTH } from '#lib/domain/limits.ts';
import {
	addSignerInputFor,
	addSubGoalInputFor,
	setAreaCategoryInputSchema,
	setCvPhraseInputSchema,
	setGoalPointInputFor,
	setProgressionMeasuresInputSchema,
	setRatingPlanCellInputFor,
	setTimingInputSchema,
	updateSignerInputFor,
	updateSubGoalInputFor
} from '#lib/domain/template/inputs.ts';
import { caseDataSchema, emptyCaseData } from '#lib/domain/template/case-data.ts';
import { smallTemplate, starterTemplate } from '../../../fixtures/template.ts';

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
	result.error?.issues.map((i) => i.message) ?? [];

describe('input schemas of the second-pass operations', () => {
	it.each([
		[{ kind: 'afterWeeks', weeks: 0 }, 'template.input.timingAfterWeeks'],
		[{ kind: 'afterWeeks', weeks: 500 }, 'template.input.timingAfterWeeks'],
		[{ kind: 'afterWeeks', weeks: 1.5 }, 'template.input.timingAfterWeeks'],
		[{ kind: 'afterWeeks' }, 'template.input.timingAfterWeeks'],
		[{ kind: 'everyWeeks', weeks: 53 }, 'template.input.timingEveryWeeks'],
		[{ kind: 'sometimes' }, 'template.input.invalidKind']
	])('refuse the timing %o with %s', (timing, key) => {
		const result = setTimingInputSchema.safeParse({ measurementPointId: 'm1', timing });
		expect(messages(result)).toEqual([key]);
	});

	it('accept every whole number of weeks in range, and no timing', () => {
		fc.assert(
			fc.property(fc.integer({ min: -5, max: 120 }), (weeks) => {
				const after = setTimingInputSchema.safeParse({
					measurementPointId: 'm1',
					timing: { kind: 'afterWeeks', weeks }
				});
				const every = setTimingInputSchema.safeParse({
					measurementPointId: 'm1',
					timing: { kind: 'everyWeeks', weeks }
				});
				expect(after.success).toBe(weeks >= 1 && weeks <= 104);
				expect(every.success).toBe(weeks >= 1 && weeks <= 52);
			})
		);
		expect(setTimingInputSchema.safeParse({ measurementPointId: 'm1', timing: null }).success).toBe(
			true
		);
		const start = { measurementPointId: 'm1', timing: { kind: 'start' } };
		expect(setTimingInputSchema.safeParse(start).success).toBe(true);
	});

	it('refuse a CV phrase over the limit or empty, and trim it', () => {
		const phrase = (cvPhrase: string) =>
			setCvPhraseInputSchema.safeParse({ statementId: 's1', cvPhrase });
		expect(messages(phrase('x'.repeat(MAX_CV_PHRASE_LENGTH + 1)))).toEqual([
			'template.input.cvPhraseTooLong'
		]);
		expect(messages(phrase('   '))).toEqual(['template.input.required']);
		expect(phrase(` ${'x'.repeat(MAX_CV_PHRASE_LENGTH)} `).success).toBe(true);
	});

	it('refuse an unknown category', () => {
		expect(setAreaCategoryInputSchema.safeParse({ areaId: 'a1', category: 'social' }).success).toBe(
			true
		);
		expect(
			messages(setAreaCategoryInputSchema.safeParse({ areaId: 'a1', category: 'faglig' }))
		).toEqual(['template.input.invalidKind']);
	});

	it('refuse a sub-goal linked to a statement of another template', () => {
		const detail = starterTemplate('detail');
		const own = detail.areas[0].statements[0].id;
		const foreign = starterTemplate('lager').areas[0].statements[0].id;
		const add = addSubGoalInputFor(detail);
		expect(add.safeParse({ text: 'Møde til tiden', statementIds: [own] }).success).toBe(true);
		expect(add.safeParse({ text: 'Møde til tiden' }).success).toBe(true);
		expect(
			messages(add.safeParse({ text: 'Møde til tiden', statementIds: [own, foreign] }))
		).toEqual(['template.input.unknownStatement']);
		const update = updateSubGoalInputFor(detail);
		expect(update.safeParse({ subGoalId: 'g1', statementIds: [own] }).success).toBe(true);
		expect(messages(update.safeParse({ subGoalId: 'g1', statementIds: [foreign] }))).toEqual([
			'template.input.unknownStatement'
		]);
		expect(update.safeParse({ subGoalId: 'g1', text: 'Nyt' }).success).toBe(true);
	});

	it('refuse a plan cell, goal point or signer naming a removed item', () => {
		const template = smallTemplate();
		const cell = setRatingPlanCellInputFor(template);
		const ok = { measurementPointId: 'm1', raterId: 'r1', areaId: 'a1', rates: false };
		expect(cell.safeParse(ok).success).toBe(true);
		const gone = cell.safeParse({ ...ok, raterId: 'removed' });
		expect(gone.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			['raterId', 'template.input.gone']
		]);
		expect(messages(cell.safeParse({ ...ok, areaId: 'x', measurementPointId: 'y' }))).toHaveLength(
			2
		);
		const point = setGoalPointInputFor(template);
		expect(point.safeParse({ measurementPointId: 'm2', isFollowed: true }).success).toBe(true);
		expect(messages(point.safeParse({ measurementPointId: 'm9', isFollowed: true }))).toEqual([
			'template.input.gone'
		]);
		const add = addSignerInputFor(template);
		expect(add.safeParse({ label: 'Sagsbehandler', raterId: null }).success).toBe(true);
		expect(add.safeParse({ label: 'Mentor' }).success).toBe(true);
		expect(messages(add.safeParse({ label: 'Mentor', raterId: 'gone' }))).toEqual([
			'template.input.gone'
		]);
		const update = updateSignerInputFor(template);
		expect(update.safeParse({ signerId: 'u3', raterId: 'r2' }).success).toBe(true);
		expect(messages(update.safeParse({ signerId: 'u3', label: '' }))).toEqual([
			'template.input.required'
		]);
	});

	it('switch progression measures one at a time', () => {
		expect(setProgressionMeasuresInputSchema.safeParse({ hasTasks: true }).success).toBe(true);
		expect(setProgressionMeasuresInputSchema.safeParse({ hasTasks: 'ja' }).success).toBe(false);
	});
});

describe('case data', () => {
	it('accepts an empty case and the example shape, and refuses impossible hours', () => {
		const template = smallTemplate();
		expect(caseDataSchema.safeParse(emptyCaseData(template)).success).toBe(true);
		const hours = (h: number) =>
			caseDataSchema.safeParse({
				...emptyCaseData(template),
				hoursPerWeek: [{ measurementPointId: 'm1', hours: h }]
			});
		expect(hours(0).success).toBe(true);
		expect(hours(37.5).success).toBe(true);
		expect(messages(hours(-1))).toEqual(['template.input.hoursPerWeek']);
		expect(messages(hours(200))).toEqual(['template.input.hoursPerWeek']);
		const notAssessed = {
			statementId: 's1',
			measurementPointId: 'm1',
			raterId: 'r1',
			levelId: null
		};
		const withRating = {
			...emptyCaseData(template),
			ratings: [{ ...notAssessed, comment: 'Ikke prøvet' }]
		};
		expect(caseDataSchema.safeParse(withRating).success).toBe(true);
	});
});
