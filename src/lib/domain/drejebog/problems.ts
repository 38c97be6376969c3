/**
 * The problems that keep a drejebog from being published. Codes are stable (tests, publishing and
 * the editor's problem list rely on them); the message key is `drejebog.problem.<code>`. Paths use
 * ids from the drejebog's root (`['stages', stageId, 'steps', stepId, 'title']`), or start with
 * `coverage` for what the template asks of the drejebog as a whole.
 */
import type { ErrorProblem } from '../errors.ts';

export const DREJEBOG_PROBLEM_CODES = [
	'title.empty',
	'title.tooLong',
	'introduction.tooLong',
	'text.invalidCharacters',
	'stages.none',
	'stages.tooMany',
	'stage.label.empty',
	'stage.label.tooLong',
	'stage.label.duplicate',
	'stage.tooManySteps',
	'steps.none',
	'step.title.empty',
	'step.title.tooLong',
	'step.guidance.tooLong',
	'step.who.none',
	'step.customRoles.tooMany',
	'step.customRole.empty',
	'step.customRole.tooLong',
	'step.when.offset.outOfRange',
	'step.when.point.unknown',
	'step.when.text.empty',
	'step.when.text.tooLong',
	'step.link.unknown',
	'step.checklist.tooMany',
	'checklistItem.text.empty',
	'checklistItem.text.tooLong',
	'coverage.measurementPoint',
	'coverage.rater',
	'coverage.goalSetting',
	'cvPlan.rater.unknown',
	'cvPlan.point.unknown',
	'cvPlan.section.unknown',
	'cvPlan.threshold.outOfRange',
	'cvPlan.threshold.unreachable',
	'reactions.tooMany',
	'reaction.point.unknown',
	'reaction.points.outOfOrder',
	'reaction.rater.unknown',
	'reaction.days.outOfRange',
	'reaction.text.empty',
	'reaction.text.tooLong',
	'reaction.action.tooLong'
] as const;
export type DrejebogProblemCode = (typeof DREJEBOG_PROBLEM_CODES)[number];

/** One reason the drejebog cannot be published yet (the API's `ErrorProblem` shape). */
export type DrejebogProblem = ErrorProblem & { code: DrejebogProblemCode };

/** Builds a problem with its message key. */
export function drejebogProblem(
	code: DrejebogProblemCode,
	path: string[],
	params: Record<string, string | number> = {}
): DrejebogProblem {
	return { code, path, messageKey: `drejebog.problem.${code}`, params };
}

/** Where `validateDrejebog` collects problems. */
export type DrejebogCollector = (problem: DrejebogProblem) => void;
