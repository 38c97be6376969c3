/**
 * The checks of `validateDrejebog` for the two rule sections: "CV og Min Plan" (the rater, point
 * and free-text sections it names exist; a level position every scale has) and "Hurtig reaktion"
 * (texts, day counts, and points and raters that exist, in order).
 */
import { MAX_SCALE_LEVELS } from '../limits.ts';
import { effectiveScale, type Template } from '../template/schemas.ts';
import { MAX_MISSED_DAYS, MAX_REACTION_TEXT_LENGTH, MAX_REACTIONS } from './limits.ts';
import { drejebogProblem, type DrejebogCollector } from './problems.ts';
import type { Drejebog, LevelThreshold } from './schemas.ts';
import { checkText } from './validate-own.ts';

/** Every problem of the rule sections that does not depend on the template. */
export function checkRulesOwn(drejebog: Drejebog, add: DrejebogCollector): void {
	const { cvPlan, reactions } = drejebog;
	for (const key of ['cvThreshold', 'minPlanThreshold'] as const) {
		const threshold = cvPlan[key];
		if (
			threshold.kind === 'position' &&
			!(
				Number.isInteger(threshold.position) &&
				threshold.position >= 1 &&
				threshold.position <= MAX_SCALE_LEVELS
			)
		) {
			add(
				drejebogProblem('cvPlan.threshold.outOfRange', ['cvPlan', key], { max: MAX_SCALE_LEVELS })
			);
		}
	}
	if (reactions.length > MAX_REACTIONS) {
		add(
			drejebogProblem('reactions.tooMany', ['reactions'], {
				count: reactions.length,
				max: MAX_REACTIONS
			})
		);
	}
	reactions.forEach((reaction, index) => {
		const path = ['reactions', reaction.id];
		const params = { position: index + 1 };
		const { condition } = reaction;
		if (condition.kind === 'custom') {
			checkText({
				value: condition.text,
				max: MAX_REACTION_TEXT_LENGTH,
				path: [...path, 'text'],
				params,
				empty: 'reaction.text.empty',
				tooLong: 'reaction.text.tooLong',
				add
			});
		}
		if (condition.kind === 'missedRating') {
			const { days } = condition;
			if (!(Number.isInteger(days) && days >= 1 && days <= MAX_MISSED_DAYS)) {
				add(
					drejebogProblem('reaction.days.outOfRange', [...path, 'days'], {
						...params,
						max: MAX_MISSED_DAYS
					})
				);
			}
		}
		checkText({
			value: reaction.action,
			max: MAX_REACTION_TEXT_LENGTH,
			path: [...path, 'action'],
			params,
			tooLong: 'reaction.action.tooLong',
			add
		});
	});
}

/** The first scale of `template` too short for `threshold`, with its owner's label. */
function shortScale(
	threshold: LevelThreshold,
	template: Template
): { owner: string; count: number } | null {
	if (threshold.kind !== 'position') return null;
	for (const area of template.areas) {
		const owners = [{ label: area.label, levels: area.scale.levels.length }];
		for (const statement of area.statements) {
			if (statement.scale) {
				owners.push({
					label: statement.text,
					levels: effectiveScale(area, statement).levels.length
				});
			}
		}
		const short = owners.find((o) => o.levels < threshold.position);
		if (short) return { owner: short.label.trim(), count: short.levels };
	}
	return null;
}

function checkCvPlan(drejebog: Drejebog, template: Template, add: DrejebogCollector): void {
	const { cvPlan } = drejebog;
	const hasPoint = (id: string) => template.measurementPoints.some((p) => p.id === id);
	if (cvPlan.basis.kind === 'rater') {
		const { raterId } = cvPlan.basis;
		if (!template.raters.some((r) => r.id === raterId)) {
			add(drejebogProblem('cvPlan.rater.unknown', ['cvPlan', 'basis']));
		}
	}
	if (cvPlan.point.kind === 'point' && !hasPoint(cvPlan.point.measurementPointId)) {
		add(drejebogProblem('cvPlan.point.unknown', ['cvPlan', 'point']));
	}
	for (const key of ['cvSectionIds', 'minPlanSectionIds'] as const) {
		if (cvPlan[key].some((id) => !template.freeTextSections.some((s) => s.id === id))) {
			add(drejebogProblem('cvPlan.section.unknown', ['cvPlan', key]));
		}
	}
	for (const key of ['cvThreshold', 'minPlanThreshold'] as const) {
		const short = shortScale(cvPlan[key], template);
		const threshold = cvPlan[key];
		if (short && threshold.kind === 'position') {
			add(
				drejebogProblem('cvPlan.threshold.unreachable', ['cvPlan', key], {
					...short,
					position: threshold.position
				})
			);
		}
	}
}

function checkReactions(drejebog: Drejebog, template: Template, add: DrejebogCollector): void {
	const pointIndex = (id: string) => template.measurementPoints.findIndex((p) => p.id === id);
	drejebog.reactions.forEach((reaction, index) => {
		const path = ['reactions', reaction.id];
		const params = { position: index + 1 };
		const { condition } = reaction;
		if (condition.kind === 'noProgress') {
			const from = pointIndex(condition.fromPointId);
			const to = pointIndex(condition.toPointId);
			if (from < 0 || to < 0) {
				add(drejebogProblem('reaction.point.unknown', [...path, 'points'], params));
			} else if (from >= to) {
				add(drejebogProblem('reaction.points.outOfOrder', [...path, 'points'], params));
			}
		}
		if (condition.kind === 'missedRating' && condition.raterId !== null) {
			const { raterId } = condition;
			if (!template.raters.some((r) => r.id === raterId)) {
				add(drejebogProblem('reaction.rater.unknown', [...path, 'rater'], params));
			}
		}
	});
}

/** Every problem of the rule sections against `template`. */
export function checkRulesAgainst(
	drejebog: Drejebog,
	template: Template,
	add: DrejebogCollector
): void {
	checkCvPlan(drejebog, template, add);
	checkReactions(drejebog, template, add);
}
