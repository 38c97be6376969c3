/**
 * The rollout part of the API table (`api-operations.ts` spreads it in): starting a session for a
 * version, joining by code, the walkthrough and dashboard, presenter and follower positions,
 * "Forstået" and answers, settings, the follow-up date, questions and suggestions, the self-check,
 * closing (the version goes into operation) and the completion list.
 */
import { z } from 'zod';
import {
	answerSchema,
	feedbackSchema,
	followUpSchema,
	joinRolloutSchema,
	positionSchema,
	settingsSchema
} from '#lib/domain/rollout/schemas.ts';
import { selfCheckSchema } from '#lib/domain/rollout/self-check.ts';
import {
	answerResultSchema,
	collectedFeedbackSchema,
	createdRolloutSchema,
	feedbackItemSchema,
	joinedRolloutSchema,
	progressSchema,
	rolloutViewSchema,
	selfCheckAggregatesSchema
} from '#lib/domain/rollout/api-schemas.ts';
import type { ApiOperation } from './api-operations.ts';

const V1 = '/api/v1';
const R = `${V1}/rollouts/{id}`;

const EXAMPLE_SLIDE = {
	id: 'kaffe',
	afterStepId: 'purpose',
	title: 'Pause',
	body: {
		type: 'doc',
		content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Kaffe' }] }]
	},
	learningGoal: 'role',
	requiresAck: false,
	question: null
};

