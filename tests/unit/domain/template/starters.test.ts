import { describe, expect, it } from 'vitest';
import detailFile from '#lib/domain/template/starters/detail.json' with { type: 'json' };
import koekkenFile from '#lib/domain/template/starters/koekken.json' with { type: 'json' };
import lagerFile from '#lib/domain/template/starters/lager.json' with { type: 'json' };
import libraryFile from '#lib/domain/template/starters/library.json' with { type: 'json' };
import plejeFile from '#lib/domain/template/starters/pleje.json' with { type: 'json' };
import { MAX_CV_PHRASE_LENGTH } from '#lib/domain/limits.ts';
import { starterToTemplate } from '#lib/domain/template/from-starter.ts';
import { unresolvedStarterReferences } from '#lib/domain/template/from-starter-plan.ts';
import { goalPoints, plannedCells } from '#lib/domain/template/plan.ts';
import { AREA_CATEGORIES, templateSchema } from '#lib/domain/template/schemas.ts';
import {
	starterTemplateSchema,
	statementLibrarySchema
} from '#lib/domain/template/starter-schema.ts';
import {
	BLANK_STARTER,
	STARTERS,
	STATEMENT_LIBRARY,
	WORKPLACE_STARTERS,
	getStarter,
	libraryStatementsFor
} from '#lib/domain/template/starters/index.ts';
import { validateTemplate } from '#lib/domain/template/validate.ts';

const FILES = { detail: detailFile, lager: lagerFile, koekken: koekkenFile, pleje: plejeFile };

describe('starter templates', () => {
	it('cover retail, warehouse, kitchen and care', () => {
		expect(WORKPLACE_STARTERS.map((s) => s.id)).toEqual(['detail', 'lager', 'koekken', 'pleje']);
	});

	it.each(Object.entries(FILES))('%s.json passes the starter schema as written', (_id, file) => {
		expect(starterTemplateSchema.safeParse(file).success).toBe(true);
	});

	it.each(WORKPLACE_STARTERS.map((s) => [s.id, s] as const))(
		'%s makes a template that passes the schema and has no problems',
		(_id, starter) => {
			const template = starterToTemplate(starter);
			expect(templateSchema.safeParse(template).success).toBe(true);
			expect(validateTemplate(template)).toEqual([]);
		}
	);

	it.each(WORKPLACE_STARTERS.map((s) => [s.id, s] as const))(
		'%s has concrete statements in every default area, formal and informal',
		(_id, starter) => {
			const template = starterToTemplate(starter);
			expect(template.areas.map((a) => a.label)).toEqual([
				'Faglige kompetencer',
				'Sociale kompetencer',
				'Personlige kompetencer'
			]);
			for (const area of template.areas) expect(area.statements.length).toBeGreaterThanOrEqual(5);
			const kinds = new Set(template.areas.flatMap((a) => a.statements.map((s) => s.kind)));
			expect(kinds).toEqual(new Set(['formal', 'informal']));
			expect(starter.scale.levels.length).toBeGreaterThanOrEqual(4);
		}
	);

	it('gives every item of a template a unique id', () => {
		for (const starter of STARTERS) {
			const t = starterToTemplate(starter);
			const ids = [
				...t.headerFields.map((x) => x.id),
				...t.areas.flatMap((a) => [
					a.id,
					...a.scale.levels.map((l) => l.id),
					...a.statements.flatMap((s) => [s.id, ...(s.scale?.levels.map((l) => l.id) ?? [])])
				]),
				...t.measurementPoints.map((x) => x.id),
				...t.raters.map((x) => x.id),
				...t.freeTextSections.map((x) => x.id),
				...t.signature.signers.map((x) => x.id),
				...t.goals.subGoals.map((x) => x.id),
				...t.goals.statuses.map((x) => x.id)
			];
			expect(new Set(ids).size).toBe(ids.length);
		}
	});

	it('makes the blank template with the defaults and no statements', () => {
		const template = starterToTemplate(BLANK_STARTER);
		expect(template.measurementPoints.map((p) => p.label)).toEqual(['Start', 'Midtvejs', 'Slut']);
		expect(template.raters.map((r) => r.label)).toEqual([
			'Den unge',
			'Virksomheden',
			'Jobkonsulenten'
		]);
		expect(template.freeTextSections.map((f) => f.label)).toEqual([
			'Det har jeg lært',
			'Det vil jeg arbejde videre med',
			'Til mit CV'
		]);
		expect(template.signature.signerRaterIds).toEqual(template.raters.map((r) => r.id));
		expect(template.signature.signers.map((s) => s.label)).toEqual([
			'Den unge',
			'Virksomhedsmentor',
			'Jobkonsulent',
			'Sagsbehandler'
		]);
		expect(template.signature.signers[3].raterId).toBeNull();
		expect(template.ratingPlan).toEqual([]);
		expect(template.goals).toMatchObject({ isIncluded: true, label: 'Mit mål', subGoals: [] });
		expect(template.progressionMeasures).toEqual({ hasHoursPerWeek: true, hasTasks: true });
		expect(template.measurementPoints.map((p) => p.timing)).toEqual([
			{ kind: 'start' },
			{ kind: 'afterWeeks', weeks: 4 },
			{ kind: 'end' }
		]);
		expect(validateTemplate(template).map((p) => p.code)).toEqual([
			'area.noStatements',
			'area.noStatements',
			'area.noStatements'
		]);
	});

	it.each(WORKPLACE_STARTERS.map((s) => [s.id, s] as const))(
		'%s gives every statement a first-person CV phrase and every area a category',
		(_id, starter) => {
			const template = starterToTemplate(starter);
			expect(template.areas.map((a) => a.category)).toEqual(['professional', 'social', 'personal']);
			for (const statement of template.areas.flatMap((a) => a.statements)) {
				expect(statement.cvPhrase).toMatch(/^Jeg \p{Ll}/u);
				expect(statement.cvPhrase.length).toBeLessThanOrEqual(MAX_CV_PHRASE_LENGTH);
				expect(statement.cvPhrase).not.toMatch(/(?<!\p{L})(sig|sin|sit|sine)(?!\p{L})/u);
			}
			// Formal means documented by a certificate; what is learnt at work is non-formal.
			const formal = template.areas.flatMap((a) => a.statements).filter((s) => s.kind === 'formal');
			for (const s of formal) expect(s.text).toMatch(/certifikat|bevis|kursus/);
			expect(unresolvedStarterReferences(starter, template)).toEqual([]);
		}
	);

	it.each(WORKPLACE_STARTERS.map((s) => [s.id, s] as const))(
		'%s has a rating plan: the company judges the trade, the young person assesses themselves',
		(_id, starter) => {
			const template = starterToTemplate(starter);
			const label = (items: { id: string; label: string }[], id: string) =>
				items.find((item) => item.id === id)?.label;
			const rated = (rater: string) => {
				const cells = plannedCells(template).filter(
					(c) => label(template.raters, c.raterId) === rater
				);
				return {
					points: [
						...new Set(cells.map((c) => label(template.measurementPoints, c.measurementPointId)))
					],
					categories: [
						...new Set(cells.map((c) => template.areas.find((a) => a.id === c.areaId)?.category))
					].sort()
				};
			};
			expect(rated('Den unge')).toEqual({
				points: ['Start', 'Slut'],
				categories: ['personal', 'professional', 'social']
			});
			const company = rated('Virksomheden');
			expect(company.points).toEqual(['Midtvejs', 'Slut']);
			expect(company.categories).toContain('professional');
			expect(rated('Jobkonsulenten')).toEqual({
				points: ['Midtvejs', 'Slut'],
				categories: ['personal', 'social']
			});
		}
	);

	it.each(WORKPLACE_STARTERS.map((s) => [s.id, s] as const))(
		'%s has a goal with sub-goals linked to statements, hours per week, and a signing caseworker',
		(_id, starter) => {
			const template = starterToTemplate(starter);
			const { goals } = template;
			expect(goals.isIncluded).toBe(true);
			expect(goals.subGoals.length).toBeGreaterThanOrEqual(3);
			expect(goals.subGoals.filter((g) => g.statementIds.length > 0).length).toBeGreaterThanOrEqual(
				3
			);
			expect(goals.subGoals.some((g) => /timer om ugen/.test(g.text))).toBe(true);
			expect(goalPoints(template).map((p) => p.label)).toEqual(['Midtvejs', 'Slut']);
			expect(goals.statuses.map((s) => s.label)).toEqual(['Ikke påbegyndt', 'I gang', 'Nået']);
			expect(template.progressionMeasures.hasHoursPerWeek).toBe(true);
			const signers = template.signature.signers;
			expect(signers.map((s) => s.label)).toContain('Sagsbehandler');
			expect(signers.find((s) => s.label === 'Sagsbehandler')?.raterId).toBeNull();
			expect(signers.find((s) => s.label === 'Virksomhedsmentor')?.raterId).toBe(
				template.raters.find((r) => r.label === 'Virksomheden')?.id
			);
			// The goal is a structured part now, not a header field.
			expect(template.headerFields.map((f) => f.kind)).not.toContain('goal');
		}
	);

	it('finds starters by id', () => {
		expect(getStarter('pleje')?.name).toBe('Pleje og omsorg');
		expect(getStarter('nope')).toBeUndefined();
	});
});

