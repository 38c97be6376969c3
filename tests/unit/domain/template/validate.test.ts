import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	MAX_AREAS,
	MAX_CV_PHRASE_LENGTH,
	MAX_GOAL_STATUSES,
	MAX_SIGNERS,
	MAX_SUB_GOAL_LENGTH,
	MAX_SUB_GOALS,
	MAX_FREE_TEXT_SECTIONS,
	MAX_HEADER_FIELDS,
	MAX_LABEL_LENGTH,
	MAX_LEVEL_LABEL_LENGTH,
	MAX_MEASUREMENT_POINTS,
	MAX_RATERS,
	MAX_RICH_TEXT_LENGTH,
	MAX_SIGNATURE_TEXT_LENGTH,
	MAX_STATEMENT_LENGTH,
	MAX_STATEMENTS_PER_AREA,
	MAX_TEMPLATE_TITLE_LENGTH
} from '#lib/domain/limits.ts';
import { PROBLEM_CODES, type ProblemCode } from '#lib/domain/template/problems.ts';
import { textToRichText } from '#lib/domain/template/rich-text.ts';
import type { Template } from '#lib/domain/template/schemas.ts';
import { validateTemplate } from '#lib/domain/template/validate.ts';
import {
	oldShapeTemplate,
	smallTemplate,
	starterTemplate,
	withRandomPlan
} from '../../../fixtures/template.ts';

const long = (n: number) => 'x'.repeat(n + 1);
const many = <T>(count: number, make: (i: number) => T) =>
	Array.from({ length: count }, (_, i) => make(i));
const level = (id: string, label: string) => ({ id, label, descriptor: textToRichText('') });
const statement = (id: string, text: string) => ({
	id,
	text,
	kind: 'informal' as const,
	cvPhrase: `Jeg ${text.toLowerCase()}`,
	description: textToRichText(''),
	scale: null
});

