/**
 * The problems that make a template unusable. Codes are stable (tests, the phase-change API and
 * the editor's problem list rely on them); the message key is `template.problem.<code>`.
 */

export const PROBLEM_CODES = [
	'title.empty',
	'title.tooLong',
	'areas.none',
	'areas.tooMany',
	'area.label.empty',
	'area.label.tooLong',
	'area.label.duplicate',
	'area.noStatements',
	'area.tooManyStatements',
	'statement.text.empty',
	'statement.text.tooLong',
	'statement.text.duplicate',
	'statement.description.tooLong',
	'statement.cvPhrase.empty',
	'statement.cvPhrase.tooLong',
	'scale.tooFewLevels',
	'scale.tooManyLevels',
	'level.label.empty',
	'level.label.tooLong',
	'level.label.duplicate',
	'level.descriptor.tooLong',
	'measurementPoints.none',
	'measurementPoints.tooMany',
	'measurementPoint.label.empty',
	'measurementPoint.label.tooLong',
	'measurementPoint.label.duplicate',
	'measurementPoints.tooFew',
	'measurementPoint.timing.outOfRange',
	'measurementPoint.timing.outOfOrder',
	'raters.none',
	'raters.tooMany',
	'rater.label.empty',
	'rater.label.tooLong',
	'rater.label.duplicate',
	'headerFields.tooMany',
	'headerField.label.empty',
	'headerField.label.tooLong',
	'headerField.label.duplicate',
	'freeTextSections.tooMany',
	'freeTextSection.label.empty',
	'freeTextSection.label.tooLong',
	'freeTextSection.label.duplicate',
	'freeTextSection.guidance.tooLong',
	'signature.text.tooLong',
	'signature.noSigners',
	'ratingPlan.unknownItem',
	'area.noProgression',
	'signers.tooMany',
	'signer.label.empty',
	'signer.label.tooLong',
	'signer.label.duplicate',
	'signer.rater.unknown',
	'goal.label.empty',
	'goal.label.tooLong',
	'goal.guidance.tooLong',
	'subGoals.tooMany',
	'subGoal.text.empty',
	'subGoal.text.tooLong',
	'subGoal.text.duplicate',
	'subGoal.statement.unknown',
	'goalStatuses.tooFew',
	'goalStatuses.tooMany',
	'goalStatus.label.empty',
	'goalStatus.label.tooLong',
	'goalStatus.label.duplicate',
	'goals.point.unknown',
	'goals.noPoints'
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/**
 * Where a problem is: property names and item ids from the template root, e.g.
 * `['areas', areaId, 'statements', statementId, 'text']`. Ids rather than positions, so a path
 * still points at the right element after someone reorders the list.
 */
export type ProblemPath = string[];

/** One reason a template cannot be used yet. */
export type Problem = {
	code: ProblemCode;
	path: ProblemPath;
	/** i18n key of the Danish (and English) message. */
	messageKey: string;
	/** Values for the message: labels, positions (1-based), counts and limits. */
	params: Record<string, string | number>;
};

/** Builds a problem with its message key. */
export function problem(
	code: ProblemCode,
	path: ProblemPath,
	params: Record<string, string | number> = {}
): Problem {
	return { code, path, messageKey: `template.problem.${code}`, params };
}
