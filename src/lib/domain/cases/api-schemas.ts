/**
 * Answers of the cases API, as zod schemas for the OpenAPI document (`api-operations-cases.ts`)
 * and for clients and tests that read them.
 */
import { z } from 'zod';
import { NEXT_STEP_KINDS } from '../template/case-data.ts';
import { TARGET_GROUPS } from './schemas.ts';
import { CASE_STAGES } from './types.ts';

export const createdCaseSchema = z.object({ id: z.string() });

const duePointSchema = z.object({ pointId: z.string(), label: z.string(), date: z.string() });
const attentionSchema = z.object({
	reactionId: z.string(),
	kind: z.enum(['noProgress', 'missedRating']),
	action: z.string()
});

/** A case in "Mine forløb". */
export const caseSummarySchema = z.object({
	id: z.string(),
	youngPerson: z.object({ id: z.string(), firstName: z.string(), lastName: z.string() }),
	company: z.string(),
	start: z.string(),
	end: z.string(),
	targetGroup: z.enum(TARGET_GROUPS).nullable(),
	stage: z.enum(CASE_STAGES),
	publicationId: z.string(),
	versionNumber: z.number().int(),
	workshopTitle: z.string(),
	closedAt: z.number().int().nullable(),
	dueThisWeek: z.array(duePointSchema),
	needsAttention: z.array(attentionSchema),
	myRole: z.enum(['jobkonsulent', 'sagsbehandler']).nullable()
});
export const caseListSchema = z.array(caseSummarySchema);

const ratingViewSchema = z.object({
	pointId: z.string(),
	raterId: z.string(),
	statementId: z.string(),
	level: z.string().nullable(),
	comment: z.string(),
	by: z.enum(['user', 'link']),
	ratedAt: z.number().int()
});

/** One case with everything its staff see (the main fields; see `CaseView`). */
export const caseViewSchema = caseSummarySchema.extend({
	orgId: z.string(),
	mentorName: z.string(),
	hoursAtStart: z.number().nullable(),
	statementIds: z.array(z.string()),
	goal: z.object({ text: z.string(), agreedOn: z.string().nullable() }),
	ratings: z.array(ratingViewSchema),
	agreedLevels: z.array(z.object({ statementId: z.string(), level: z.string().nullable() })),
	nextStep: z.object({ kind: z.enum(NEXT_STEP_KINDS).nullable(), text: z.string() }),
	plan: z.array(
		z.object({ pointId: z.string(), raterId: z.string(), statementIds: z.array(z.string()) })
	),
	disagreements: z.array(
		z.object({
			pointId: z.string(),
			statementId: z.string(),
			levels: z.array(
				z.object({ raterId: z.string(), level: z.string(), position: z.number().int() })
			),
			spread: z.number().int()
		})
	),
	signatures: z.array(
		z.object({
			signerId: z.string(),
			name: z.string(),
			signedAt: z.number().int(),
			by: z.enum(['user', 'link'])
		})
	),
	may: z.object({
		write: z.boolean(),
		manageLinks: z.boolean(),
		close: z.boolean(),
		delete: z.boolean()
	}),
	progression: z.array(
		z.object({
			areaId: z.string(),
			raterId: z.string(),
			points: z.array(
				z.object({ pointId: z.string(), value: z.number().nullable(), count: z.number().int() })
			)
		})
	)
});

/** A new link: its id (to revoke it), the URL to send and when it expires (ms since 1970). */
export const createdCaseLinkSchema = z.object({
	id: z.string(),
	url: z.string(),
	expiresAt: z.number().int()
});

/** The CV phrases for Jobnet and the Min Plan text. */
export const caseCvSchema = z.object({
	cvPhrases: z.array(z.string()),
	cvOwnWords: z.array(z.object({ label: z.string(), text: z.string() })),
	minPlan: z.array(z.string()),
	minPlanOwnWords: z.array(z.object({ label: z.string(), text: z.string() })),
	nextStep: z.object({ kind: z.enum(NEXT_STEP_KINDS).nullable(), text: z.string() }).nullable(),
	cvText: z.string(),
	minPlanText: z.string()
});

/** What a link holder sees: only what they rate at their point, or what they sign. */
export const caseLinkOpenedSchema = z.object({
	kind: z.enum(['rate', 'sign']),
	organisationName: z.string(),
	youngPersonFirstName: z.string(),
	company: z.string(),
	expiresAt: z.number().int(),
	rater: z.object({ id: z.string(), label: z.string() }).nullable(),
	point: z.object({ id: z.string(), label: z.string() }).nullable(),
	signer: z.object({ id: z.string(), label: z.string() }).nullable(),
	statements: z.array(
		z.object({
			id: z.string(),
			areaLabel: z.string(),
			text: z.string(),
			levels: z.array(z.object({ id: z.string(), label: z.string(), descriptor: z.unknown() }))
		})
	),
	signatureText: z.string()
});
