import { describe, expect, it } from 'vitest';
import {
	MAX_LABEL_LENGTH,
	MAX_SIGNERS,
	MAX_LEVEL_LABEL_LENGTH,
	MAX_RICH_TEXT_LENGTH
} from '#lib/domain/limits.ts';
import { newItemId, templateItemIdSchema } from '#lib/domain/template/ids.ts';
import { textToRichText, richTextSchema } from '#lib/domain/template/rich-text.ts';
import {
	boundedRichTextSchema,
	competenceAreaSchema,
	goalsSchema,
	headerFieldSchema,
	labelSchema,
	levelLabelSchema,
	ratingPlanSchema,
	scaleSchema,
	signatureBlockSchema,
	templateSchema
} from '#lib/domain/template/schemas.ts';
import { smallTemplate } from '../../../fixtures/template.ts';

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
	result.error?.issues.map((i) => i.message) ?? [];

describe('template schemas', () => {
	it('accept a complete template', () => {
		expect(templateSchema.safeParse(smallTemplate()).success).toBe(true);
	});

	it('trim labels and refuse empty or too long ones with message keys', () => {
		expect(labelSchema.parse('  Start ')).toBe('Start');
		expect(messages(labelSchema.safeParse('   '))).toEqual(['template.input.required']);
		expect(messages(labelSchema.safeParse('x'.repeat(MAX_LABEL_LENGTH + 1)))).toEqual([
			'template.input.tooLong'
		]);
		expect(labelSchema.safeParse('x'.repeat(MAX_LABEL_LENGTH)).success).toBe(true);
		expect(levelLabelSchema.safeParse('x'.repeat(MAX_LEVEL_LABEL_LENGTH + 1)).success).toBe(false);
	});

	it('hold a scale to between 2 and 10 levels', () => {
		const level = (i: number) => ({
			id: `l${i}`,
			label: `Niveau ${i}`,
			descriptor: textToRichText('')
		});
		const scale = (n: number) => ({ levels: Array.from({ length: n }, (_, i) => level(i)) });
		expect(messages(scaleSchema.safeParse(scale(1)))).toEqual(['template.input.tooFewLevels']);
		expect(scaleSchema.safeParse(scale(2)).success).toBe(true);
		expect(scaleSchema.safeParse(scale(10)).success).toBe(true);
		expect(messages(scaleSchema.safeParse(scale(11)))).toEqual(['template.input.tooManyLevels']);
	});

	it('refuse an unknown header field kind and a statement kind', () => {
		const field = { id: 'h1', label: 'Navn', kind: 'shoeSize', isRequired: true };
		expect(messages(headerFieldSchema.safeParse(field))).toEqual(['template.input.invalidKind']);
		const area = smallTemplate().areas[0];
		const bad = { ...area, statements: [{ ...area.statements[0], kind: 'semi' }] };
		expect(competenceAreaSchema.safeParse(bad).success).toBe(false);
	});

	it('accept only the rich text the editor allows, with safe links', () => {
		const link = (href: string) => ({
			type: 'doc',
			content: [
				{
					type: 'paragraph',
					content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href } }] }]
				}
			]
		});
		expect(richTextSchema.safeParse(link('https://star.dk')).success).toBe(true);
		expect(richTextSchema.safeParse(link('javascript:alert(1)')).success).toBe(false);
		expect(richTextSchema.safeParse({ type: 'doc', content: [{ type: 'image' }] }).success).toBe(
			false
		);
		const nested = textToRichText('- a\n- b');
		expect(richTextSchema.safeParse(nested).success).toBe(true);
	});

	it('bound rich text by its plain length', () => {
		expect(
			boundedRichTextSchema.safeParse(textToRichText('x'.repeat(MAX_RICH_TEXT_LENGTH))).success
		).toBe(true);
		expect(
			messages(
				boundedRichTextSchema.safeParse(textToRichText('x'.repeat(MAX_RICH_TEXT_LENGTH + 1)))
			)
		).toEqual(['template.input.tooLong']);
	});

	it('make random item ids that pass the id schema and do not repeat', () => {
		const ids = Array.from({ length: 500 }, () => newItemId());
		expect(new Set(ids).size).toBe(500);
		for (const id of ids) {
			expect(templateItemIdSchema.safeParse(id).success).toBe(true);
			expect(id).toMatch(/^[A-Za-z0-9]{16}$/);
		}
		expect(templateItemIdSchema.safeParse('a b').success).toBe(false);
	});

	it('hold the second-pass parts of a template to their shapes', () => {
		const template = smallTemplate();
		const area = { ...template.areas[0], category: 'faglig' };
		expect(messages(competenceAreaSchema.safeParse(area))).toEqual(['template.input.invalidKind']);
		const statuses = [{ id: 'st1', label: 'Nået' }];
		expect(messages(goalsSchema.safeParse({ ...template.goals, statuses }))).toEqual([
			'template.input.tooFewStatuses'
		]);
		const signers = Array.from({ length: MAX_SIGNERS + 1 }, (_, i) => ({
			id: `u${i}`,
			label: `Underskriver ${i}`,
			raterId: null
		}));
		expect(messages(signatureBlockSchema.safeParse({ ...template.signature, signers }))).toEqual([
			'template.input.tooManyItems'
		]);
		const entry = { measurementPointId: 'm1', raterId: 'r1', areaId: 'a1', rates: 'ja' };
		expect(ratingPlanSchema.safeParse([entry]).success).toBe(false);
		const timing = { kind: 'afterWeeks', weeks: 0 };
		const points = [{ ...template.measurementPoints[0], timing }];
		expect(templateSchema.safeParse({ ...template, measurementPoints: points }).success).toBe(
			false
		);
	});
});