/** One mutation per problem code, each producing that problem at `path`. */
const CASES: Record<ProblemCode, { mutate: (t: Template) => void; path: string[] }> = {
	'title.empty': { mutate: (t) => void (t.title = '  '), path: ['title'] },
	'title.tooLong': {
		mutate: (t) => void (t.title = long(MAX_TEMPLATE_TITLE_LENGTH)),
		path: ['title']
	},
	'areas.none': { mutate: (t) => void (t.areas = []), path: ['areas'] },
	'areas.tooMany': {
		mutate: (t) =>
			void (t.areas = many(MAX_AREAS + 1, (i) => ({
				...t.areas[0],
				id: `x${i}`,
				label: `Område ${i}`
			}))),
		path: ['areas']
	},
	'area.label.empty': {
		mutate: (t) => void (t.areas[1].label = ''),
		path: ['areas', 'a2', 'label']
	},
	'area.label.tooLong': {
		mutate: (t) => void (t.areas[1].label = long(MAX_LABEL_LENGTH)),
		path: ['areas', 'a2', 'label']
	},
	'area.label.duplicate': {
		mutate: (t) => void (t.areas[1].label = ' faglige  KOMPETENCER'),
		path: ['areas', 'a2', 'label']
	},
	'area.noStatements': { mutate: (t) => void (t.areas[1].statements = []), path: ['areas', 'a2'] },
	'area.tooManyStatements': {
		mutate: (t) =>
			void (t.areas[0].statements = many(MAX_STATEMENTS_PER_AREA + 1, (i) =>
				statement(`x${i}`, `Udsagn ${i}`)
			)),
		path: ['areas', 'a1']
	},
	'statement.text.empty': {
		mutate: (t) => void (t.areas[0].statements[1].text = ''),
		path: ['areas', 'a1', 'statements', 's2', 'text']
	},
	'statement.text.tooLong': {
		mutate: (t) => void (t.areas[0].statements[1].text = long(MAX_STATEMENT_LENGTH)),
		path: ['areas', 'a1', 'statements', 's2', 'text']
	},
	'statement.text.duplicate': {
		mutate: (t) => void (t.areas[0].statements[1].text = 'kan modtage varer'),
		path: ['areas', 'a1', 'statements', 's2', 'text']
	},
	'statement.description.tooLong': {
		mutate: (t) =>
			void (t.areas[0].statements[0].description = textToRichText(long(MAX_RICH_TEXT_LENGTH))),
		path: ['areas', 'a1', 'statements', 's1', 'description']
	},
	'scale.tooFewLevels': {
		mutate: (t) => void (t.areas[0].scale.levels = [level('only', 'Kan')]),
		path: ['areas', 'a1', 'scale']
	},
	'scale.tooManyLevels': {
		mutate: (t) => {
			const statementScale = { levels: many(11, (i) => level(`l${i}`, `Niveau ${i}`)) };
			t.areas[0].statements[0].scale = statementScale;
		},
		path: ['areas', 'a1', 'statements', 's1', 'scale']
	},
	'level.label.empty': {
		mutate: (t) => void (t.areas[0].scale.levels[2].label = ''),
		path: ['areas', 'a1', 'scale', 'levels', 'a1-l3', 'label']
	},
	'level.label.tooLong': {
		mutate: (t) => void (t.areas[0].scale.levels[2].label = long(MAX_LEVEL_LABEL_LENGTH)),
		path: ['areas', 'a1', 'scale', 'levels', 'a1-l3', 'label']
	},
	'level.label.duplicate': {
		mutate: (t) => void (t.areas[0].scale.levels[2].label = 'Kan selv'),
		path: ['areas', 'a1', 'scale', 'levels', 'a1-l3', 'label']
	},
	'level.descriptor.tooLong': {
		mutate: (t) =>
			void (t.areas[0].scale.levels[0].descriptor = textToRichText(long(MAX_RICH_TEXT_LENGTH))),
		path: ['areas', 'a1', 'scale', 'levels', 'a1-l1', 'descriptor']
	},
	'measurementPoints.none': {
		mutate: (t) => void (t.measurementPoints = []),
		path: ['measurementPoints']
	},
	'measurementPoints.tooMany': {
		mutate: (t) =>
			void (t.measurementPoints = many(MAX_MEASUREMENT_POINTS + 1, (i) => ({
				id: `p${i}`,
				label: `P${i}`,
				timing: null
			}))),
		path: ['measurementPoints']
	},
	'measurementPoint.label.empty': {
		mutate: (t) => void (t.measurementPoints[1].label = ''),
		path: ['measurementPoints', 'm2', 'label']
	},
	'measurementPoint.label.tooLong': {
		mutate: (t) => void (t.measurementPoints[1].label = long(MAX_LABEL_LENGTH)),
		path: ['measurementPoints', 'm2', 'label']
	},
	'measurementPoint.label.duplicate': {
		mutate: (t) => void (t.measurementPoints[1].label = 'START'),
		path: ['measurementPoints', 'm2', 'label']
	},
	'raters.none': { mutate: (t) => void (t.raters = []), path: ['raters'] },
	'raters.tooMany': {
		mutate: (t) => void (t.raters = many(MAX_RATERS + 1, (i) => ({ id: `r${i}`, label: `R${i}` }))),
		path: ['raters']
	},
	'rater.label.empty': {
		mutate: (t) => void (t.raters[1].label = ''),
		path: ['raters', 'r2', 'label']
	},
	'rater.label.tooLong': {
		mutate: (t) => void (t.raters[1].label = long(MAX_LABEL_LENGTH)),
		path: ['raters', 'r2', 'label']
	},
	'rater.label.duplicate': {
		mutate: (t) => void (t.raters[1].label = 'den unge'),
		path: ['raters', 'r2', 'label']
	},
	'headerFields.tooMany': {
		mutate: (t) =>
			void (t.headerFields = many(MAX_HEADER_FIELDS + 1, (i) => ({
				id: `h${i}`,
				label: `Felt ${i}`,
				kind: 'shortText' as const,
				isRequired: false
			}))),
		path: ['headerFields']
	},
	'headerField.label.empty': {
		mutate: (t) => void (t.headerFields[0].label = ''),
		path: ['headerFields', 'h1', 'label']
	},
	'headerField.label.tooLong': {
		mutate: (t) => void (t.headerFields[0].label = long(MAX_LABEL_LENGTH)),
		path: ['headerFields', 'h1', 'label']
	},
	'headerField.label.duplicate': {
		mutate: (t) =>
			void t.headerFields.push({
				id: 'h2',
				label: 'Den unges navn',
				kind: 'shortText',
				isRequired: false
			}),
		path: ['headerFields', 'h2', 'label']
	},
	'freeTextSections.tooMany': {
		mutate: (t) =>
			void (t.freeTextSections = many(MAX_FREE_TEXT_SECTIONS + 1, (i) => ({
				id: `f${i}`,
				label: `F${i}`,
				guidance: textToRichText('')
			}))),
		path: ['freeTextSections']
	},
	'freeTextSection.label.empty': {
		mutate: (t) => void (t.freeTextSections[0].label = ''),
		path: ['freeTextSections', 'f1', 'label']
	},
	'freeTextSection.label.tooLong': {
		mutate: (t) => void (t.freeTextSections[0].label = long(MAX_LABEL_LENGTH)),
		path: ['freeTextSections', 'f1', 'label']
	},
	'freeTextSection.label.duplicate': {
		mutate: (t) =>
			void t.freeTextSections.push({
				id: 'f2',
				label: 'Det har jeg lært',
				guidance: textToRichText('')
			}),
		path: ['freeTextSections', 'f2', 'label']
	},
	'freeTextSection.guidance.tooLong': {
		mutate: (t) =>
			void (t.freeTextSections[0].guidance = textToRichText(long(MAX_RICH_TEXT_LENGTH))),
		path: ['freeTextSections', 'f1', 'guidance']
	},
	'signature.text.tooLong': {
		mutate: (t) => void (t.signature.text = long(MAX_SIGNATURE_TEXT_LENGTH)),
		path: ['signature', 'text']
	},
	'signature.noSigners': {
		mutate: (t) => void (t.signature.signers = []),
		path: ['signature', 'signers']
	},
	'statement.cvPhrase.empty': {
		mutate: (t) => void (t.areas[0].statements[1].cvPhrase = '  '),
		path: ['areas', 'a1', 'statements', 's2', 'cvPhrase']
	},
	'statement.cvPhrase.tooLong': {
		mutate: (t) => void (t.areas[0].statements[1].cvPhrase = long(MAX_CV_PHRASE_LENGTH)),
		path: ['areas', 'a1', 'statements', 's2', 'cvPhrase']
	},
	'measurementPoints.tooFew': {
		mutate: (t) => void (t.measurementPoints = [t.measurementPoints[0]]),
		path: ['measurementPoints']
	},
	'measurementPoint.timing.outOfRange': {
		mutate: (t) => void (t.measurementPoints[1].timing = { kind: 'afterWeeks', weeks: 0 }),
		path: ['measurementPoints', 'm2', 'timing']
	},
	'measurementPoint.timing.outOfOrder': {
		mutate: (t) => void (t.measurementPoints[1].timing = { kind: 'start' }),
		path: ['measurementPoints', 'm2', 'timing']
	},
	'ratingPlan.unknownItem': {
		mutate: (t) =>
			void t.ratingPlan.push(
				{ measurementPointId: 'm1', raterId: 'gone', areaId: 'a1', rates: false },
				{ measurementPointId: 'm2', raterId: 'gone', areaId: 'a2', rates: true }
			),
		path: ['ratingPlan', 'gone']
	},
	'area.noProgression': {
		mutate: (t) =>
			void (t.ratingPlan = ['r1', 'r2'].map((raterId) => ({
				measurementPointId: 'm2',
				raterId,
				areaId: 'a2',
				rates: false
			}))),
		path: ['areas', 'a2', 'ratingPlan']
	},
	'signers.tooMany': {
		mutate: (t) =>
			void (t.signature.signers = many(MAX_SIGNERS + 1, (i) => ({
				id: `u${i}`,
				label: `Underskriver ${i}`,
				raterId: null
			}))),
		path: ['signature', 'signers']
	},
	'signer.label.empty': {
		mutate: (t) => void (t.signature.signers[2].label = ' '),
		path: ['signature', 'signers', 'u3', 'label']
	},
	'signer.label.tooLong': {
		mutate: (t) => void (t.signature.signers[2].label = long(MAX_LABEL_LENGTH)),
		path: ['signature', 'signers', 'u3', 'label']
	},
	'signer.label.duplicate': {
		mutate: (t) => void (t.signature.signers[2].label = 'den  UNGE'),
		path: ['signature', 'signers', 'u3', 'label']
	},
	'signer.rater.unknown': {
		mutate: (t) => void (t.signature.signers[2].raterId = 'gone'),
		path: ['signature', 'signers', 'u3', 'raterId']
	},
	'goal.label.empty': { mutate: (t) => void (t.goals.label = ''), path: ['goals', 'label'] },
	'goal.label.tooLong': {
		mutate: (t) => void (t.goals.label = long(MAX_LABEL_LENGTH)),
		path: ['goals', 'label']
	},
	'goal.guidance.tooLong': {
		mutate: (t) => void (t.goals.guidance = textToRichText(long(MAX_RICH_TEXT_LENGTH))),
		path: ['goals', 'guidance']
	},
	'subGoals.tooMany': {
		mutate: (t) =>
			void (t.goals.subGoals = many(MAX_SUB_GOALS + 1, (i) => ({
				id: `g${i}`,
				text: `Delmål ${i}`,
				statementIds: []
			}))),
		path: ['goals', 'subGoals']
	},
	'subGoal.text.empty': {
		mutate: (t) => void t.goals.subGoals.push({ id: 'g2', text: '', statementIds: [] }),
		path: ['goals', 'subGoals', 'g2', 'text']
	},
	'subGoal.text.tooLong': {
		mutate: (t) => void (t.goals.subGoals[0].text = long(MAX_SUB_GOAL_LENGTH)),
		path: ['goals', 'subGoals', 'g1', 'text']
	},
	'subGoal.text.duplicate': {
		mutate: (t) =>
			void t.goals.subGoals.push({ id: 'g2', text: 'møde til TIDEN hver dag', statementIds: [] }),
		path: ['goals', 'subGoals', 'g2', 'text']
	},
	'subGoal.statement.unknown': {
		mutate: (t) => void t.goals.subGoals[0].statementIds.push('gone'),
		path: ['goals', 'subGoals', 'g1', 'statementIds', 'gone']
	},
	'goalStatuses.tooFew': {
		mutate: (t) => void (t.goals.statuses = [t.goals.statuses[0]]),
		path: ['goals', 'statuses']
	},
	'goalStatuses.tooMany': {
		mutate: (t) =>
			void (t.goals.statuses = many(MAX_GOAL_STATUSES + 1, (i) => ({
				id: `st${i}`,
				label: `Trin ${i}`
			}))),
		path: ['goals', 'statuses']
	},
	'goalStatus.label.empty': {
		mutate: (t) => void (t.goals.statuses[1].label = ''),
		path: ['goals', 'statuses', 'st2', 'label']
	},
	'goalStatus.label.tooLong': {
		mutate: (t) => void (t.goals.statuses[1].label = long(MAX_LEVEL_LABEL_LENGTH)),
		path: ['goals', 'statuses', 'st2', 'label']
	},
	'goalStatus.label.duplicate': {
		mutate: (t) => void (t.goals.statuses[2].label = 'I GANG'),
		path: ['goals', 'statuses', 'st3', 'label']
	},
	'goals.point.unknown': {
		mutate: (t) => void t.goals.measurementPointIds.push('gone'),
		path: ['goals', 'measurementPointIds', 'gone']
	},
	'goals.noPoints': {
		mutate: (t) => void (t.goals.measurementPointIds = []),
		path: ['goals', 'measurementPointIds']
	}
};

