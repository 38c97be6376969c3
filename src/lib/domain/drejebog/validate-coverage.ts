/**
 * The checks of `validateDrejebog` against the workshop's template: every link and timing names a
 * part the template has; every measurement point has a step at it; every rater who rates somewhere
 * in the rating plan is named by a step at one of the points where they rate; and the goal and
 * sub-goals are agreed in a step before the internship starts.
 */
import { plannedCells } from '../template/plan.ts';
import type { Template } from '../template/schemas.ts';
import { drejebogProblem, type DrejebogCollector } from './problems.ts';
import { whoIncludesRater } from './roles.ts';
import type { Drejebog, Link, Step } from './schemas.ts';
import { isBeforeInternship, pointsOfStep } from './timing.ts';

/** A step with where it sits, for checks across the whole drejebog. */
type PlacedStep = { step: Step; stageId: string; stageIndex: number };

function placedSteps(drejebog: Drejebog): PlacedStep[] {
	return drejebog.stages.flatMap((stage, stageIndex) =>
		stage.steps.map((step) => ({ step, stageId: stage.id, stageIndex }))
	);
}

/** True when the part a link names is in `template` (the goal part always is). */
export function linkExists(link: Link, template: Template): boolean {
	switch (link.kind) {
		case 'measurementPoint':
			return template.measurementPoints.some((p) => p.id === link.id);
		case 'area':
			return template.areas.some((a) => a.id === link.id);
		case 'goals':
			return true;
		case 'freeTextSection':
			return template.freeTextSections.some((s) => s.id === link.id);
	}
}

function checkReferences(
	steps: readonly PlacedStep[],
	template: Template,
	add: DrejebogCollector
): void {
	for (const { step, stageId } of steps) {
		const path = ['stages', stageId, 'steps', step.id];
		const params = { step: step.title.trim() };
		if (step.link && !linkExists(step.link, template)) {
			add(drejebogProblem('step.link.unknown', [...path, 'link'], params));
		}
		const { when } = step;
		if (
			when.kind === 'point' &&
			!template.measurementPoints.some((p) => p.id === when.measurementPointId)
		) {
			add(drejebogProblem('step.when.point.unknown', [...path, 'when'], params));
		}
	}
}

function checkPoints(
	steps: readonly PlacedStep[],
	template: Template,
	add: DrejebogCollector
): void {
	const covered = new Set(steps.flatMap(({ step }) => pointsOfStep(step)));
	for (const point of template.measurementPoints) {
		if (!covered.has(point.id)) {
			add(
				drejebogProblem('coverage.measurementPoint', ['coverage', 'measurementPoints', point.id], {
					label: point.label.trim()
				})
			);
		}
	}
}

function checkRaters(
	steps: readonly PlacedStep[],
	template: Template,
	add: DrejebogCollector
): void {
	const cells = plannedCells(template);
	for (const rater of template.raters) {
		const points = new Set(
			cells.filter((c) => c.raterId === rater.id).map((c) => c.measurementPointId)
		);
		// A rater the plan never asks to rate needs no step.
		if (points.size === 0) continue;
		const isCovered = steps.some(
			({ step }) =>
				pointsOfStep(step).some((id) => points.has(id)) && whoIncludesRater(step.who, rater.label)
		);
		if (isCovered) continue;
		const labels = template.measurementPoints
			.filter((p) => points.has(p.id))
			.map((p) => p.label.trim())
			.join(', ');
		add(
			drejebogProblem('coverage.rater', ['coverage', 'raters', rater.id], {
				label: rater.label.trim(),
				points: labels
			})
		);
	}
}

function checkGoalSetting(
	steps: readonly PlacedStep[],
	template: Template,
	add: DrejebogCollector
): void {
	const hasGoalSetting = steps.some(
		({ step, stageIndex }) =>
			step.link?.kind === 'goals' && isBeforeInternship(step, stageIndex, template)
	);
	if (!hasGoalSetting) add(drejebogProblem('coverage.goalSetting', ['coverage', 'goalSetting']));
}

/** Every problem of the drejebog's steps against `template`. */
export function checkSteps(drejebog: Drejebog, template: Template, add: DrejebogCollector): void {
	const steps = placedSteps(drejebog);
	checkReferences(steps, template, add);
	checkPoints(steps, template, add);
	checkRaters(steps, template, add);
	checkGoalSetting(steps, template, add);
}