describe('statement library', () => {
	it('passes its schema as written, with unique ids', () => {
		expect(statementLibrarySchema.safeParse(libraryFile).success).toBe(true);
		const ids = STATEMENT_LIBRARY.map((s) => s.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(STATEMENT_LIBRARY.length).toBeGreaterThanOrEqual(30);
	});

	it('gives every statement a first-person CV phrase and a category', () => {
		for (const s of STATEMENT_LIBRARY) {
			expect(s.cvPhrase).toMatch(/^Jeg \p{Ll}/u);
			expect(s.cvPhrase.length).toBeLessThanOrEqual(MAX_CV_PHRASE_LENGTH);
			expect(AREA_CATEGORIES).toContain(s.category);
			if (s.kind === 'formal') expect(s.text).toMatch(/certifikat|bevis|kursus/);
		}
		expect(STATEMENT_LIBRARY.some((s) => s.kind === 'formal')).toBe(true);
	});

	it('only names workplaces that have a starter', () => {
		const starterIds = new Set(WORKPLACE_STARTERS.map((s) => s.id));
		for (const s of STATEMENT_LIBRARY) {
			for (const w of s.workplaces) expect(starterIds).toContain(w);
		}
	});

	it('lists a workplace’s own statements first, then the general ones', () => {
		const list = libraryStatementsFor('koekken');
		const firstGeneral = list.findIndex((s) => s.workplaces.length === 0);
		expect(firstGeneral).toBeGreaterThan(0);
		expect(list.slice(0, firstGeneral).every((s) => s.workplaces.includes('koekken'))).toBe(true);
		expect(list.slice(firstGeneral).every((s) => s.workplaces.length === 0)).toBe(true);
		expect(libraryStatementsFor()).toHaveLength(STATEMENT_LIBRARY.length);
	});
});