describe('validateTemplate', () => {
	it('finds nothing wrong with a complete template', () => {
		expect(validateTemplate(smallTemplate())).toEqual([]);
	});

	it('has a case for every problem code', () => {
		expect(Object.keys(CASES).sort()).toEqual([...PROBLEM_CODES].sort());
	});

	it.each(PROBLEM_CODES.map((code) => [code]))(
		'reports %s with its path and message key',
		(code) => {
			const template = smallTemplate();
			CASES[code].mutate(template);
			const found = validateTemplate(template).filter((p) => p.code === code);
			expect(found).toHaveLength(1);
			expect(found[0].path).toEqual(CASES[code].path);
			expect(found[0].messageKey).toBe(`template.problem.${code}`);
		}
	);

	it('reports every problem at once, not only the first', () => {
		// Without a plan or goals, so that removing the points leaves nothing naming them.
		const template = oldShapeTemplate();
		template.areas[1].statements = [];
		template.areas[0].scale.levels = [level('only', 'Kan')];
		template.measurementPoints = [];
		template.raters[1].label = 'Den unge';
		const codes = validateTemplate(template).map((p) => p.code);
		expect(codes.sort()).toEqual(
			[
				'area.noStatements',
				'measurementPoints.none',
				'rater.label.duplicate',
				'scale.tooFewLevels'
			].sort()
		);
	});

	it('names the element in the message parameters', () => {
		const template = smallTemplate();
		template.areas[1].statements = [];
		template.areas[0].scale.levels = [level('only', 'Kan')];
		const problems = validateTemplate(template);
		expect(problems.find((p) => p.code === 'area.noStatements')?.params).toMatchObject({
			label: 'Sociale kompetencer'
		});
		expect(problems.find((p) => p.code === 'scale.tooFewLevels')?.params).toMatchObject({
			owner: 'Faglige kompetencer',
			count: 1,
			min: 2
		});
	});

	it('accepts a signature block that is switched off without signers', () => {
		const template = smallTemplate();
		template.signature = { isIncluded: false, text: '', signerRaterIds: [], signers: [] };
		expect(validateTemplate(template)).toEqual([]);
	});

	it('does not count an empty label as a duplicate of another empty label', () => {
		const template = smallTemplate();
		template.raters[0].label = '';
		template.raters[1].label = '';
		expect(validateTemplate(template).map((p) => p.code)).toEqual([
			'rater.label.empty',
			'rater.label.empty'
		]);
	});
});

