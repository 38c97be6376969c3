/**
 * "Record the whole form" (issue 14): a case page's form that stores several things at once
 * stores them in one transaction with one audit entry naming what changed (`formTransaction`),
 * through the same single-record functions the API uses, so the rules stay in one place.
 */
import type {
	CreateCaseInput,
	GoalInput,
	NextStepInput,
	OwnWordsInput,
	RatingInput
} from '#lib/domain/cases/schemas.ts';
import type { CaseContext, GatheredAccess } from '#lib/domain/cases/types.ts';
import { formTransaction } from './case-transaction.ts';
import { createCase } from './cases.ts';
import {
	recordGoal,
	recordNextStep,
	recordOwnWords,
	recordRating,
	setSubGoalStatus
} from './case-records.ts';

/** A value each gathered write put in its detail (e.g. every statement rated). */
function detailValues(gathered: GatheredAccess[], key: string): unknown[] {
	return gathered.map((g) => g.detail?.[key]).filter((v) => v !== undefined);
}

/** One rater's answers at one point (the rating page's save). */
export type RatingFormInput = {
	pointId: string;
	raterId: string;
	answers: Omit<RatingInput, 'pointId' | 'raterId'>[];
};

/**
 * Stores a rating page's answers, all or none, as one `rate` entry naming the statements rated.
 * @throws as `recordRating`.
 */
export function recordRatingForm(ctx: CaseContext, caseId: string, form: RatingFormInput): void {
	const { pointId, raterId } = form;
	formTransaction(
		ctx,
		caseId,
		'rate',
		(inner) => {
			for (const answer of form.answers) {
				recordRating(inner, caseId, { ...answer, pointId, raterId });
			}
		},
		(gathered) => ({ pointId, raterId, statementIds: detailValues(gathered, 'statementId') })
	);
}

/**
 * Sets the sub-goals' statuses at one point (the goals form), as one `update` entry naming them.
 * @throws as `setSubGoalStatus`.
 */
export function setSubGoalStatuses(
	ctx: CaseContext,
	caseId: string,
	pointId: string,
	statuses: { subGoalId: string; statusId: string | null }[]
): void {
	formTransaction(
		ctx,
		caseId,
		'update',
		(inner) => {
			for (const s of statuses) setSubGoalStatus(inner, caseId, { ...s, pointId });
		},
		(gathered) => ({
			field: 'subGoalStatus',
			pointId,
			subGoalIds: detailValues(gathered, 'subGoalId')
		})
	);
}

/**
 * Stores the end of an internship (the young person's own words per section and the next step),
 * as one `update` entry naming the sections. @throws as `recordOwnWords`, `recordNextStep`.
 */
export function recordEndForm(
	ctx: CaseContext,
	caseId: string,
	form: { ownWords: OwnWordsInput[]; nextStep: NextStepInput }
): void {
	formTransaction(
		ctx,
		caseId,
		'update',
		(inner) => {
			for (const input of form.ownWords) recordOwnWords(inner, caseId, input);
			recordNextStep(inner, caseId, form.nextStep);
		},
		(gathered) => ({
			fields: [...new Set(detailValues(gathered, 'field'))],
			sectionIds: detailValues(gathered, 'sectionId')
		})
	);
}

/**
 * Starts a case with its goal (the start page's form): one `create` entry, or nothing stored.
 * @throws as `createCase`, `recordGoal`.
 */
export function startCase(
	ctx: CaseContext,
	create: CreateCaseInput,
	goal: GoalInput
): { id: string } {
	return formTransaction(
		ctx,
		null,
		'create',
		(inner) => {
			const created = createCase(inner, create);
			recordGoal(inner, created.id, goal);
			return created;
		},
		(gathered) => ({ ...gathered[0].detail, goal: true })
	);
}
