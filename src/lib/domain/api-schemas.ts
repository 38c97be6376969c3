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
import { RUN_DAYS } from './run-days.ts';
import { FOLLOW_KINDS } from './follow.ts';
import { COMMENTABLE_KINDS } from './comments.ts';
import { VOTE_SUBJECTS } from './votes.ts';

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
	expiresAt: timestampSchema,
	/** When the invited person accepted; null until then. */
	acceptedAt: timestampSchema.nullable(),
	/** Who accepted (always the invited person); null until then or once the account is deleted. */
	acceptedBy: z.object({ userId: z.string(), name: z.string() }).nullable()
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

/** The place of the template the facilitator points at ("follow me"). */
export const followTargetSchema = z.object({
	documentId: z.string(),
	/**
	 * An area, statement or level id, `scale-<ownerId>` or `section-<name>` of the template; a
	 * stage or step id or `section-<name>` of the drejebog.
	 */
	elementId: z.string(),
	kind: z.enum(FOLLOW_KINDS),
	/** The element's text when it was pointed at; for a section its name (`header`, `cvPlan`, …). */
	label: z.string(),
	setByName: z.string().nullable(),
	setAt: timestampSchema
});
export type FollowTargetBody = z.infer<typeof followTargetSchema>;

/** The run state of a workshop's day (`GET /api/v1/workshops/{id}/run`). */
export const runViewSchema = z.object({
	/** The day being run: the workshop's current phase's (`rollout` once in Drift). */
	day: z.enum(RUN_DAYS),
	agenda: z.array(z.object({ title: z.string(), minutes: z.number().int() })),
	itemIndex: z.number().int(),
	isRunning: z.boolean(),
	/** Planned length of the current item plus added time, in milliseconds. */
	totalMs: z.number().int(),
	/** Time left when the answer was made; negative once the item runs over. */
	remainingMs: z.number().int(),
	warning: z.enum(['none', 'warning', 'critical', 'over']),
	canRun: z.boolean(),
	/** Changes whenever the facilitator changes agenda or timer. */
	version: z.number().int(),
	/** Where the facilitator leads everyone, or null. */
	follow: followTargetSchema.nullable()
});
export type RunViewBody = z.infer<typeof runViewSchema>;

/** A dot vote as the requester may see it (`GET /api/v1/workshops/{id}/votes`). */
export const voteSchema = z.object({
	id: z.string(),
	title: z.string(),
	/** What the vote is about: template statements, or drejebog steps (Dag 2). */
	subject: z.enum(VOTE_SUBJECTS),
	dotsPerPerson: z.number().int(),
	isOpen: z.boolean(),
	candidates: z.array(
		z.object({
			id: z.string(),
			text: z.string(),
			statementId: z.string().nullable(),
			/** The drejebog step it names (a vote on steps); null for free text and statements. */
			stepId: z.string().nullable(),
			/** Total dots; null while the vote is open, except for the facilitator. */
			count: z.number().int().nullable(),
			/** Whether the facilitator kept it in the template; null until the vote is kept. */
			isKept: z.boolean().nullable()
		})
	),
	/** The requester's own dots: candidate id → dots. */
	myDots: z.record(z.string(), z.number().int()),
	dotsLeft: z.number().int(),
	/** How many people have voted; null while the vote is open, except for the facilitator. */
	voters: z.number().int().nullable(),
	/** When the chosen statements were kept in the template; null until then. */
	keptAt: timestampSchema.nullable(),
	/** Whether keeping also deleted the template statements not chosen; null until kept. */
	removedOthers: z.boolean().nullable()
});
export type VoteBody = z.infer<typeof voteSchema>;

const commentSchema = z.object({
	id: z.string(),
	authorName: z.string().nullable(),
	text: z.string(),
	createdAt: timestampSchema
});

/**
 * A document's comments (`GET .../documents/{docId}/comments`): on a template's areas, statements
 * and levels, or a drejebog's stages, steps, "CV og Min Plan" (`cvPlan`) and "Hurtig reaktion"
 * (`reactions`, labelled by their kind).
 */
export const commentsSchema = z.object({
	elements: z.array(
		z.object({ id: z.string(), kind: z.enum(COMMENTABLE_KINDS), label: z.string() })
	),
	threads: z.array(
		commentSchema.extend({
			elementId: z.string(),
			elementKind: z.enum(COMMENTABLE_KINDS),
			/** Null once the element has been deleted; the thread then counts as resolved. */
			elementLabel: z.string().nullable(),
			/**
			 * The element's label as last seen while it existed, kept after it is deleted; null
			 * only for threads whose element was deleted before the server kept such copies.
			 */
			elementText: z.string().nullable(),
			isResolved: z.boolean(),
			replies: z.array(commentSchema)
		})
	),
	unresolvedCount: z.number().int()
});
export type CommentsBody = z.infer<typeof commentsSchema>;

/** The answer to choosing a template's starter: which starter the template now holds. */
export const templateStartedSchema = z.object({ documentId: z.string(), starterId: z.string() });
export type TemplateStartedBody = z.infer<typeof templateStartedSchema>;
