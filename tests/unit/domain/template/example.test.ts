import { describe, expect, it } from 'vitest';
import { exampleCase } from '#lib/domain/template/example.ts';
import { describeProgression } from '#lib/domain/template/progression.ts';
import { effectiveScale } from '#lib/domain/template/schemas.ts';
import { smallTemplate, starterTemplate } from '../../../fixtures/template.ts';

describe('exampleCase', () => {
	const template = starterTemplate('detail');
	const example = exampleCase(template);
	const statements = template.areas.flatMap((a) =>
		a.statements.map((s) => ({ area: a, statement: s }))
	);

	it('rates every statement at every measurement point by every rater, on its own scale', () => {
		const expected = statements.length * template.measurementPoints.length * template.raters.length;
		expect(example.ratings).toHaveLength(expected);
		for (const rating of example.ratings) {
			const found = statements.find((x) => x.statement.id === rating.statementId);
			expect(found).toBeDefined();
			const levelIds = effectiveScale(found!.area, found!.statement).levels.map((l) => l.id);
			expect(levelIds).toContain(rating.levelId);
		}
	});

	it('shows progress: no rater goes down from one measurement point to the next', () => {
		const { rows } = example.progression;
		for (const row of rows) {
			for (const rater of template.raters) {
				const positions = row.cells
					.filter((c) => c.raterId === rater.id)
					.map((c) => c.levelPosition ?? 0);
				for (let i = 1; i < positions.length; i++) {
					expect(positions[i]).toBeGreaterThanOrEqual(positions[i - 1]);
				}
			}
			const first = row.cells[0].levelPosition ?? 0;
			const last = row.cells[row.cells.length - 1].levelPosition ?? 0;
			expect(last).toBeGreaterThanOrEqual(first);
		}
		const overall = example.progression.series.filter((s) => s.areaId === null);
		for (const series of overall) {
			const values = series.points.map((p) => p.value ?? -1);
			expect(values[values.length - 1]).toBeGreaterThan(values[0]);
		}
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
		for (const line of cvLines) expect(statements.map((x) => x.statement.text)).toContain(line);
	});

	it('is the same for everyone (deterministic)', () => {
		expect(exampleCase(template)).toEqual(example);
	});

	it('copes with a template that is still being built', () => {
		const empty = { ...smallTemplate(), areas: [], measurementPoints: [], raters: [] };
		const result = exampleCase(empty);
		expect(result.ratings).toEqual([]);
		expect(result.progression.rows).toEqual([]);
		expect(result.freeText[0].text).toBe('Her skriver den unge med sine egne ord.');
	});
});

describe('describeProgression', () => {
	it('builds table cells and chart shares from ratings, ignoring ratings of removed levels', () => {
		const template = smallTemplate();
		const ratings = [
			{ statementId: 's1', measurementPointId: 'm1', raterId: 'r1', levelId: 'a1-l1' },
			{ statementId: 's1', measurementPointId: 'm2', raterId: 'r1', levelId: 'a1-l3' },
			{ statementId: 's2', measurementPointId: 'm2', raterId: 'r1', levelId: 'a1-l2' },
			{ statementId: 's2', measurementPointId: 'm1', raterId: 'r1', levelId: 'gone' }
		];
		const progression = describeProgression(template, ratings);
		expect(progression.columns).toHaveLength(4);
		const s1 = progression.rows.find((r) => r.statementId === 's1')!;
		expect(s1.cells.map((c) => c.levelLabel)).toEqual([
			'Kan med hjælp',
			null,
			'Kan lære andre',
			null
		]);
		expect(s1.cells[2].levelPosition).toBe(3);
		const series = progression.series.find((s) => s.areaId === 'a1' && s.raterId === 'r1')!;
		expect(series.points.map((p) => p.value)).toEqual([0, 0.75]);
		const company = progression.series.find((s) => s.areaId === null && s.raterId === 'r2')!;
		expect(company.points.map((p) => p.value)).toEqual([null, null]);
	});
});
