/**
 * One schema per shape. Forms, the JSON API and the OpenAPI document all use these; types are
 * derived from them. Messages are i18n keys (see messages/*.json), translated where shown.
 */
import { z } from 'zod';
import { lazySchema } from './lazy-schema.ts';
import {
	MAX_EMAIL_LENGTH,
	MAX_NAME_LENGTH,
	MAX_PASSWORD_LENGTH,
	MAX_TITLE_LENGTH,
	MIN_PASSWORD_LENGTH
} from './limits.ts';
import { ORG_ROLES, PHASES, WORKSHOP_ROLES, DOCUMENT_KINDS } from './workshop.ts';
import type { FieldErrors } from './errors.ts';
import { textSchema } from './text.ts';

/** A one-line text people type: trimmed, not blank, no control or bidi characters (text.ts). */
const trimmed = (max: number) => textSchema(max);

export const emailSchema = lazySchema(() =>
	z
		.string({ error: 'field.required' })
		.trim()
		.toLowerCase()
		.min(1, { error: 'field.required' })
		.max(MAX_EMAIL_LENGTH, { error: 'field.tooLong' })
		.pipe(z.email({ error: 'field.email' }))
);

export const newPasswordSchema = lazySchema(() =>
	z
		.string({ error: 'field.required' })
		.min(MIN_PASSWORD_LENGTH, { error: 'field.passwordTooShort' })
		.max(MAX_PASSWORD_LENGTH, { error: 'field.tooLong' })
);

export const nameSchema = lazySchema(() => trimmed(MAX_NAME_LENGTH));
export const titleSchema = lazySchema(() => trimmed(MAX_TITLE_LENGTH));
export const workshopRoleSchema = lazySchema(() => z.enum(WORKSHOP_ROLES, { error: 'field.role' }));
export const orgRoleSchema = lazySchema(() => z.enum(ORG_ROLES, { error: 'field.role' }));
export const phaseSchema = lazySchema(() => z.enum(PHASES, { error: 'field.phase' }));
export const documentKindSchema = lazySchema(() => z.enum(DOCUMENT_KINDS));
export const idSchema = lazySchema(() => z.string().regex(/^[A-Za-z0-9_-]{8,64}$/));

export const loginSchema = lazySchema(() =>
	z.object({
		email: emailSchema,
		password: z
			.string({ error: 'field.required' })
			.min(1, { error: 'field.required' })
			.max(MAX_PASSWORD_LENGTH, { error: 'field.tooLong' })
	})
);
export type LoginInput = z.infer<typeof loginSchema>;

export const createWorkshopSchema = lazySchema(() =>
	z.object({
		title: titleSchema,
		orgId: idSchema.optional()
	})
);
export type CreateWorkshopInput = z.infer<typeof createWorkshopSchema>;

export const createInvitationSchema = lazySchema(() =>
	z.object({
		email: emailSchema,
		role: workshopRoleSchema
	})
);
export type CreateInvitationInput = z.infer<typeof createInvitationSchema>;

export const registerSchema = lazySchema(() =>
	z.object({
		name: nameSchema,
		password: newPasswordSchema
	})
);
export type RegisterInput = z.infer<typeof registerSchema>;

export const changePasswordSchema = lazySchema(() =>
	z
		.object({
			currentPassword: z.string({ error: 'field.required' }).min(1, { error: 'field.required' }),
			newPassword: newPasswordSchema,
			confirmPassword: z.string({ error: 'field.required' })
		})
		.refine((v) => v.newPassword === v.confirmPassword, {
			error: 'field.passwordMismatch',
			path: ['confirmPassword']
		})
);
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const createUserSchema = lazySchema(() =>
	z.object({
		email: emailSchema,
		name: nameSchema,
		role: orgRoleSchema,
		password: newPasswordSchema
	})
);
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const setOrgRoleSchema = lazySchema(() =>
	z.object({ userId: idSchema, role: orgRoleSchema })
);

export const setupSchema = lazySchema(() =>
	z.object({
		orgName: titleSchema,
		name: nameSchema,
		email: emailSchema,
		password: newPasswordSchema
	})
);
export type SetupInput = z.infer<typeof setupSchema>;

export const changePhaseSchema = lazySchema(() => z.object({ phase: phaseSchema }));

export const localeSchema = lazySchema(() => z.enum(['da', 'en']));
export type Locale = z.infer<typeof localeSchema>;

/** Turns a zod error into field → message key, first problem per field. */
export function fieldErrors(error: z.ZodError): FieldErrors {
	const fields: FieldErrors = {};
	for (const issue of error.issues) {
		const key = issue.path.join('.') || '_';
		fields[key] ??= issue.message;
	}
	return fields;
}
