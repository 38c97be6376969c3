import { describe, expect, it } from 'vitest';
import {
	MAX_AREAS,
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
import { smallTemplate } from '../../../fixtures/template.ts';

const long = (n: number) => 'x'.repeat(n + 1);
const many = <T>(count: number, make: (i: number) => T) =>
	Array.from({ length: count }, (_, i) => make(i));
const level = (id: string, label: string) => ({ id, label, descriptor: textToRichText('') });
const statement = (id: string, text: string) => ({
	id,
	text,
	kind: 'informal' as const,
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
				label: `P${i}`
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
		mutate: (t) => void (t.signature.signerRaterIds = ['not-a-rater']),
		path: ['signature', 'signerRaterIds']
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
		const template = smallTemplate();
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
		template.signature = { isIncluded: false, text: '', signerRaterIds: [] };
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
