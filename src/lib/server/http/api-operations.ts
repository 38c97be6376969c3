/**
 * The table of API operations: one entry per exported handler under src/routes/api/v1, naming the
 * schema the route validates its body with and the schema of its answer. `openapi.ts` turns it
 * into the OpenAPI document; the tests use it to probe the running server.
 */
import { z } from 'zod';
import {
	changePasswordSchema,
	changePhaseSchema,
	createInvitationSchema,
	createWorkshopSchema,
	loginSchema,
	registerSchema
} from '#lib/domain/schemas.ts';
import {
	acceptedInvitationSchema,
	commentsSchema,
	followTargetSchema,
	createdInvitationSchema,
	invitationSchema,
	meSchema,
	phaseChangedSchema,
	registeredSchema,
	runViewSchema,
	templateStartedSchema,
	voteSchema,
	userSchema,
	workshopDetailSchema,
	workshopSummarySchema
} from '#lib/domain/api-schemas.ts';
import { timerActionSchema } from '#lib/domain/run-mode.ts';
import { castDotsSchema, openVoteSchema } from '#lib/domain/votes.ts';
import { createCommentSchema } from '#lib/domain/comments.ts';
import { keepVoteSchema } from '#lib/domain/vote-keep.ts';
import { locksResponseSchema } from '#lib/domain/template/locks.ts';
import { chooseStarterInputSchema } from '#lib/domain/template/inputs.ts';
import { setFollowSchema } from '#lib/domain/follow.ts';
import { drejebogStartedSchema, startDrejebogSchema } from '#lib/domain/drejebog/schemas.ts';
import { PUBLICATION_OPERATIONS } from './api-operations-publications.ts';
import { ROLLOUT_OPERATIONS } from './api-operations-rollouts.ts';
import { CASE_OPERATIONS } from './api-operations-cases.ts';
import { PRIVACY_OPERATIONS } from './api-operations-privacy.ts';

/** One documented operation: the route file under src/routes/api/v1 must export `method`. */
export type ApiOperation = {
	method: 'get' | 'post' | 'put' | 'delete';
	/** OpenAPI path with `{param}` placeholders. */
	path: string;
	operationId: string;
	summary: string;
	tag:
		| 'session'
		| 'workshops'
		| 'invitations'
		| 'publications'
		| 'rollouts'
		| 'cases'
		| 'privacy'
		| 'meta';
	/** Works without a session. */
	isPublic?: boolean;
	/** Query parameters (strings). */
	query?: { name: string; description: string; isRequired: boolean }[];
	/** The schema the route passes to `readJson`, and a body it accepts. */
	request?: { schema: z.ZodType; example: Record<string, unknown> };
	success: {
		status: 200 | 201 | 204;
		description: string;
		schema?: z.ZodType;
		/** The answer is a Server-Sent Events stream rather than JSON. */
		isEventStream?: boolean;
		/** The answer is a file of this media type (a download) rather than JSON. */
		fileType?: string;
	};
	/** Error statuses the operation can answer besides 500. */
	errors: number[];
};

const V1 = '/api/v1';

