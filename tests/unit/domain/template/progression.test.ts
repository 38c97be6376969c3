import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ratingPlanLookup } from '#lib/domain/template/plan.ts';
import { describeProgression } from '#lib/domain/template/progression.ts';
import { smallTemplate, starterTemplate } from '../../../fixtures/template.ts';

describe('describeProgression', () => {
	it('builds table cells and chart shares from ratings, ignoring ratings of removed levels', () => {
		const template = { ...smallTemplate(), ratingPlan: [] };
		const ratings = [
			{ statementId: 's1', measurementPointId: 'm1', raterId: 'r1', levelId: 'a1-l1' },
			{ statementId: 's1', measurementPointId: 'm2', raterId: 'r1', levelId: 'a1-l3' },
			{ statementId: 's2', measurementPointId: 'm2', raterId: 'r1', levelId: 'a1-l2' },
			{ statementId: 's2', measurementPointId: 'm1', raterId: 'r1', levelId: 'gone' }
		];
		const progression = describeProgression(template, { ratings });
		expect(progression.columns).toHaveLength(4);
		const s1 = progression.rows.find((r) => r.statementId === 's1')!;
		expect(s1.cells.map((c) => c.levelLabel)).toEqual([
			'Kan med hjælp',
			null,
			'Kan lære andre',
			null
		]);
		expect(s1.cells.map((c) => c.status)).toEqual(['rated', 'open', 'rated', 'open']);
		expect(s1.cells[2].levelPosition).toBe(3);
		const s2 = progression.rows.find((r) => r.statementId === 's2')!;
		expect(s2.cells[0].status).toBe('open');
		const series = progression.series.find((s) => s.areaId === 'a1' && s.raterId === 'r1')!;
		expect(series.points.map((p) => p.value)).toEqual([0, 0.75]);
		const company = progression.series.find((s) => s.areaId === null && s.raterId === 'r2')!;
		expect(company.points.map((p) => p.value)).toEqual([null, null]);
	});

	it('follows the rating plan: columns, cells and lines only where a rater rates', () => {
		const template = smallTemplate();
		template.ratingPlan = [
			{ measurementPointId: 'm1', raterId: 'r2', areaId: 'a1', rates: false },
			{ measurementPointId: 'm1', raterId: 'r2', areaId: 'a2', rates: false },
			{ measurementPointId: 'm2', raterId: 'r2', areaId: 'a2', rates: false }
		];
		const ratings = [
			// Rated although the plan says the company does not rate the social area: ignored.
			{ statementId: 's3', measurementPointId: 'm2', raterId: 'r2', levelId: 'a2-l3' },
			{ statementId: 's1', measurementPointId: 'm2', raterId: 'r2', levelId: 'a1-l2' }
		];
		const progression = describeProgression(template, { ratings });
		expect(progression.columns.map((c) => `${c.measurementPointId}/${c.raterId}`)).toEqual([
			'm1/r1',
			'm2/r1',
			'm2/r2'
		]);
		const s3 = progression.rows.find((r) => r.statementId === 's3')!;
		expect(s3.cells.map((c) => c.status)).toEqual(['open', 'open', 'notPlanned']);
		expect(s3.cells[2].levelId).toBeNull();
		const s1 = progression.rows.find((r) => r.statementId === 's1')!;
		expect(s1.cells[2]).toMatchObject({ status: 'rated', levelPosition: 2 });
		const lines = (areaId: string | null) =>
			progression.series.filter((s) => s.areaId === areaId).map((s) => s.raterId);
		expect(lines('a1')).toEqual(['r1', 'r2']);
		expect(lines('a2')).toEqual(['r1']);
		expect(lines(null)).toEqual(['r1', 'r2']);
		const company = progression.series.find((s) => s.areaId === 'a1' && s.raterId === 'r2')!;
		expect(company.points.map((p) => [p.isPlanned, p.value])).toEqual([
			[false, null],
			[true, 0.5]
		]);
	});

	it('shows "ikke vurderet" and the rater’s comment', () => {
		const ratings = [
			{
				statementId: 's1',
				measurementPointId: 'm1',
				raterId: 'r1',
				levelId: null,
				comment: ' Ikke prøvet '
			},
			{
				statementId: 's2',
				measurementPointId: 'm1',
				raterId: 'r1',
				levelId: 'a1-l2',
				comment: 'Fint'
			}
		];
		const { rows } = describeProgression(smallTemplate(), { ratings });
		expect(rows[0].cells[0]).toMatchObject({
			status: 'notAssessed',
			levelId: null,
			comment: 'Ikke prøvet'
		});
		expect(rows[1].cells[0]).toMatchObject({
			status: 'rated',
			levelLabel: 'Kan selv',
			comment: 'Fint'
		});
	});

	it('gives every statement the level agreed at the end, "ikke vurderet" or nothing yet', () => {
		const agreedLevels = [
			{ statementId: 's1', levelId: 'a1-l3' },
			{ statementId: 's2', levelId: null },
			{ statementId: 's3', levelId: 'gone' }
		];
		const { rows } = describeProgression(smallTemplate(), { ratings: [], agreedLevels });
		expect(rows.map((r) => r.agreed)).toEqual([
			{ status: 'rated', levelId: 'a1-l3', levelLabel: 'Kan lære andre', levelPosition: 3 },
			{ status: 'notAssessed', levelId: null, levelLabel: null, levelPosition: null },
			{ status: 'open', levelId: null, levelLabel: null, levelPosition: null },
			{ status: 'open', levelId: null, levelLabel: null, levelPosition: null }
		]);
		const none = describeProgression(smallTemplate(), { ratings: [] });
		expect(none.rows.every((r) => r.agreed.status === 'open')).toBe(true);
	});

	it('has rows for hours and tasks only when the template follows them', () => {
		const template = smallTemplate();
		const input = {
			ratings: [],
			hoursPerWeek: [{ measurementPointId: 'm2', hours: 20 }],
			tasks: [{ measurementPointId: 'm1', text: 'Opfyldning' }]
		};
		const progression = describeProgression(template, input);
		expect(progression.hoursPerWeek?.map((h) => h.hours)).toEqual([null, 20]);
		expect(progression.tasks).toBeNull();
		template.progressionMeasures = { hasHoursPerWeek: false, hasTasks: true };
		const other = describeProgression(template, input);
		expect(other.hoursPerWeek).toBeNull();
		expect(other.tasks?.map((t) => t.text)).toEqual(['Opfyldning', '']);
	});

	it('follows the sub-goals at the chosen points, with the case’s own wording', () => {
		const template = smallTemplate();
		template.goals.measurementPointIds = ['m2'];
		const progression = describeProgression(template, {
			ratings: [],
			subGoals: [{ id: 'g1', text: 'Møde kl. 8 hver dag', statementIds: ['s1'] }],
			subGoalStatuses: [
				{ subGoalId: 'g1', measurementPointId: 'm1', statusId: 'st2' },
				{ subGoalId: 'g1', measurementPointId: 'm2', statusId: 'st3' }
			]
		});
		expect(progression.subGoals?.points.map((p) => p.measurementPointId)).toEqual(['m2']);
		expect(progression.subGoals?.rows).toEqual([
			{
				subGoalId: 'g1',
				text: 'Møde kl. 8 hver dag',
				cells: [
					{
						measurementPointId: 'm2',
						measurementPointLabel: 'Slut',
						statusId: 'st3',
						statusLabel: 'Nået',
						statusPosition: 3
					}
				]
			}
		]);
		template.goals.isIncluded = false;
		expect(describeProgression(template, { ratings: [] }).subGoals).toBeNull();
	});

	it('marks a cell planned exactly when the plan says so, for any plan', () => {
		const template = starterTemplate('koekken');
		const ids = {
			point: template.measurementPoints.map((p) => p.id),
			rater: template.raters.map((r) => r.id),
			area: template.areas.map((a) => a.id)
		};
		const entry = fc.record({
			measurementPointId: fc.constantFrom(...ids.point),
			raterId: fc.constantFrom(...ids.rater),
			areaId: fc.constantFrom(...ids.area),
			rates: fc.boolean()
		});
		fc.assert(
			fc.property(fc.array(entry, { maxLength: 40 }), (ratingPlan) => {
				const planned = { ...template, ratingPlan };
				const rates = ratingPlanLookup(ratingPlan);
				const progression = describeProgression(planned, { ratings: [] });
				for (const row of progression.rows) {
					for (const cell of row.cells) {
						const isPlanned = rates({ ...cell, areaId: row.areaId });
						expect(cell.status === 'notPlanned').toBe(!isPlanned);
					}
				}
				for (const column of progression.columns) {
					expect(template.areas.some((a) => rates({ ...column, areaId: a.id }))).toBe(true);
				}
			})
		);
	});
});
