/**
 * Free text people type refuses control characters, bidi overrides and text with nothing visible,
 * in every schema built on it: titles and names, vote and agenda texts, comments (multi-line)
 * and the template's labels.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createCommentSchema } from '#lib/domain/comments.ts';
import { agendaItemSchema } from '#lib/domain/run-mode.ts';
import { fieldErrors, nameSchema, titleSchema } from '#lib/domain/schemas.ts';
import {
	labelSchema,
	signatureTextSchema,
	templateTitleSchema
} from '#lib/domain/template/schemas.ts';
import { hasForbiddenCharacters, isBlankText, textSchema } from '#lib/domain/text.ts';
import { openVoteSchema } from '#lib/domain/votes.ts';

/** The first message key a schema gives for `input`, or null when it accepts it. */
function errorOf(schema: z.ZodType, input: unknown): string | null {
	const result = schema.safeParse(input);
	return result.success ? null : Object.values(fieldErrors(result.error))[0];
}

/** Texts no field accepts, by what they smuggle in. */
const FORBIDDEN: [string, string][] = [
	['NUL', 'Plan\u0000lægning'],
	['ESC (a terminal escape)', 'Plan\u001b[31mlægning'],
	['DEL', 'Plan\u007Flægning'],
	['a C1 control', 'Plan\u0085lægning'],
	['vertical tab', 'Plan\u000Blægning'],
	['LRE', '\u202Akursus'],
	['RLE', 'kursus\u202B'],
	['PDF', 'kur\u202Csus'],
	['LRO', 'kur\u202Dsus'],
	['RLO (reverses what follows)', 'Praktik \u202Efdp.exe'],
	['LRI', 'kur\u2066sus'],
	['RLI', 'kur\u2067sus'],
	['FSI', 'kur\u2068sus'],
	['PDI', 'kur\u2069sus']
];

/** Texts with nothing visible in them. */
const BLANK: [string, string][] = [
	['a zero-width space', '\u200B'],
	['zero-width joiners and non-joiners', '\u200D\u200C\u200D'],
	['a byte order mark and a word joiner', '\uFEFF\u2060'],
	['a soft hyphen between spaces', ' \u00AD '],
	['no-break and ideographic spaces', '\u00A0\u3000'],
	['a Hangul filler', '\u3164'],
	['invisible marks', '\u200E\u200F']
];

describe('hasForbiddenCharacters and isBlankText', () => {
	it.each(FORBIDDEN)('finds %s', (_, text) => {
		expect(hasForbiddenCharacters(text)).toBe(true);
		expect(hasForbiddenCharacters(text, true)).toBe(true);
	});

	it('keeps tab and line breaks for multi-line text only; line separators only there too', () => {
		for (const text of ['a\nb', 'a\r\nb', 'a\tb', 'a\u2028b']) {
			expect(hasForbiddenCharacters(text), JSON.stringify(text)).toBe(true);
			expect(hasForbiddenCharacters(text, true), JSON.stringify(text)).toBe(false);
		}
	});

	it.each(BLANK)('sees %s as blank', (_, text) => expect(isBlankText(text)).toBe(true));

	it('accepts ordinary Danish, other scripts, emoji with joiners and right-to-left text', () => {
		for (const text of [
			'Læringsbevis – virksomhedspraktik i butik',
			'Årsmøde «2025» & co.',
			'👩‍👩‍👧 familie',
			'مرحبا بالعالم',
			'Straße, ﬁre, Ελληνικά',
			'x\u200By'
		]) {
			expect(hasForbiddenCharacters(text), text).toBe(false);
			expect(isBlankText(text), text).toBe(false);
		}
	});
});

describe('the shared text schemas', () => {
	const singleLine: [string, z.ZodType][] = [
		['titleSchema (workshops, organisations)', titleSchema],
		['nameSchema', nameSchema],
		['vote title', openVoteSchema.shape.title],
		['agenda item title', agendaItemSchema.shape.title],
		['templateTitleSchema', templateTitleSchema],
		['labelSchema', labelSchema]
	];
	const templateKey = (schema: z.ZodType, key: string) =>
		schema === templateTitleSchema || schema === labelSchema
			? `template.input.${key}`
			: `field.${key}`;

	describe.each(singleLine)('%s', (_, schema) => {
		it.each(FORBIDDEN)('refuses %s with a message about the characters', (__, text) => {
			expect(errorOf(schema, text)).toBe(templateKey(schema, 'invalidCharacters'));
		});

		it.each(BLANK)('refuses %s as empty', (__, text) => {
			expect(errorOf(schema, text)).toBe(templateKey(schema, 'required'));
		});

		it('refuses a line break inside, and trims the ends as before', () => {
			expect(errorOf(schema, 'Dag 1\nDag 2')).toBe(templateKey(schema, 'invalidCharacters'));
			expect(schema.parse('  Dag 1 \n')).toBe('Dag 1');
		});
	});

	describe('a comment (multi-line)', () => {
		const comment = (text: string) => ({ elementId: 'area-1', text });

		it('keeps its lines, tabs and CRLF from a form', () => {
			const text = 'Første linje\r\n\tanden linje\n\ntredje';
			expect(createCommentSchema.parse(comment(text)).text).toBe(text);
		});

		it.each(FORBIDDEN)('refuses %s', (_, text) => {
			expect(errorOf(createCommentSchema, comment(text))).toBe('field.invalidCharacters');
		});

		it.each(BLANK)('refuses %s as empty', (_, text) => {
			expect(errorOf(createCommentSchema, comment(text))).toBe('field.required');
		});

		it('refuses blank lines of invisible characters', () => {
			expect(errorOf(createCommentSchema, comment('\u200B\n\u200B\r\n'))).toBe('field.required');
		});
	});

	it('lets the signature text be empty but not smuggle characters in', () => {
		expect(signatureTextSchema.parse('')).toBe('');
		expect(signatureTextSchema.parse('Vi bekræfter,\nat …')).toBe('Vi bekræfter,\nat …');
		expect(errorOf(signatureTextSchema, 'Vi \u202Ebekræfter')).toBe(
			'template.input.invalidCharacters'
		);
	});

	it('stays a string schema with its length in the OpenAPI document', () => {
		const schema = textSchema(10);
		expect(schema.optional().parse(undefined)).toBeUndefined();
		expect(errorOf(schema, 'x'.repeat(11))).toBe('field.tooLong');
		expect(errorOf(schema, 42)).toBe('field.required');
	});
});