export const API_OPERATIONS: readonly ApiOperation[] = [
	{
		method: 'post',
		path: `${V1}/session`,
		operationId: 'login',
		summary: 'Log in; sets the session cookie',
		tag: 'session',
		isPublic: true,
		request: {
			schema: loginSchema,
			example: { email: 'frida@kommune.dk', password: 'hemmelig-kode' }
		},
		success: { status: 200, description: 'Logged in', schema: userSchema },
		errors: [400, 401, 413, 429]
	},
	{
		method: 'delete',
		path: `${V1}/session`,
		operationId: 'logout',
		summary: 'Log out; ends this session',
		tag: 'session',
		isPublic: true,
		success: { status: 204, description: 'Logged out (also when no session existed)' },
		errors: []
	},
	{
		method: 'get',
		path: `${V1}/me`,
		operationId: 'getMe',
		summary: 'The signed-in user with organisations and workshop roles',
		tag: 'session',
		success: { status: 200, description: 'The user', schema: meSchema },
		errors: [401]
	},
	{
		method: 'post',
		path: `${V1}/me/password`,
		operationId: 'changePassword',
		summary: "Change the signed-in user's password; other sessions end",
		tag: 'session',
		request: {
			schema: changePasswordSchema,
			example: {
				currentPassword: 'gammel-kode-123',
				newPassword: 'ny-lang-kode-456',
				confirmPassword: 'ny-lang-kode-456'
			}
		},
		success: { status: 204, description: 'Changed' },
		errors: [400, 401, 413]
	},
	{
		method: 'get',
		path: `${V1}/workshops`,
		operationId: 'listWorkshops',
		summary: 'Workshops the user may see',
		tag: 'workshops',
		success: { status: 200, description: 'Workshops', schema: z.array(workshopSummarySchema) },
		errors: [401]
	},
	{
		method: 'post',
		path: `${V1}/workshops`,
		operationId: 'createWorkshop',
		summary: 'Create a workshop; the creator becomes its facilitator',
		tag: 'workshops',
		request: { schema: createWorkshopSchema, example: { title: 'Læringsbevis for unge' } },
		success: { status: 201, description: 'Created', schema: workshopSummarySchema },
		errors: [400, 401, 403, 413]
	},
	{
		method: 'get',
		path: `${V1}/workshops/{id}`,
		operationId: 'getWorkshop',
		summary: 'A workshop with phase, format, members and documents',
		tag: 'workshops',
		success: { status: 200, description: 'The workshop', schema: workshopDetailSchema },
		errors: [401, 404]
	},
	{
		method: 'post',
		path: `${V1}/workshops/{id}/phase`,
		operationId: 'changePhase',
		summary: 'Move the workshop to another phase (facilitators)',
		tag: 'workshops',
		request: { schema: changePhaseSchema, example: { phase: 'drejebog' } },
		success: { status: 200, description: 'Moved', schema: phaseChangedSchema },
		errors: [400, 401, 403, 404, 409, 413]
	},
	{
		method: 'get',
		path: `${V1}/workshops/{id}/run`,
		operationId: 'getRunState',
		summary: "The day's agenda, current item and time left (run mode)",
		tag: 'workshops',
		success: { status: 200, description: 'The run state', schema: runViewSchema },
		errors: [401, 404]
	},
	{
		method: 'post',
		path: `${V1}/workshops/{id}/run/timer`,
		operationId: 'changeTimer',
		summary: 'Start, pause, add minutes to or advance the timer (facilitators)',
		tag: 'workshops',
		request: { schema: timerActionSchema, example: { action: 'add', minutes: 5 } },
		success: { status: 200, description: 'The new run state', schema: runViewSchema },
		errors: [400, 401, 403, 404, 413]
	},
	{
		method: 'put',
		path: `${V1}/workshops/{id}/run/follow`,
		operationId: 'setFollowTarget',
		summary:
			"Point everyone's view of the template or the drejebog at an element or section (facilitators)",
		tag: 'workshops',
		request: {
			schema: setFollowSchema,
			example: { documentId: 'k3J9xYz1AbCdEfGhIjKlMn', elementId: 'section-assessment' }
		},
		success: { status: 200, description: 'The new follow target', schema: followTargetSchema },
		errors: [400, 401, 403, 404, 413]
	},
	{
		method: 'delete',
		path: `${V1}/workshops/{id}/run/follow`,
		operationId: 'clearFollowTarget',
		summary: 'Stop leading; participants stay where they are (facilitators)',
		tag: 'workshops',
		success: { status: 204, description: 'Cleared (also when nothing was set)' },
		errors: [401, 403, 404]
	},
	{
		method: 'get',
		path: `${V1}/workshops/{id}/run/events`,
		operationId: 'runEvents',
		summary:
			'Server-Sent Events: `event: change` with `{"kind": "timer" | "agenda" | "follow" | "vote" | "comment" | "lock" | "access"}` (with `"documentId"` for comment and lock) whenever the run state changes; fetch the state itself with getRunState, listComments or listLocks',
		tag: 'workshops',
		success: {
			status: 200,
			description:
				'A text/event-stream that stays open; a comment line every 25 s; ends at logout, session expiry, loss of access and server shutdown',
			isEventStream: true
		},
		errors: [401, 404]
	},
	{
		method: 'get',
		path: `${V1}/workshops/{id}/votes`,
		operationId: 'listVotes',
		summary: "The workshop's dot votes; open counts only for the facilitator",
		tag: 'workshops',
		success: { status: 200, description: 'Votes, newest first', schema: z.array(voteSchema) },
		errors: [401, 404]
	},
	{
		method: 'post',
		path: `${V1}/workshops/{id}/votes`,
		operationId: 'openVote',
		summary:
			'Open an anonymous dot vote on template statements (statementId) or, with subject steps, drejebog steps (stepId), and free texts (facilitators)',
		tag: 'workshops',
		request: {
			schema: openVoteSchema,
			example: {
				title: 'Hvilke udsagn skal med?',
				dotsPerPerson: 3,
				candidates: [{ text: 'Møder til tiden' }, { text: 'Spørger om hjælp' }]
			}
		},
		success: { status: 201, description: 'Opened', schema: voteSchema },
		errors: [400, 401, 403, 404, 413]
	},
	{
		method: 'post',
		path: `${V1}/workshops/{id}/votes/{voteId}/dots`,
		operationId: 'castDots',
		summary: "Give one candidate a number of the requester's own dots (0 takes them back)",
		tag: 'workshops',
		request: { schema: castDotsSchema, example: { candidateId: 'k3J9xYz1AbCdEfGh', dots: 2 } },
		success: { status: 200, description: 'The vote as the voter sees it', schema: voteSchema },
		errors: [400, 401, 403, 404, 409, 413]
	},
	{
		method: 'post',
		path: `${V1}/workshops/{id}/votes/{voteId}/close`,
		operationId: 'closeVote',
		summary: 'Close a vote; everyone then sees the counts (facilitators)',
		tag: 'workshops',
		success: { status: 200, description: 'Closed', schema: voteSchema },
		errors: [401, 403, 404, 409]
	},
	{
		method: 'post',
		path: `${V1}/workshops/{id}/votes/{voteId}/keep`,
		operationId: 'keepVote',
		summary:
			'Keep the chosen candidates of a closed vote in the template (areaId for new statements) or, for a vote on steps, the drejebog (stageId for new steps), in one step (facilitators)',
		tag: 'workshops',
		request: {
			schema: keepVoteSchema,
			example: {
				candidateIds: ['k3J9xYz1AbCdEfGh'],
				areaId: 'a1B2c3D4e5F6g7H8',
				removeOthers: false
			}
		},
		success: { status: 200, description: 'Kept; the vote', schema: voteSchema },
		errors: [400, 401, 403, 404, 409, 413]
	},
	{
		method: 'get',
		path: `${V1}/workshops/{id}/documents/{docId}/comments`,
		operationId: 'listComments',
		summary:
			"A template's or drejebog's comment threads and commentable elements (areas, statements, levels; stages, steps, cvPlan, reactions)",
		tag: 'workshops',
		success: { status: 200, description: 'Comments', schema: commentsSchema },
		errors: [400, 401, 404]
	},
	{
		method: 'post',
		path: `${V1}/workshops/{id}/documents/{docId}/comments`,
		operationId: 'createComment',
		summary:
			'Comment on an element of the template or the drejebog, or reply with parentId (work group)',
		tag: 'workshops',
		request: {
			schema: createCommentSchema,
			example: { elementId: 'k3J9xYz1AbCdEfGh', text: 'Kan vi sige det enklere?' }
		},
		success: { status: 201, description: 'Saved; all comments', schema: commentsSchema },
		errors: [400, 401, 403, 404, 413]
	},
	{
		method: 'post',
		path: `${V1}/workshops/{id}/documents/{docId}/comments/{commentId}/resolve`,
		operationId: 'resolveComment',
		summary: 'Mark a comment thread resolved (work group)',
		tag: 'workshops',
		success: { status: 200, description: 'Resolved; all comments', schema: commentsSchema },
		errors: [400, 401, 403, 404]
	},
	{
		method: 'post',
		path: `${V1}/workshops/{id}/documents/{docId}/starter`,
		operationId: 'chooseStarter',
		summary:
			'Fill an empty template from a starter, in one step; 409 when it is not empty (facilitators, work group)',
		tag: 'workshops',
		request: { schema: chooseStarterInputSchema, example: { starterId: 'detail' } },
		success: { status: 200, description: 'Started; the starter', schema: templateStartedSchema },
		errors: [400, 401, 403, 404, 409, 413]
	},
	{
		method: 'get',
		path: `${V1}/workshops/{id}/documents/{docId}/locks`,
		operationId: 'listLocks',
		summary:
			"A document's locked parts: a template's areas, scales, rating plan, goals or whole template; a drejebog's stages, CV og Min Plan or Hurtig reaktion",
		tag: 'workshops',
		success: { status: 200, description: 'Locks', schema: locksResponseSchema },
		errors: [400, 401, 404]
	},
	{
		method: 'put',
		path: `${V1}/workshops/{id}/documents/{docId}/locks/{kind}/{targetId}`,
		operationId: 'lockPart',
		summary:
			'Lock a part for the work group: in a template kind area|scale|template|ratingPlan|goals (targetId the area, the scale owner or docId), in a drejebog stage|cvPlan|reactions (targetId the stage or docId) (facilitators)',
		tag: 'workshops',
		success: { status: 200, description: 'Locked; all locks', schema: locksResponseSchema },
		errors: [400, 401, 403, 404]
	},
	{
		method: 'delete',
		path: `${V1}/workshops/{id}/documents/{docId}/locks/{kind}/{targetId}`,
		operationId: 'unlockPart',
		summary: 'Unlock a part again (facilitators)',
		tag: 'workshops',
		success: { status: 200, description: 'Unlocked; all locks', schema: locksResponseSchema },
		errors: [400, 401, 403, 404]
	},
	{
		method: 'post',
		path: `${V1}/workshops/{id}/documents/{docId}/drejebog/start`,
		operationId: 'startDrejebog',
		summary:
			"Start an empty drejebog from STAR's steps made for the workshop's template, or with the stages only",
		tag: 'workshops',
		request: { schema: startDrejebogSchema, example: { starter: 'star' } },
		success: { status: 200, description: 'Started', schema: drejebogStartedSchema },
		errors: [400, 401, 403, 404, 409, 413]
	},
	{
		method: 'delete',
		path: `${V1}/workshops/{id}/members/{userId}`,
		operationId: 'removeMember',
		summary: 'Remove a person from the workshop (facilitators, administrators)',
		tag: 'workshops',
		success: { status: 204, description: 'Removed' },
		errors: [400, 401, 403, 404]
	},
	{
		method: 'get',
		path: `${V1}/workshops/{id}/invitations`,
		operationId: 'listInvitations',
		summary: "The workshop's invitations, newest first",
		tag: 'invitations',
		success: { status: 200, description: 'Invitations', schema: z.array(invitationSchema) },
		errors: [401, 403, 404]
	},
	{
		method: 'post',
		path: `${V1}/workshops/{id}/invitations`,
		operationId: 'createInvitation',
		summary: 'Invite someone by link (facilitators, administrators)',
		tag: 'invitations',
		request: {
			schema: createInvitationSchema,
			example: { email: 'jonas@kommune.dk', role: 'member' }
		},
		success: {
			status: 201,
			description: 'Created; token and url are shown only here',
			schema: createdInvitationSchema
		},
		errors: [400, 401, 403, 404, 413]
	},
	{
		method: 'delete',
		path: `${V1}/invitations/{id}`,
		operationId: 'revokeInvitation',
		summary: 'Revoke a pending invitation',
		tag: 'invitations',
		success: { status: 204, description: 'Revoked' },
		errors: [401, 403, 404, 409]
	},
	{
		method: 'post',
		path: `${V1}/invitations/{token}/accept`,
		operationId: 'acceptInvitation',
		summary: 'Accept an invitation as the signed-in user',
		tag: 'invitations',
		success: { status: 200, description: 'Joined', schema: acceptedInvitationSchema },
		errors: [401, 404, 409]
	},
	{
		method: 'post',
		path: `${V1}/invitations/{token}/register`,
		operationId: 'registerWithInvitation',
		summary: 'Create an account from an invitation, log in and join the workshop',
		tag: 'invitations',
		isPublic: true,
		request: {
			schema: registerSchema,
			example: { name: 'Jonas Jensen', password: 'en-lang-kode-789' }
		},
		success: { status: 201, description: 'Registered and logged in', schema: registeredSchema },
		errors: [400, 404, 409, 413]
	},
	...PUBLICATION_OPERATIONS,
	...ROLLOUT_OPERATIONS,
	...CASE_OPERATIONS,
	...PRIVACY_OPERATIONS,
	{
		method: 'get',
		path: `${V1}/openapi.json`,
		operationId: 'getOpenApi',
		summary: 'This document',
		tag: 'meta',
		isPublic: true,
		success: { status: 200, description: 'OpenAPI 3.1 document' },
		errors: []
	}
];
