/**
 * The decisions of the output previews (læringsbevis, progressionsskema, blank forms): tab keys,
 * grouping by category, numbered comments, point spans, form tables, timings and the chart's size.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	describeRatingForms,
	exampleCase,
	type AreaCategory,
	type Laeringsbevis
} from '#lib/domain/template/index.ts';
import {
	formKey,
	formTables,
	groupByCategory,
	pointSpans,
	progressionNotes,
	tabAfterKey,
	timingMessage
} from '#lib/components/template/preview/outputs.ts';
import {
	chartGeometry,
	linePath,
	MAX_CHART_WIDTH,
	MIN_CHART_WIDTH
} from '#lib/components/template/preview/chart-geometry.ts';
import { smallTemplate, starterTemplate } from '../../fixtures/template.ts';

describe('tabAfterKey', () => {
	it('moves with the arrows, wrapping around, and jumps with Home and End', () => {
		expect(tabAfterKey('ArrowRight', 0, 3)).toBe(1);
		expect(tabAfterKey('ArrowRight', 2, 3)).toBe(0);
		expect(tabAfterKey('ArrowLeft', 0, 3)).toBe(2);
		expect(tabAfterKey('Home', 2, 3)).toBe(0);
		expect(tabAfterKey('End', 0, 3)).toBe(2);
		expect(tabAfterKey('Enter', 1, 3)).toBeNull();
		expect(tabAfterKey('ArrowDown', 1, 3)).toBeNull();
		expect(tabAfterKey('ArrowRight', 0, 0)).toBeNull();
	});
});

describe('groupByCategory', () => {
	const HEADINGS: Record<AreaCategory, string> = {
		professional: 'Faglige kompetencer',
		personal: 'Personlige kompetencer',
		social: 'Sociale kompetencer',
		other: 'Andre kompetencer'
	};
	const area = (
		areaId: string,
		areaLabel: string,
		category: AreaCategory
	): Laeringsbevis['competences'][number] => ({
		areaId,
		areaLabel,
		category,
		statements: [{ statementId: `${areaId}-s`, cvPhrase: `Jeg kan ${areaId}`, kind: 'informal' }]
	});

	it('groups areas by category in the order they come, naming an area only when it adds something', () => {
		const groups = groupByCategory(
			[
				area('a1', 'Lager', 'professional'),
				area('a2', 'Sociale kompetencer', 'social'),
				area('a3', 'Truck og maskiner', 'professional'),
				area('a4', 'Personlige kompetencer', 'personal')
			],
			(category) => HEADINGS[category]
		);
		expect(
			groups.map((g) => [
				g.heading,
				g.areas.map((a) => (a.isHeadingShown ? a.areaLabel : `(${a.areaId})`))
			])
		).toEqual([
			['Faglige kompetencer', ['Lager', 'Truck og maskiner']],
			['Sociale kompetencer', ['(a2)']],
			['Personlige kompetencer', ['(a4)']]
		]);
	});

	it('keeps every reached statement exactly once', () => {
		const bevis = exampleCase(starterTemplate('lager')).laeringsbevis;
		const groups = groupByCategory(bevis.competences, (c) => HEADINGS[c]);
		const listed = groups.flatMap((g) => g.areas.flatMap((a) => a.statements));
		expect(listed.map((s) => s.statementId).sort()).toEqual(
			bevis.competences.flatMap((c) => c.statements.map((s) => s.statementId)).sort()
		);
	});
});

describe('progressionNotes', () => {
	it('numbers the comments in reading order and finds a cell’s number', () => {
		const template = starterTemplate('detail');
		const { progression } = exampleCase(template);
		const { notes, numberOf } = progressionNotes(progression);
		const commented = progression.rows.flatMap((row) =>
			row.cells.filter((c) => c.comment).map((c) => ({ row, cell: c }))
		);
		expect(notes.length).toBe(commented.length);
		expect(notes.length).toBeGreaterThan(0);
		expect(notes.map((n) => n.number)).toEqual(notes.map((_, i) => i + 1));
		commented.forEach(({ row, cell }, i) => {
			expect(numberOf(row.statementId, cell.measurementPointId, cell.raterId)).toBe(i + 1);
			expect(notes[i]).toMatchObject({
				statementText: row.statementText,
				raterLabel: cell.raterLabel,
				comment: cell.comment
			});
		});
		const plain = progression.rows[0].cells.find((c) => !c.comment)!;
		expect(
			numberOf(progression.rows[0].statementId, plain.measurementPointId, plain.raterId)
		).toBeUndefined();
	});
});

describe('pointSpans', () => {
	it('spans each point over its raters’ columns and leaves out points nobody rates at', () => {
		const template = smallTemplate();
		template.ratingPlan = [
			{ measurementPointId: 'm1', raterId: 'r2', areaId: 'a1', rates: false },
			{ measurementPointId: 'm1', raterId: 'r2', areaId: 'a2', rates: false }
		];
		const { progression } = exampleCase(template);
		expect(pointSpans(progression.columns)).toEqual([
			{ measurementPointId: 'm1', measurementPointLabel: 'Start', span: 1 },
			{ measurementPointId: 'm2', measurementPointLabel: 'Slut', span: 2 }
		]);
		expect(pointSpans([])).toEqual([]);
	});
});

describe('formTables', () => {
	it('puts statements on the same scale in one table and gives an own scale its own', () => {
		const template = starterTemplate('detail');
		const forms = describeRatingForms(template);
		const personal = template.areas.find((a) => a.category === 'personal')!;
		const form = forms.find((f) => f.areas.some((a) => a.areaId === personal.id))!;
		const area = formTables(form).find((a) => a.areaId === personal.id)!;
		// The starter's first personal statement has a scale of its own ("Sjældent" ...).
		expect(personal.statements[0].scale).not.toBeNull();
		expect(area.tables.length).toBeGreaterThan(1);
		expect(area.tables[0].levels.map((l) => l.label)).toEqual(
			personal.statements[0].scale!.levels.map((l) => l.label)
		);
		expect(area.tables.flatMap((t) => t.statements.map((s) => s.statementId))).toEqual(
			personal.statements.map((s) => s.id)
		);
		for (const table of area.tables) {
			for (const statement of table.statements) expect(statement.levels).toEqual(table.levels);
		}
	});

	it('keeps every statement of a form in order, for any form of any starter', () => {
		for (const id of ['detail', 'lager', 'koekken', 'pleje']) {
			for (const form of describeRatingForms(starterTemplate(id))) {
				const tables = formTables(form);
				expect(tables.map((a) => a.areaId)).toEqual(form.areas.map((a) => a.areaId));
				expect(tables.flatMap((a) => a.tables.flatMap((t) => t.statements))).toEqual(
					form.areas.flatMap((a) => a.statements)
				);
			}
		}
		expect(formKey({ measurementPointId: 'm1', raterId: 'r2' })).toBe('m1/r2');
	});
});

describe('timingMessage', () => {
	it('words each kind of timing, with the weeks as the plural count', () => {
		expect(timingMessage({ kind: 'start' })).toEqual({ key: 'template.timing.start' });
		expect(timingMessage({ kind: 'end' })).toEqual({ key: 'template.timing.end' });
		expect(timingMessage({ kind: 'afterWeeks', weeks: 4 })).toEqual({
			key: 'template.timing.afterWeeks',
			values: { count: 4 }
		});
		expect(timingMessage({ kind: 'everyWeeks', weeks: 2 })).toEqual({
			key: 'template.timing.everyWeeks',
			values: { count: 2 }
		});
	});
});

describe('chartGeometry', () => {
	it('is as wide as its container within bounds, so 12 px labels are never scaled down', () => {
		expect(chartGeometry(400, 3).width).toBe(400);
		expect(chartGeometry(2000, 3).width).toBe(MAX_CHART_WIDTH);
		expect(chartGeometry(100, 3).width).toBe(MIN_CHART_WIDTH);
	});

	it('turns the point labels when the points stand too close, and keeps every point inside', () => {
		expect(chartGeometry(600, 3).isCrowded).toBe(false);
		expect(chartGeometry(300, 8).isCrowded).toBe(true);
		expect(chartGeometry(300, 1).isCrowded).toBe(false);
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 8 }), (w, n) => {
				const g = chartGeometry(w, n);
				for (let i = 0; i < n; i++) {
					expect(g.x(i)).toBeGreaterThanOrEqual(g.left);
					expect(g.x(i)).toBeLessThanOrEqual(g.right);
				}
				expect(g.y(0)).toBe(g.bottom);
				expect(g.y(1)).toBe(g.top);
				expect(g.right).toBeLessThan(g.width);
			})
		);
	});

	it('breaks a line where a planned rating has no value, and runs on past unplanned points', () => {
		const g = chartGeometry(400, 3);
		const point = (value: number | null, isPlanned = true) => ({
			measurementPointId: 'm',
			measurementPointLabel: 'M',
			isPlanned,
			value
		});
		expect(linePath({ points: [point(0), point(null), point(1)] }, g)).toBe(
			`M${g.x(0)},${g.y(0)} M${g.x(2)},${g.y(1)}`
		);
		// The young person rates at the start and the end only: one line from start to end.
		expect(linePath({ points: [point(0), point(null, false), point(1)] }, g)).toBe(
			`M${g.x(0)},${g.y(0)} L${g.x(2)},${g.y(1)}`
		);
		expect(linePath({ points: [point(0), point(0.5)] }, chartGeometry(400, 2))).toMatch(
			/^M[\d.]+,[\d.]+ L[\d.]+,[\d.]+$/
		);
	});
});
