/** The input schemas accept what forms and the API should accept and reject the rest with keys. */
import { describe, expect, it } from 'vitest';
import {
	changePasswordSchema,
	changePhaseSchema,
	createInvitationSchema,
	createWorkshopSchema,
	emailSchema,
	fieldErrors,
	idSchema,
	localeSchema,
	loginSchema,
	newPasswordSchema,
	registerSchema,
	titleSchema
} from '#lib/domain/schemas.ts';
import {
	MAX_EMAIL_LENGTH,
	MAX_PASSWORD_LENGTH,
	MAX_TITLE_LENGTH,
	MIN_PASSWORD_LENGTH
} from '#lib/domain/limits.ts';
import type { z } from 'zod';

/** The field → message key map a schema produces for `input`, or null when it accepts it. */
function errorsOf(schema: z.ZodType, input: unknown): Record<string, string> | null {
	const result = schema.safeParse(input);
	return result.success ? null : fieldErrors(result.error);
}

describe('emailSchema', () => {
	it('trims and lower-cases, so one person has one account', () => {
		expect(emailSchema.parse('  Frida@Kommune.DK ')).toBe('frida@kommune.dk');
	});

	it.each([
		['', 'field.required'],
		['   ', 'field.required'],
		['ikke-en-adresse', 'field.email'],
		['a@', 'field.email'],
		[`${'a'.repeat(MAX_EMAIL_LENGTH)}@x.dk`, 'field.tooLong'],
		[undefined, 'field.required'],
		[42, 'field.required']
	])('rejects %j with %s', (input, key) => {
		expect(errorsOf(emailSchema, input)).toEqual({ _: key });
	});
});

describe('passwords', () => {
	it('needs at least MIN_PASSWORD_LENGTH characters for a new password', () => {
		expect(errorsOf(newPasswordSchema, 'a'.repeat(MIN_PASSWORD_LENGTH))).toBeNull();
		expect(errorsOf(newPasswordSchema, 'a'.repeat(MIN_PASSWORD_LENGTH - 1))).toEqual({
			_: 'field.passwordTooShort'
		});
		expect(errorsOf(newPasswordSchema, 'a'.repeat(MAX_PASSWORD_LENGTH + 1))).toEqual({
			_: 'field.tooLong'
		});
	});

	it('keeps spaces in passwords (they are part of the secret)', () => {
		expect(newPasswordSchema.parse('  ti tegn mindst  ')).toBe('  ti tegn mindst  ');
	});

	it('change requires matching confirmation and names the confirmation field', () => {
		const valid = {
			currentPassword: 'x',
			newPassword: 'lang-ny-kode',
			confirmPassword: 'lang-ny-kode'
		};
		expect(errorsOf(changePasswordSchema, valid)).toBeNull();
		expect(errorsOf(changePasswordSchema, { ...valid, confirmPassword: 'noget-andet' })).toEqual({
			confirmPassword: 'field.passwordMismatch'
		});
		expect(errorsOf(changePasswordSchema, {})).toEqual({
			currentPassword: 'field.required',
			newPassword: 'field.required',
			confirmPassword: 'field.required'
		});
	});
});

describe('loginSchema', () => {
	it('accepts any non-empty password (old accounts may predate the length rule)', () => {
		expect(loginSchema.parse({ email: 'A@B.DK', password: 'x' })).toEqual({
			email: 'a@b.dk',
			password: 'x'
		});
	});

	it('names every missing field', () => {
		expect(errorsOf(loginSchema, {})).toEqual({
			email: 'field.required',
			password: 'field.required'
		});
	});
});

describe('titles and workshops', () => {
	it('trims titles and enforces the length limit', () => {
		expect(titleSchema.parse('  Læringsbevis  ')).toBe('Læringsbevis');
		expect(errorsOf(titleSchema, 'x'.repeat(MAX_TITLE_LENGTH))).toBeNull();
		expect(errorsOf(titleSchema, 'x'.repeat(MAX_TITLE_LENGTH + 1))).toEqual({ _: 'field.tooLong' });
		expect(errorsOf(titleSchema, '   ')).toEqual({ _: 'field.required' });
	});

	it('createWorkshopSchema makes orgId optional but checks its form', () => {
		expect(createWorkshopSchema.parse({ title: 'Forløb' })).toEqual({ title: 'Forløb' });
		expect(errorsOf(createWorkshopSchema, { title: 'Forløb', orgId: 'abc' })).toHaveProperty(
			'orgId'
		);
		expect(errorsOf(createWorkshopSchema, { title: 'Forløb', orgId: 'abcdEFGH_-12' })).toBeNull();
	});

	it('ids are URL-safe tokens of 8 to 64 characters', () => {
		for (const ok of ['abcdefgh', 'A'.repeat(64), 'a-b_c-d_e']) {
			expect(idSchema.safeParse(ok).success).toBe(true);
		}
		for (const bad of ['short', 'a'.repeat(65), 'has space!', '../../etc']) {
			expect(idSchema.safeParse(bad).success).toBe(false);
		}
	});

	it('phases are the four of the journey', () => {
		for (const phase of ['format', 'drejebog', 'rollout', 'drift']) {
			expect(errorsOf(changePhaseSchema, { phase })).toBeNull();
		}
		expect(errorsOf(changePhaseSchema, { phase: 'dag4' })).toEqual({ phase: 'field.phase' });
		expect(errorsOf(changePhaseSchema, {})).toEqual({ phase: 'field.phase' });
	});
});

describe('invitations and registration', () => {
	it('createInvitationSchema accepts the three workshop roles only', () => {
		for (const role of ['facilitator', 'member', 'staff']) {
			expect(errorsOf(createInvitationSchema, { email: 'x@y.dk', role })).toBeNull();
		}
		expect(errorsOf(createInvitationSchema, { email: 'x@y.dk', role: 'admin' })).toEqual({
			role: 'field.role'
		});
		expect(errorsOf(createInvitationSchema, {})).toEqual({
			email: 'field.required',
			role: 'field.role'
		});
	});

	it('registerSchema needs a name and a new password', () => {
		expect(registerSchema.parse({ name: ' Jonas ', password: 'en-lang-kode' })).toEqual({
			name: 'Jonas',
			password: 'en-lang-kode'
		});
		expect(errorsOf(registerSchema, { name: '', password: 'kort' })).toEqual({
			name: 'field.required',
			password: 'field.passwordTooShort'
		});
	});

	it('locales are Danish and English', () => {
		expect(localeSchema.options).toEqual(['da', 'en']);
		expect(localeSchema.safeParse('de').success).toBe(false);
	});
});

describe('fieldErrors', () => {
	it('keeps the first problem per field and uses _ for the whole value', () => {
		const result = emailSchema.safeParse('');
		expect(result.success).toBe(false);
		if (!result.success) expect(fieldErrors(result.error)).toEqual({ _: 'field.required' });
	});
});