export const ROLLOUT_OPERATIONS: readonly ApiOperation[] = [
	{
		method: 'post',
		path: `${V1}/publications/{id}/rollouts`,
		operationId: 'createRollout',
		summary: 'Start a Dag 3 session for a published version (its workshop’s facilitator)',
		tag: 'rollouts',
		success: {
			status: 201,
			description: 'The session, its join code and link',
			schema: createdRolloutSchema
		},
		errors: [401, 403, 404, 409]
	},
	{
		method: 'post',
		path: `${V1}/publications/{id}/walkthrough`,
		operationId: 'startSelfPacedWalkthrough',
		summary: 'Take the walkthrough of a version in operation alone (staff who missed the session)',
		tag: 'rollouts',
		success: {
			status: 200,
			description: 'The session joined self-paced',
			schema: joinedRolloutSchema
		},
		errors: [401, 404]
	},
	{
		method: 'post',
		path: `${V1}/rollouts/join`,
		operationId: 'joinRollout',
		summary: 'Join an open session by its code (everyone in the municipality; throttled)',
		tag: 'rollouts',
		request: { schema: joinRolloutSchema, example: { code: 'ABC 234' } },
		success: { status: 200, description: 'Joined', schema: joinedRolloutSchema },
		errors: [400, 401, 403, 404, 413, 429]
	},
	{
		method: 'get',
		path: R,
		operationId: 'getRollout',
		summary:
			'The walkthrough’s steps for a participant (right answers only once answered), with the code, link and dashboard for the facilitator',
		tag: 'rollouts',
		success: { status: 200, description: 'The session', schema: rolloutViewSchema },
		errors: [401, 403, 404]
	},
	{
		method: 'get',
		path: `${R}/events`,
		operationId: 'rolloutEvents',
		summary:
			'Server-Sent Events: `event: presenter` with `{"stepId"}` when the presenter moves; `event: change` with `{"kind": "dashboard" | "closed" | "settings" | "feedback"}` (dashboard and feedback to the facilitator only)',
		tag: 'rollouts',
		success: {
			status: 200,
			description: 'A text/event-stream that stays open',
			isEventStream: true
		},
		errors: [401, 403, 404]
	},
	{
		method: 'post',
		path: `${R}/presenter`,
		operationId: 'movePresenter',
		summary: 'Move the presenter to a step; every follower is told at once (the facilitator)',
		tag: 'rollouts',
		request: { schema: positionSchema, example: { stepId: 'purpose' } },
		success: { status: 204, description: 'Moved' },
		errors: [400, 401, 403, 404, 409, 413]
	},
	{
		method: 'post',
		path: `${R}/position`,
		operationId: 'setRolloutPosition',
		summary: 'Where the participant is now (shown on the dashboard)',
		tag: 'rollouts',
		request: { schema: positionSchema, example: { stepId: 'purpose' } },
		success: { status: 204, description: 'Noted' },
		errors: [400, 401, 403, 404, 413]
	},
	{
		method: 'post',
		path: `${R}/steps/{stepId}/ack`,
		operationId: 'ackRolloutStep',
		summary: '"Forstået": the participant confirms a step',
		tag: 'rollouts',
		success: { status: 200, description: 'The participant’s progress', schema: progressSchema },
		errors: [401, 403, 404]
	},
	{
		method: 'post',
		path: `${R}/steps/{stepId}/answer`,
		operationId: 'answerRolloutStep',
		summary: 'The participant’s one answer to a step’s check question',
		tag: 'rollouts',
		request: { schema: answerSchema, example: { choices: ['follow'] } },
		success: {
			status: 200,
			description: 'Right or not, the right options, the explanation',
			schema: answerResultSchema
		},
		errors: [400, 401, 403, 404, 409, 413]
	},
	{
		method: 'put',
		path: `${R}/settings`,
		operationId: 'setRolloutSettings',
		summary: 'The facilitator’s own slides and learning-goal kinds per step',
		tag: 'rollouts',
		request: {
			schema: settingsSchema,
			example: { slides: [EXAMPLE_SLIDE], learningGoals: { purpose: 'knowledge' } }
		},
		success: { status: 204, description: 'Saved' },
		errors: [400, 401, 403, 404, 409, 413]
	},
	{
		method: 'put',
		path: `${R}/follow-up`,
		operationId: 'setRolloutFollowUp',
		summary: 'The date of the follow-up learning meeting (the facilitator)',
		tag: 'rollouts',
		request: { schema: followUpSchema, example: { date: '2099-02-03' } },
		success: { status: 204, description: 'Saved' },
		errors: [400, 401, 403, 404, 413]
	},
	{
		method: 'post',
		path: `${R}/feedback`,
		operationId: 'postRolloutFeedback',
		summary: 'A question or a suggestion for the next version',
		tag: 'rollouts',
		request: {
			schema: feedbackSchema,
			example: { kind: 'suggestion', text: 'Et udsagn om hygiejne' }
		},
		success: { status: 201, description: 'Posted', schema: feedbackItemSchema },
		errors: [400, 401, 403, 404, 413]
	},
	{
		method: 'post',
		path: `${R}/feedback/collect`,
		operationId: 'collectRolloutFeedback',
		summary:
			'Take the session’s questions and suggestions into the list for the next version (the facilitator)',
		tag: 'rollouts',
		success: {
			status: 200,
			description: 'How many were collected now',
			schema: collectedFeedbackSchema
		},
		errors: [401, 403, 404]
	},
	{
		method: 'post',
		path: `${R}/self-check`,
		operationId: 'submitSelfCheck',
		summary: 'The participant’s self-check of readiness (never shown to anyone one by one)',
		tag: 'rollouts',
		request: {
			schema: selfCheckSchema,
			example: {
				occasion: 'end',
				answers: {
					progressionTools: 4,
					jobConversation: 4,
					systematic: 3,
					formulation: 4,
					coherentCourse: 3,
					competences: 4,
					company: 3,
					ownership: 5
				}
			}
		},
		success: { status: 204, description: 'Saved' },
		errors: [400, 401, 403, 404, 413]
	},
	{
		method: 'get',
		path: `${R}/self-check`,
		operationId: 'getSelfCheckAggregates',
		summary:
			'The self-check per occasion as aggregates, hidden for fewer than five people (the facilitator, the municipality’s administrators)',
		tag: 'rollouts',
		success: { status: 200, description: 'The aggregates', schema: selfCheckAggregatesSchema },
		errors: [401, 403, 404]
	},
	{
		method: 'post',
		path: `${R}/close`,
		operationId: 'closeRollout',
		summary:
			'Close the session: the code expires, the version goes into operation for its workshop line (the previous one is retired) and the workshop moves to Drift',
		tag: 'rollouts',
		success: {
			status: 200,
			description: 'Closed',
			schema: z.object({ publicationId: z.string() })
		},
		errors: [401, 403, 404, 409]
	},
	{
		method: 'get',
		path: `${R}/completions.csv`,
		operationId: 'rolloutCompletionsCsv',
		summary: 'Who completed the walkthrough, as CSV for a spreadsheet (the facilitator)',
		tag: 'rollouts',
		success: { status: 200, description: 'text/csv; semicolons, UTF-8 with a byte order mark' },
		errors: [401, 403, 404]
	}
];
