import { describe, expect, it } from 'vitest';
import { plannedCells } from '#lib/domain/template/plan.ts';
import { describeRatingForms } from '#lib/domain/template/rating-forms.ts';
import { smallTemplate, starterTemplate } from '../../../fixtures/template.ts';

describe('describeRatingForms', () => {
	it('gives each rater a form per point with the areas the plan gives them', () => {
		const forms = describeRatingForms(smallTemplate());
		expect(
			forms.map((f) => [f.measurementPointId, f.raterId, f.areas.map((a) => a.areaId)])
		).toEqual([
			['m1', 'r1', ['a1', 'a2']],
			['m1', 'r2', ['a1']],
			['m2', 'r1', ['a1', 'a2']],
			['m2', 'r2', ['a1', 'a2']]
		]);
		expect(forms[0].timing).toEqual({ kind: 'start' });
		expect(forms[0].areas[0].statements[0]).toEqual({
			statementId: 's1',
			text: 'Kan modtage varer',
			levels: [
				{ levelId: 'a1-l1', label: 'Kan med hjælp', position: 1 },
				{ levelId: 'a1-l2', label: 'Kan selv', position: 2 },
				{ levelId: 'a1-l3', label: 'Kan lære andre', position: 3 }
			]
		});
	});

	it('carries hours, tasks and the sub-goals with their statuses where the template follows them', () => {
		const template = smallTemplate();
		template.goals.measurementPointIds = ['m2'];
		const forms = describeRatingForms(template);
		expect(forms.every((f) => f.measures.hasHoursPerWeek && !f.measures.hasTasks)).toBe(true);
		expect(forms.map((f) => [f.measurementPointId, f.subGoals !== null])).toEqual([
			['m1', false],
			['m1', false],
			['m2', true],
			['m2', true]
		]);
		expect(forms[2].subGoals).toEqual({
			statuses: [
				{ statusId: 'st1', label: 'Ikke påbegyndt' },
				{ statusId: 'st2', label: 'I gang' },
				{ statusId: 'st3', label: 'Nået' }
			],
			items: [{ subGoalId: 'g1', text: 'Møde til tiden hver dag' }]
		});
		template.goals.isIncluded = false;
		template.progressionMeasures = { hasHoursPerWeek: false, hasTasks: true };
		const off = describeRatingForms(template);
		expect(off.every((f) => f.subGoals === null && f.measures.hasTasks)).toBe(true);
		expect(off.some((f) => f.measures.hasHoursPerWeek)).toBe(false);
	});

	it('covers exactly the planned cells of a starter and leaves out raters with nothing to rate', () => {
		const template = starterTemplate('detail');
		const forms = describeRatingForms(template);
		const cells = forms.flatMap((f) =>
			f.areas.map((a) => `${f.measurementPointId}/${f.raterId}/${a.areaId}`)
		);
		expect(cells).toEqual(
			plannedCells(template).map((c) => `${c.measurementPointId}/${c.raterId}/${c.areaId}`)
		);
		expect(forms.every((f) => f.areas.length > 0)).toBe(true);
		expect(forms.length).toBeLessThan(template.measurementPoints.length * template.raters.length);
	});
});
