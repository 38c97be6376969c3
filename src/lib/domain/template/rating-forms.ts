/**
 * The blank rating forms a template implies: one per rater and measurement point at which the
 * rating plan has them rate something, listing the statements of the planned areas with the levels
 * of their scale. Every rating on a form can also be answered "ikke vurderet" (not tried yet, or
 * not relevant) and take a comment; a printed form shows both next to the levels. A form also
 * carries the point's follow-up: hours per week and tasks when the template follows them, and
 * the sub-goals with their status boxes at the points where sub-goals are followed, so whoever
 * fills in a form at the follow-up meeting can note them.
 */
import { goalPoints, ratingPlanLookup } from './plan.ts';
import type { Timing } from './plan-schemas.ts';
import { effectiveScale, type Template } from './schemas.ts';

export type RatingForm = {
	measurementPointId: string;
	measurementPointLabel: string;
	timing: Timing | null;
	raterId: string;
	raterLabel: string;
	areas: {
		areaId: string;
		areaLabel: string;
		statements: {
			statementId: string;
			text: string;
			levels: { levelId: string; label: string; position: number }[];
		}[];
	}[];
	/** Fields for the hours per week and the tasks at this point, when the template follows them. */
	measures: { hasHoursPerWeek: boolean; hasTasks: boolean };
	/** The sub-goals and their status scale, when they are followed at this point; else null. */
	subGoals: {
		statuses: { statusId: string; label: string }[];
		items: { subGoalId: string; text: string }[];
	} | null;
};

function subGoalsAt(template: Template, measurementPointId: string): RatingForm['subGoals'] {
	const { goals } = template;
	const isFollowed = goalPoints(template).some((point) => point.id === measurementPointId);
	if (!goals.isIncluded || !isFollowed || goals.subGoals.length === 0) return null;
	return {
		statuses: goals.statuses.map((status) => ({ statusId: status.id, label: status.label })),
		items: goals.subGoals.map((subGoal) => ({ subGoalId: subGoal.id, text: subGoal.text }))
	};
}

/** The forms of `template`, in measurement point order and then rater order. */
export function describeRatingForms(template: Template): RatingForm[] {
	const rates = ratingPlanLookup(template.ratingPlan);
	const { hasHoursPerWeek, hasTasks } = template.progressionMeasures;
	return template.measurementPoints.flatMap((point) =>
		template.raters.flatMap((rater) => {
			const areas = template.areas
				.filter((area) =>
					rates({ measurementPointId: point.id, raterId: rater.id, areaId: area.id })
				)
				.map((area) => ({
					areaId: area.id,
					areaLabel: area.label,
					statements: area.statements.map((statement) => ({
						statementId: statement.id,
						text: statement.text,
						levels: effectiveScale(area, statement).levels.map((level, index) => ({
							levelId: level.id,
							label: level.label,
							position: index + 1
						}))
					}))
				}));
			if (areas.length === 0) return [];
			return [
				{
					measurementPointId: point.id,
					measurementPointLabel: point.label,
					timing: point.timing,
					raterId: rater.id,
					raterLabel: rater.label,
					areas,
					measures: { hasHoursPerWeek, hasTasks },
					subGoals: subGoalsAt(template, point.id)
				}
			];
		})
	);
}
