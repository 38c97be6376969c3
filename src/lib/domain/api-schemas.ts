/**
 * Shapes the JSON API answers with. Request bodies use the input schemas in `schemas.ts`; these
 * describe responses. The OpenAPI document is generated from both, and the API tests parse every
 * response with them, so the published document cannot drift from what the server sends.
 */
import { z } from 'zod';
import {
	documentKindSchema,
	localeSchema,
	orgRoleSchema,
	phaseSchema,
	workshopRoleSchema
} from './schemas.ts';

/** Timestamps travel as ISO 8601 strings in UTC. */
export const timestampSchema = z.iso.datetime();

export const userSchema = z.object({
	id: z.string(),
	email: z.string(),
	name: z.string(),
	locale: localeSchema
});
export type UserView = z.infer<typeof userSchema>;

export const orgMembershipSchema = z.object({
	id: z.string(),
	name: z.string(),
	role: orgRoleSchema
});

export const meSchema = userSchema.extend({
	orgs: z.array(orgMembershipSchema),
	/** Workshop id → the signed-in person's role there. */
	workshopRoles: z.record(z.string(), workshopRoleSchema)
});
export type MeView = z.infer<typeof meSchema>;

export const workshopSummarySchema = z.object({
	id: z.string(),
	title: z.string(),
	orgId: z.string(),
	orgName: z.string(),
	phase: phaseSchema,
	/** The requester's role in the workshop; null for an administrator who is not a member. */
	role: workshopRoleSchema.nullable(),
	createdAt: timestampSchema
});
export type WorkshopSummaryView = z.infer<typeof workshopSummarySchema>;

export const workshopFormatSchema = z.object({
	name: z.string(),
	days: z.array(
		z.object({
			phase: phaseSchema,
			agenda: z.array(z.object({ title: z.string(), minutes: z.number().int() }))
		})
	)
});

export const workshopMemberSchema = z.object({
	userId: z.string(),
	name: z.string(),
	email: z.string(),
	role: workshopRoleSchema
});

export const workshopDocumentSchema = z.object({ id: z.string(), kind: documentKindSchema });

export const workshopDetailSchema = workshopSummarySchema.extend({
	format: workshopFormatSchema,
	members: z.array(workshopMemberSchema),
	documents: z.array(workshopDocumentSchema)
});
export type WorkshopDetailView = z.infer<typeof workshopDetailSchema>;

export const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;

export const invitationSchema = z.object({
	id: z.string(),
	workshopId: z.string(),
	email: z.string(),
	role: workshopRoleSchema,
	status: z.enum(INVITATION_STATUSES),
	createdAt: timestampSchema,
	expiresAt: timestampSchema
});
export type InvitationView = z.infer<typeof invitationSchema>;

/** Only the creator ever sees the token: the database keeps its hash. */
export const createdInvitationSchema = invitationSchema.extend({
	token: z.string(),
	url: z.url()
});
export type CreatedInvitationView = z.infer<typeof createdInvitationSchema>;

export const acceptedInvitationSchema = z.object({
	workshopId: z.string(),
	role: workshopRoleSchema
});

export const registeredSchema = acceptedInvitationSchema.extend({ user: userSchema });

export const phaseChangedSchema = z.object({ id: z.string(), phase: phaseSchema });

/**
 * Every error the API returns. `fields` maps input fields to messages; `problems` lists every
 * reason when there are several (409 `template_invalid`); `requestId` is set on 500.
 */
export const apiErrorSchema = z.object({
	error: z.object({
		code: z.string(),
		message: z.string(),
		fields: z.record(z.string(), z.string()).optional(),
		problems: z
			.array(z.object({ code: z.string(), path: z.array(z.string()), message: z.string() }))
			.optional(),
		requestId: z.string().optional()
	})
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;
