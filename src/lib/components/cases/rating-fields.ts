/**
 * The shapes `RatingFields` renders and the names of its form fields, shared with the routes that
 * read the posted form (`#lib/server/cases/ui-form-values.ts`).
 */

/** What one rater rates at one point: areas with their statements and each statement's scale. */
export type RatingArea = {
	areaId: string;
	areaLabel: string;
	statements: {
		statementId: string;
		text: string;
		levels: { levelId: string; label: string }[];
	}[];
};

/** A rating given before (re-shown after a failed submit, or when the consultant changes it). */
export type RatingValue = { level: string | null | undefined; comment: string };

/** The radio value of "ikke vurderet" (level ids are generated ids, never this word). */
export const NOT_ASSESSED = 'none';

/** The form field of a statement's level. */
export const levelField = (statementId: string) => `level-${statementId}`;
/** The form field of a statement's comment. */
export const commentField = (statementId: string) => `comment-${statementId}`;