describe('validateTemplate on the second-pass parts', () => {
	it('validates a template stored before the second pass with the derived parts', () => {
		expect(validateTemplate(oldShapeTemplate())).toEqual([]);
		const old = oldShapeTemplate();
		old.measurementPoints = [];
		expect(validateTemplate(old).map((p) => p.code)).toEqual(['measurementPoints.none']);
		old.measurementPoints = [{ id: 'm1', label: 'Start' }];
		expect(validateTemplate(old).map((p) => p.code)).toEqual(['measurementPoints.tooFew']);
	});

	it('reports no areas without progression while there are fewer than two points', () => {
		const template = smallTemplate();
		template.measurementPoints = [];
		expect(validateTemplate(template).map((p) => p.code)).not.toContain('area.noProgression');
	});

	it('checks signers and goals only when they are switched on', () => {
		const template = smallTemplate();
		template.signature.isIncluded = false;
		template.signature.signers = [{ id: 'u1', label: '', raterId: 'gone' }];
		template.goals.isIncluded = false;
		template.goals.label = '';
		template.goals.subGoals[0].statementIds = ['gone'];
		expect(validateTemplate(template)).toEqual([]);
	});

	it('accepts repeated follow-up anywhere and "after N weeks" in rising order', () => {
		const template = smallTemplate();
		template.measurementPoints.splice(
			1,
			0,
			{ id: 'm3', label: 'Hver anden uge', timing: { kind: 'everyWeeks', weeks: 2 } },
			{ id: 'm4', label: 'Efter 4 uger', timing: { kind: 'afterWeeks', weeks: 4 } },
			{ id: 'm5', label: 'Efter 8 uger', timing: { kind: 'afterWeeks', weeks: 8 } },
			{ id: 'm6', label: 'Ikke aftalt', timing: null }
		);
		expect(validateTemplate(template)).toEqual([]);
		template.measurementPoints[3].timing = { kind: 'afterWeeks', weeks: 4 };
		expect(validateTemplate(template).map((p) => [p.code, p.params.previous])).toEqual([
			['measurementPoint.timing.outOfOrder', 'Efter 4 uger']
		]);
	});

	it.each([
		[{ kind: 'afterWeeks', weeks: 105 }],
		[{ kind: 'afterWeeks', weeks: 2.5 }],
		[{ kind: 'everyWeeks', weeks: 0 }],
		[{ kind: 'everyWeeks', weeks: 53 }]
	] as const)('reports the timing %o as out of range', (timing) => {
		const template = smallTemplate();
		template.measurementPoints[0].timing = timing;
		expect(validateTemplate(template).map((p) => p.code)).toEqual([
			'measurementPoint.timing.outOfRange'
		]);
	});

	it('lists a removed item named by the plan once, however many cells name it', () => {
		const template = smallTemplate();
		template.areas = [template.areas[0]];
		template.ratingPlan.push({
			measurementPointId: 'm2',
			raterId: 'r1',
			areaId: 'a2',
			rates: true
		});
		expect(validateTemplate(template).map((p) => [p.code, p.path.join('/')])).toEqual([
			['ratingPlan.unknownItem', 'ratingPlan/a2']
		]);
	});

	it('finds an area without progression exactly when no rater rates it at two points', () => {
		fc.assert(
			fc.property(withRandomPlan(smallTemplate()), (planned) => {
				const reported = validateTemplate(planned)
					.filter((p) => p.code === 'area.noProgression')
					.map((p) => p.path[1]);
				const pointsRated = (areaId: string, raterId: string) =>
					planned.ratingPlan.filter((e) => e.rates && e.areaId === areaId && e.raterId === raterId)
						.length;
				const expected = planned.areas
					.filter((area) => !planned.raters.some((rater) => pointsRated(area.id, rater.id) >= 2))
					.map((area) => area.id);
				expect(reported).toEqual(expected);
			})
		);
	});

	it('never throws and lists only known codes, whatever the plan and goal links name', () => {
		const template = starterTemplate('lager');
		const ids = [
			'gone',
			...template.measurementPoints.map((p) => p.id),
			...template.raters.map((r) => r.id),
			...template.areas.map((a) => a.id),
			...template.areas.flatMap((a) => a.statements.map((s) => s.id))
		];
		const id = fc.constantFrom(...ids);
		fc.assert(
			fc.property(
				fc.array(
					fc.record({ measurementPointId: id, raterId: id, areaId: id, rates: fc.boolean() })
				),
				fc.array(id),
				(ratingPlan, statementIds) => {
					const subGoals = [{ id: 'g1', text: 'Et delmål', statementIds }];
					const problems = validateTemplate({
						...template,
						ratingPlan,
						goals: { ...template.goals, subGoals }
					});
					for (const p of problems) expect(PROBLEM_CODES).toContain(p.code);
				}
			)
		);
	});
});
