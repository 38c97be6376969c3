/**
 * The cases part of the API table (`api-operations.ts` spreads it in): Drift cases, their
 * ratings, rating links, closing and outputs.
 */
import {
	createCaseSchema,
	createRateLinkSchema,
	linkAnswersSchema,
	linkSignatureSchema,
	ratingInputSchema
} from '#lib/domain/cases/schemas.ts';
import {
	caseCvSchema,
	caseLinkOpenedSchema,
	caseListSchema,
	caseViewSchema,
	createdCaseLinkSchema,
	createdCaseSchema
} from '#lib/domain/cases/api-schemas.ts';
import type { ApiOperation } from './api-operations.ts';

const V1 = '/api/v1';
const C = `${V1}/cases/{id}`;

export const CASE_OPERATIONS: readonly ApiOperation[] = [
	{
		method: 'post',
		path: `${V1}/cases`,
		operationId: 'createCase',
		summary:
			'Start a case for a young person from the version in operation (jobkonsulent or administrator)',
		tag: 'cases',
		request: {
			schema: createCaseSchema,
			example: {
				publicationId: 'abcdefghijklmnopqrstuv',
				youngPerson: { firstName: 'Amalie', lastName: 'Jensen' },
				company: 'Brugsen Thisted',
				start: '2026-03-02',
				end: '2026-04-24'
			}
		},
		success: { status: 201, description: 'The new case', schema: createdCaseSchema },
		errors: [400, 401, 403, 404, 413]
	},
	{
		method: 'get',
		path: `${V1}/cases`,
		operationId: 'listMyCases',
		summary: 'Mine forløb: the cases assigned to me, with stage, what is due and attention',
		tag: 'cases',
		success: { status: 200, description: 'My cases', schema: caseListSchema },
		errors: [401]
	},
	{
		method: 'get',
		path: C,
		operationId: 'getCase',
		summary: 'One case (its staff and the municipality’s administrators)',
		tag: 'cases',
		success: { status: 200, description: 'The case', schema: caseViewSchema },
		errors: [401, 404]
	},
	{
		method: 'post',
		path: `${C}/ratings`,
		operationId: 'rateCase',
		summary: 'Record a rating (level null = ikke vurderet) as the plan allows (the case’s staff)',
		tag: 'cases',
		request: {
			schema: ratingInputSchema,
			example: {
				pointId: 'start',
				raterId: 'konsulent',
				statementId: 'moede',
				level: 'niveau-2',
				comment: 'Kommer til tiden'
			}
		},
		success: { status: 204, description: 'Stored' },
		errors: [400, 401, 403, 404, 409, 413]
	},
	{
		method: 'post',
		path: `${C}/links`,
		operationId: 'createCaseLink',
		summary: 'Create a single-use rating link for a rater at a measuring point (the jobkonsulent)',
		tag: 'cases',
		request: { schema: createRateLinkSchema, example: { raterId: 'ung', pointId: 'start' } },
		success: { status: 201, description: 'The link to send', schema: createdCaseLinkSchema },
		errors: [400, 401, 403, 404, 409, 413]
	},
	{
		method: 'delete',
		path: `${V1}/case-links/{id}`,
		operationId: 'revokeCaseLink',
		summary: 'Revoke a rating or signing link (the jobkonsulent)',
		tag: 'cases',
		success: { status: 204, description: 'Revoked' },
		errors: [401, 403, 404]
	},
	{
		method: 'post',
		path: `${C}/close`,
		operationId: 'closeCase',
		summary: 'Close the case (the jobkonsulent); its links stop working',
		tag: 'cases',
		success: { status: 204, description: 'Closed' },
		errors: [401, 403, 404, 409]
	},
	{
		method: 'get',
		path: `${C}/laeringsbevis.pdf`,
		operationId: 'caseLaeringsbevisPdf',
		summary: 'The læringsbevis as a PDF',
		tag: 'cases',
		success: { status: 200, description: 'The PDF', fileType: 'application/pdf' },
		errors: [401, 404]
	},
	{
		method: 'get',
		path: `${C}/progressionsskema.pdf`,
		operationId: 'caseProgressionPdf',
		summary: 'The progressionsskema (every rating over time) as a PDF',
		tag: 'cases',
		success: { status: 200, description: 'The PDF', fileType: 'application/pdf' },
		errors: [401, 404]
	},
	{
		method: 'get',
		path: `${C}/cv`,
		operationId: 'caseCv',
		summary: 'The CV phrases for Jobnet and the Min Plan text, by the drejebog’s rule',
		tag: 'cases',
		success: { status: 200, description: 'CV phrases and Min Plan', schema: caseCvSchema },
		errors: [401, 404]
	},
	{
		method: 'get',
		path: `${V1}/links/{token}`,
		operationId: 'openCaseLink',
		summary:
			'What the holder of a rating or signing link rates or signs (no account; throttled; never another rater’s ratings)',
		tag: 'cases',
		isPublic: true,
		success: { status: 200, description: 'The link’s form', schema: caseLinkOpenedSchema },
		errors: [404, 409, 429]
	},
	{
		method: 'post',
		path: `${V1}/links/{token}/answers`,
		operationId: 'answerCaseLink',
		summary: 'Answer every statement of a rating link; the link is then used up',
		tag: 'cases',
		isPublic: true,
		request: {
			schema: linkAnswersSchema,
			example: { answers: [{ statementId: 'moede', level: 'niveau-2', comment: '' }] }
		},
		success: { status: 204, description: 'Stored' },
		errors: [400, 404, 409, 413, 429]
	},
	{
		method: 'post',
		path: `${V1}/links/{token}/signature`,
		operationId: 'signCaseLink',
		summary: 'Sign the læringsbevis by name through a signing link; the link is then used up',
		tag: 'cases',
		isPublic: true,
		request: { schema: linkSignatureSchema, example: { name: 'Amalie Jensen' } },
		success: { status: 204, description: 'Signed' },
		errors: [400, 404, 409, 413, 429]
	}
];
