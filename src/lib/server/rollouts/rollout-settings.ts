/**
 * Single changes to a session's settings from the dashboard's forms: one more slide, one step's
 * learning-goal kind. Both go through `updateSettings`, which checks the facilitator and that the
 * session is open.
 */
import type { Actor } from '#lib/domain/permissions.ts';
import { NotFoundError } from '#lib/domain/errors.ts';
import {
	findStep,
	slideSchema,
	type LearningGoalKind,
	type Slide
} from '#lib/domain/rollout/index.ts';
import { loadRollout } from './rollout-access.ts';
import { updateSettings } from './rollouts.ts';
import { newId } from '../platform/ids.ts';

/** Adds a slide of the facilitator's own (an id is made here). */
export function addSlide(actor: Actor, rolloutId: string, slide: Omit<Slide, 'id'>): void {
	const { settings } = loadRollout(actor, rolloutId);
	const id =
		newId()
			.toLowerCase()
			.replace(/[^a-z0-9]/g, '')
			.slice(0, 12) || 'slide';
	const parsed = slideSchema.parse({ ...slide, id });
	updateSettings(actor, rolloutId, { ...settings, slides: [...settings.slides, parsed] });
}

/** Sets the learning-goal kind of one step. */
export function setLearningGoal(
	actor: Actor,
	rolloutId: string,
	stepId: string,
	kind: LearningGoalKind
): void {
	const rollout = loadRollout(actor, rolloutId);
	if (!findStep(rollout.walkthrough, stepId)) throw new NotFoundError('rollout.error.unknownStep');
	updateSettings(actor, rolloutId, {
		...rollout.settings,
		learningGoals: { ...rollout.settings.learningGoals, [stepId]: kind }
	});
}
