/**
 * The blank rating forms a template implies: one per rater and measurement point at which the
 * rating plan has them rate something, listing the statements of the planned areas with the levels
 * of their scale. Every rating on a form can also be answered "ikke vurderet" (not tried yet, or
 * not relevant) and take a comment; a printed form shows both next to the levels.
 */
import { ratingPlanLookup } from './plan.ts';
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
};

/** The forms of `template`, in measurement point order and then rater order. */
export function describeRatingForms(template: Template): RatingForm[] {
	const rates = ratingPlanLookup(template.ratingPlan);
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
					areas
				}
			];
		})
	);
}
