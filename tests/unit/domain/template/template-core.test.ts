import { describe, expect, it } from 'vitest';
import { templateCoreSchema, templateSchema } from '#lib/domain/template/schemas.ts';
import {
	categoryFromLabel,
	completeTemplate,
	cvPhraseFromStatement,
	templateCore
} from '#lib/domain/template/template-core.ts';
import { inSentence } from '#lib/domain/text.ts';
import { oldShapeTemplate, smallTemplate, starterTemplate } from '../../../fixtures/template.ts';

describe('completeTemplate', () => {
	it('keeps every part a whole template has', () => {
		expect(completeTemplate(smallTemplate())).toEqual(smallTemplate());
		const lager = starterTemplate('lager');
		expect(completeTemplate(lager)).toEqual(lager);
		lager.measurementPoints[0].timing = null;
		lager.areas[0].statements[0].cvPhrase = '';
		expect(completeTemplate(lager)).toEqual(lager);
	});

	it('gives a template stored before the second pass sensible parts', () => {
		const old = oldShapeTemplate();
		expect(templateSchema.safeParse(old).success).toBe(false);
		expect(templateCoreSchema.safeParse(old).success).toBe(true);
		const t = completeTemplate(old);
		expect(templateSchema.safeParse(t).success).toBe(true);
		expect(t.areas.map((a) => a.category)).toEqual(['professional', 'social']);
		expect(t.areas[0].statements.map((s) => s.cvPhrase)).toEqual([
			'Jeg kan modtage varer',
			'Jeg kan fylde varer op'
		]);
		expect(t.measurementPoints.map((p) => p.timing)).toEqual([{ kind: 'start' }, { kind: 'end' }]);
		expect(t.ratingPlan).toEqual([]);
		expect(t.signature.signers).toEqual([
			{ id: 'r1', label: 'Den unge', raterId: 'r1' },
			{ id: 'r2', label: 'Virksomheden', raterId: 'r2' }
		]);
		expect(t.goals).toMatchObject({
			isIncluded: false,
			label: 'Mit mål',
			subGoals: [],
			measurementPointIds: ['m1', 'm2']
		});
		expect(t.goals.statuses.map((s) => s.label)).toEqual(['Ikke påbegyndt', 'I gang', 'Nået']);
		expect(t.progressionMeasures).toEqual({ hasHoursPerWeek: false, hasTasks: false });
	});

	it('gives one point the start, and keeps the middle points without a timing', () => {
		const old = oldShapeTemplate();
		old.measurementPoints = [{ id: 'm1', label: 'Start' }];
		expect(completeTemplate(old).measurementPoints[0].timing).toEqual({ kind: 'start' });
		old.measurementPoints.push({ id: 'm2', label: 'Midt' }, { id: 'm3', label: 'Slut' });
		expect(completeTemplate(old).measurementPoints.map((p) => p.timing?.kind ?? null)).toEqual([
			'start',
			null,
			'end'
		]);
	});

	it('is undone by templateCore', () => {
		expect(templateCore(completeTemplate(oldShapeTemplate()))).toEqual(oldShapeTemplate());
	});
});

describe('derived words', () => {
	it.each([
		['Kan modtage varer', 'Jeg kan modtage varer'],
		['Kan passe på sig selv og sine kolleger', 'Jeg kan passe på mig selv og mine kolleger'],
		['Tjekker sit eget arbejde og siger til', 'Jeg tjekker mit eget arbejde og siger til'],
		['  Møder   til tiden ', 'Jeg møder til tiden'],
		['Jeg kan allerede', 'Jeg kan allerede'],
		['Har truckcertifikat', 'Jeg har truckcertifikat'],
		['', '']
	])('makes the CV phrase of "%s" "%s"', (text, phrase) => {
		expect(cvPhraseFromStatement(text)).toBe(phrase);
	});

	it.each([
		['Faglige kompetencer', 'professional'],
		['Sociale kompetencer', 'social'],
		['PERSONLIGE kompetencer', 'personal'],
		['Digitale kompetencer', 'other']
	] as const)('takes the category of "%s" to be %s', (label, category) => {
		expect(categoryFromLabel(label)).toBe(category);
	});

	it.each([
		['Faglige kompetencer', 'faglige kompetencer'],
		['Slut', 'slut'],
		['IT-kompetencer', 'IT-kompetencer'],
		['UU-vejleder', 'UU-vejleder'],
		['', '']
	])('writes "%s" inside a sentence as "%s"', (label, written) => {
		expect(inSentence(label)).toBe(written);
	});
});
