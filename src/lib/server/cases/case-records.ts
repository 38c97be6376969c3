/**
 * What staff record on a case during and at the end of the internship: ratings, agreed levels,
 * the goal and sub-goals, sub-goal statuses, hours and tasks, own words, the next step, the
 * chosen statements and signatures. Each checks `can(actor, 'write', case)` and the rules of
 * the case's version.
 */
import type {
	AgreedLevelInput,
	GoalInput,
	NextStepInput,
	OwnWordsInput,
	PointProgressInput,
	RatingInput,
	SubGoalStatusInput
} from '#lib/domain/cases/schemas.ts';
import type { CaseContext } from '#lib/domain/cases/types.ts';

const TODO = 'cases-core: not implemented yet';

/** Stores one rating (replacing the current one for that point, rater and statement). */
export function recordRating(ctx: CaseContext, caseId: string, input: RatingInput): void {
	void [ctx, caseId, input];
	throw new Error(TODO);
}

/** Records the level the raters agreed on for a statement (null: "ikke vurderet"). */
export function recordAgreedLevel(ctx: CaseContext, caseId: string, input: AgreedLevelInput): void {
	void [ctx, caseId, input];
	throw new Error(TODO);
}

/** Records the goal, its date and the sub-goals as agreed with the young person. */
export function recordGoal(ctx: CaseContext, caseId: string, input: GoalInput): void {
	void [ctx, caseId, input];
	throw new Error(TODO);
}

/** Sets a sub-goal's status at a measurement point where the version follows sub-goals. */
export function setSubGoalStatus(
	ctx: CaseContext,
	caseId: string,
	input: SubGoalStatusInput
): void {
	void [ctx, caseId, input];
	throw new Error(TODO);
}

/** Records hours per week and tasks at a measurement point. */
export function recordPointProgress(
	ctx: CaseContext,
	caseId: string,
	input: PointProgressInput
): void {
	void [ctx, caseId, input];
	throw new Error(TODO);
}

/** Records the young person's own words in a free-text section. */
export function recordOwnWords(ctx: CaseContext, caseId: string, input: OwnWordsInput): void {
	void [ctx, caseId, input];
	throw new Error(TODO);
}

/** Records the structured next step. */
export function recordNextStep(ctx: CaseContext, caseId: string, input: NextStepInput): void {
	void [ctx, caseId, input];
	throw new Error(TODO);
}

/** Chooses which of the version's statements apply to this internship. */
export function setCaseStatements(ctx: CaseContext, caseId: string, statementIds: string[]): void {
	void [ctx, caseId, statementIds];
	throw new Error(TODO);
}

/** A signature by a signed-in user: the signer confirms by name, now. */
export function signCase(
	ctx: CaseContext,
	caseId: string,
	input: { signerId: string; name: string }
): void {
	void [ctx, caseId, input];
	throw new Error(TODO);
}
