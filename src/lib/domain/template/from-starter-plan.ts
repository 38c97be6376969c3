/**
 * The parts of a starter that refer to other items by label or text (rating rules, signers linked
 * to raters, sub-goals linked to statements), turned into ids of the template being made.
 * References that match nothing are left out; `unresolvedStarterReferences` lists them so the
 * starter tests can insist there are none.
 */
import {
	DEFAULT_GOAL_GUIDANCE,
	DEFAULT_GOAL_LABEL,
	DEFAULT_GOAL_STATUSES,
	DEFAULT_SIGNATURE
} from './defaults.ts';
import { ratingPlanFrom } from './plan.ts';
import type { Goals, RatingPlan, Signer } from './plan-schemas.ts';
import { toRichText } from './rich-text.ts';
import type { Template } from './schemas.ts';
import type { StarterTemplate } from './starter-schema.ts';
import { normalizeLabel } from './validate-labels.ts';

/** The items a starter's references are resolved against. */
type Built = Pick<Template, 'areas' | 'measurementPoints' | 'raters'>;

function byLabel<T extends { label: string }>(items: readonly T[], label: string): T | undefined {
	return items.find((item) => normalizeLabel(item.label) === normalizeLabel(label));
}

function statementByText(built: Built, text: string) {
	const wanted = normalizeLabel(text);
	return built.areas
		.flatMap((area) => area.statements)
		.find((statement) => normalizeLabel(statement.text) === wanted);
}

/** The starter's rating rules as a plan; no rules means everybody rates everything. */
export function starterRatingPlan(starter: StarterTemplate, built: Built): RatingPlan {
	const rules = starter.ratingPlan;
	if (!rules) return [];
	const labelOf = (items: readonly { id: string; label: string }[], id: string) =>
		normalizeLabel(items.find((item) => item.id === id)?.label ?? '');
	return ratingPlanFrom(built, (cell) => {
		const rater = labelOf(built.raters, cell.raterId);
		const point = labelOf(built.measurementPoints, cell.measurementPointId);
		const category = built.areas.find((area) => area.id === cell.areaId)?.category;
		return rules.some(
			(rule) =>
				normalizeLabel(rule.rater) === rater &&
				rule.measurementPoints.some((label) => normalizeLabel(label) === point) &&
				category !== undefined &&
				rule.categories.includes(category)
		);
	});
}

/** The starter's signers with ids, linked to the raters their `rater` label names. */
export function starterSigners(starter: StarterTemplate, built: Built): Signer[] {
	const signature = starter.signature ?? DEFAULT_SIGNATURE;
	return signature.signers.map((signer, index) => ({
		id: `${starter.id}-u${index + 1}`,
		label: signer.label,
		raterId: signer.rater === null ? null : (byLabel(built.raters, signer.rater)?.id ?? null)
	}));
}

/** The starter's goal part (the defaults when it has none), switched on. */
export function starterGoals(starter: StarterTemplate, built: Built): Goals {
	const goals = starter.goals ?? { subGoals: [] };
	const points = goals.measurementPoints
		? built.measurementPoints.filter((p) => goals.measurementPoints?.some((l) => byLabel([p], l)))
		: built.measurementPoints;
	return {
		isIncluded: true,
		label: goals.label ?? DEFAULT_GOAL_LABEL,
		guidance: toRichText(goals.guidance ?? DEFAULT_GOAL_GUIDANCE),
		subGoals: goals.subGoals.map((subGoal, index) => ({
			id: `${starter.id}-d${index + 1}`,
			text: subGoal.text,
			statementIds: subGoal.statements.flatMap((text) => statementByText(built, text)?.id ?? [])
		})),
		statuses: (goals.statuses ?? DEFAULT_GOAL_STATUSES).map((label, index) => ({
			id: `${starter.id}-g${index + 1}`,
			label
		})),
		measurementPointIds: points.map((point) => point.id)
	};
}

/** Every label or text in `starter` that refers to something the starter does not have. */
export function unresolvedStarterReferences(starter: StarterTemplate, built: Built): string[] {
	const unresolved: string[] = [];
	for (const rule of starter.ratingPlan ?? []) {
		if (!byLabel(built.raters, rule.rater)) unresolved.push(`rater "${rule.rater}"`);
		for (const label of rule.measurementPoints) {
			if (!byLabel(built.measurementPoints, label)) unresolved.push(`point "${label}"`);
		}
		for (const category of rule.categories) {
			if (!built.areas.some((a) => a.category === category)) unresolved.push(`area ${category}`);
		}
	}
	for (const signer of (starter.signature ?? DEFAULT_SIGNATURE).signers) {
		if (signer.rater !== null && !byLabel(built.raters, signer.rater)) {
			unresolved.push(`signer's rater "${signer.rater}"`);
		}
	}
	for (const subGoal of starter.goals?.subGoals ?? []) {
		for (const text of subGoal.statements) {
			if (!statementByText(built, text)) unresolved.push(`statement "${text}"`);
		}
	}
	for (const label of starter.goals?.measurementPoints ?? []) {
		if (!byLabel(built.measurementPoints, label)) unresolved.push(`goal point "${label}"`);
	}
	return unresolved;
}
