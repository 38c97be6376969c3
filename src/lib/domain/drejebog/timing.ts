/**
 * What a step's timing and link say about the template's measurement points: which point a step
 * is at (covers), and whether it happens before the internship starts.
 */
import type { Template } from '../template/schemas.ts';
import type { Step } from './step-schemas.ts';

/** The measurement point ids a step is at: the one its timing names and the one it links to. */
export function pointsOfStep(step: Pick<Step, 'when' | 'link'>): string[] {
	const ids: string[] = [];
	if (step.when.kind === 'point') ids.push(step.when.measurementPointId);
	if (step.link?.kind === 'measurementPoint' && !ids.includes(step.link.id)) ids.push(step.link.id);
	return ids;
}

/** True when the point with `pointId` is the internship's start in `template`. */
function isStartPoint(template: Pick<Template, 'measurementPoints'>, pointId: string): boolean {
	const point = template.measurementPoints.find((p) => p.id === pointId);
	return point?.timing?.kind === 'start';
}

/**
 * True when a step happens before the internship starts, or at its start (the start meeting): at
 * the start or at a point timed at the start, zero or more weeks before it. A step timed in free
 * words counts as before when it is in the first stage ("Før praktik").
 */
export function isBeforeInternship(
	step: Pick<Step, 'when'>,
	stageIndex: number,
	template: Pick<Template, 'measurementPoints'>
): boolean {
	const { when } = step;
	switch (when.kind) {
		case 'start':
			return when.offsetWeeks <= 0;
		case 'point':
			return isStartPoint(template, when.measurementPointId) && when.offsetWeeks <= 0;
		case 'end':
			return false;
		case 'free':
			return stageIndex === 0;
	}
}
