import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleCase } from '#lib/domain/template/example.ts';
import { goalPoints, plannedCells } from '#lib/domain/template/plan.ts';
import { effectiveScale } from '#lib/domain/template/schemas.ts';
import { WORKPLACE_STARTERS } from '#lib/domain/template/starters/index.ts';
import { smallTemplate, starterTemplate, withRandomPlan } from '../../../fixtures/template.ts';

const cellKey = (c: { statementId: string; measurementPointId: string; raterId: string }) =>
	`${c.statementId}/${c.measurementPointId}/${c.raterId}`;

describe('exampleCase', () => {
	const template = starterTemplate('detail');
	const example = exampleCase(template);
	const statements = template.areas.flatMap((a) =>
		a.statements.map((s) => ({ area: a, statement: s }))
	);

	it.each(WORKPLACE_STARTERS.map((s) => [s.id]))(
		'fills exactly the cells the rating plan of %s names, on each statement’s own scale',
		(id) => {
			const t = starterTemplate(id);
			const { data } = exampleCase(t);
			const expected = plannedCells(t).flatMap((cell) =>
				t.areas
					.find((a) => a.id === cell.areaId)!
					.statements.map((s) => cellKey({ ...cell, statementId: s.id }))
			);
			expect(data.ratings.map(cellKey).sort()).toEqual(expected.sort());
			expect(data.ratings.length).toBeLessThan(
				statements.length * t.measurementPoints.length * t.raters.length
			);
			for (const rating of data.ratings.filter((r) => r.levelId !== null)) {
				const area = t.areas.find((a) => a.statements.some((s) => s.id === rating.statementId))!;
				const statement = area.statements.find((s) => s.id === rating.statementId)!;
				const levelIds = effectiveScale(area, statement).levels.map((l) => l.id);
				expect(levelIds).toContain(rating.levelId);
			}
		}
	);

	it('answers some cells "ikke vurderet", some with a comment, never at the last point', () => {
		const notAssessed = example.data.ratings.filter((r) => r.levelId === null);
		expect(notAssessed.length).toBeGreaterThan(0);
		expect(notAssessed.some((r) => r.comment)).toBe(true);
		const last = template.measurementPoints.at(-1)!.id;
		expect(notAssessed.every((r) => r.measurementPointId !== last)).toBe(true);
		expect(
			example.data.ratings.filter((r) => r.levelId !== null && r.comment).length
		).toBeGreaterThan(0);
		const cells = example.progression.rows.flatMap((r) => r.cells);
		expect(cells.filter((c) => c.status === 'notAssessed')).toHaveLength(notAssessed.length);
		expect(cells.some((c) => c.comment !== null)).toBe(true);
	});

	it('shows progress: no rater goes down between the points at which they rate', () => {
		const { rows } = example.progression;
		for (const row of rows) {
			for (const rater of template.raters) {
				const positions = row.cells
					.filter((c) => c.raterId === rater.id && c.levelPosition !== null)
					.map((c) => c.levelPosition ?? 0);
				for (let i = 1; i < positions.length; i++) {
					expect(positions[i]).toBeGreaterThanOrEqual(positions[i - 1]);
				}
			}
		}
		const overall = example.progression.series.filter((s) => s.areaId === null);
		for (const series of overall) {
			const values = series.points.flatMap((p) => (p.value === null ? [] : [p.value]));
			expect(values.at(-1)).toBeGreaterThanOrEqual(values[0]);
		}
	});

	it('agrees a level for every statement, and some statements stay below the reached half', () => {
		const ids = statements.map((s) => s.statement.id);
		expect(example.data.agreedLevels.map((a) => a.statementId)).toEqual(ids);
		const listed = example.laeringsbevis.competences.flatMap((c) => c.statements);
		expect(listed.length).toBeGreaterThan(0);
		expect(listed.length).toBeLessThan(ids.length);
	});

	it('fills the goal, the sub-goal statuses at the followed points, hours, tasks and next step', () => {
		const { data } = example;
		expect(data.goal).toMatch(/^Jeg vil gerne/);
		expect(data.subGoals.map((s) => s.id)).toEqual(template.goals.subGoals.map((s) => s.id));
		const followed = goalPoints(template).map((p) => p.id);
		expect(new Set(data.subGoalStatuses.map((s) => s.measurementPointId))).toEqual(
			new Set(followed)
		);
		expect(data.subGoalStatuses).toHaveLength(template.goals.subGoals.length * followed.length);
		const hours = data.hoursPerWeek.map((h) => h.hours ?? 0);
		expect(hours).toHaveLength(template.measurementPoints.length);
		expect(hours.at(-1)).toBeGreaterThan(hours[0]);
		expect(data.tasks.every((t) => t.text !== '')).toBe(true);
		expect(data.nextStep.text).not.toBe('');
		expect(example.progression.hoursPerWeek?.map((h) => h.hours)).toEqual(hours);
		expect(example.laeringsbevis.achievedSubGoals.length).toBeGreaterThan(0);
		expect(example.laeringsbevis.achievedSubGoals.length).toBeLessThan(data.subGoals.length);
	});

	it('fills the header and the free-text sections in Danish, with the workplace in mind', () => {
		const byLabel = Object.fromEntries(example.header.map((h) => [h.label, h.value]));
		expect(byLabel['Den unges navn']).toBe('Amalie Jensen');
		expect(byLabel['Virksomhed']).toBe('Købmand Hansen');
		const text = Object.fromEntries(example.freeText.map((f) => [f.label, f.text]));
		expect(text['Det har jeg lært']).toMatch(/^I praktikken har jeg lært at /);
		expect(text['Det vil jeg arbejde videre med']).toMatch(/^Jeg vil gerne blive bedre til /);
		const cvLines = text['Til mit CV'].split('\n');
		expect(cvLines.length).toBeGreaterThan(0);
		for (const line of cvLines) expect(statements.map((x) => x.statement.cvPhrase)).toContain(line);
		expect(example.data.header.map((h) => h.fieldId)).toEqual(
			template.headerFields.map((f) => f.id)
		);
	});

	it('names every signer: from the header, the young person by their name, others made up', () => {
		const names = Object.fromEntries(
			example.laeringsbevis.signature!.signers.map((s) => [s.label, s.name])
		);
		const header = Object.fromEntries(example.header.map((h) => [h.label, h.value]));
		expect(names['Den unge']).toBe(header['Den unges navn']);
		expect(names['Jobkonsulent']).toBe(header['Jobkonsulent']);
		expect(Object.values(names).every((name) => typeof name === 'string' && name !== '')).toBe(
			true
		);
		expect(example.data.signerNames.map((s) => s.signerId)).toEqual(
			template.signature.signers.map((s) => s.id)
		);
	});

	it('never puts a statement that is not reached into the CV lines, for any rating plan', () => {
		fc.assert(
			fc.property(withRandomPlan(starterTemplate('detail')), (planned) => {
				const result = exampleCase(planned);
				const reached = result.laeringsbevis.competences.flatMap((c) =>
					c.statements.map((s) => s.cvPhrase)
				);
				const cv = result.freeText.find((f) => /\bCV\b/.test(f.label))!.text;
				if (reached.length === 0) expect(cv).toBe('Her skriver den unge med sine egne ord.');
				else for (const line of cv.split('\n')) expect(reached).toContain(line);
			}),
			{ numRuns: 60 }
		);
	});

	it('is the same for everyone (deterministic)', () => {
		expect(exampleCase(template)).toEqual(example);
	});

	it('copes with a template that is still being built', () => {
		const empty = { ...smallTemplate(), areas: [], measurementPoints: [], raters: [] };
		const result = exampleCase(empty);
		expect(result.data.ratings).toEqual([]);
		expect(result.progression.rows).toEqual([]);
		expect(result.freeText[0].text).toBe('Her skriver den unge med sine egne ord.');
		expect(result.laeringsbevis.competences).toEqual([]);
	});

	it('fills exactly the planned cells for any rating plan', () => {
		fc.assert(
			fc.property(withRandomPlan(smallTemplate()), (planned) => {
				const { data } = exampleCase(planned);
				const expected = planned.ratingPlan
					.filter((entry) => entry.rates)
					.flatMap((entry) =>
						planned.areas
							.find((a) => a.id === entry.areaId)!
							.statements.map((s) => cellKey({ ...entry, statementId: s.id }))
					);
				expect(data.ratings.map(cellKey).sort()).toEqual(expected.sort());
			})
		);
	});
});
