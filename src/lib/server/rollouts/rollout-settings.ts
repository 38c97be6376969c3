/**
 * Single changes to a session's settings from the dashboard's forms: one more slide, editing or
 * deleting one, one step's learning-goal kind. All go through `updateSettings`, which checks the
 * facilitator and that the session is open.
 */
import type { Actor } from '#lib/domain/permissions.ts';
import { NotFoundError } from '#lib/domain/errors.ts';
import { richTextToSlideText } from '#lib/domain/rollout/slide-text.ts';
import {
	findStep,
	slideSchema,
	type LearningGoalKind,
	type Slide
} from '#lib/domain/rollout/index.ts';
import { loadRollout, requireFacilitator } from './rollout-access.ts';
import { movePresenter, updateSettings } from './rollouts.ts';
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

/** A slide as the dashboard's edit form shows it: the body as the text it is written in. */
export type EditableSlide = Omit<Slide, 'body' | 'question'> & { text: string };

/** The facilitator's own slides, in the order added, for editing. @throws ForbiddenError */
export function editableSlides(actor: Actor, rolloutId: string): EditableSlide[] {
	const rollout = loadRollout(actor, rolloutId);
	requireFacilitator(actor, rollout);
	return rollout.settings.slides.map(({ body, question: _question, ...rest }) => ({
		...rest,
		text: richTextToSlideText(body)
	}));
}

function slideIndex(slides: readonly Slide[], slideId: string): number {
	const index = slides.findIndex((s) => s.id === slideId);
	if (index < 0) throw new NotFoundError('rollout.error.unknownStep');
	return index;
}

/** Replaces a slide's title, body, place, learning goal and "Forstået"; its question stays. */
export function editSlide(
	actor: Actor,
	rolloutId: string,
	slideId: string,
	changes: Omit<Slide, 'id' | 'question'>
): void {
	const rollout = loadRollout(actor, rolloutId);
	requireFacilitator(actor, rollout);
	const { settings } = rollout;
	const index = slideIndex(settings.slides, slideId);
	const slides = [...settings.slides];
	slides[index] = slideSchema.parse({ ...slides[index], ...changes, id: slideId });
	// The form's learning goal is the slide's own; drop an older per-step choice that would win.
	const { [`slide-${slideId}`]: _old, ...learningGoals } = settings.learningGoals;
	updateSettings(actor, rolloutId, { slides, learningGoals });
}

/**
 * Deletes a slide. A presenter standing on it moves to the step before it first, so followers are
 * never left on a step that is gone.
 */
export function deleteSlide(actor: Actor, rolloutId: string, slideId: string): void {
	const rollout = loadRollout(actor, rolloutId);
	requireFacilitator(actor, rollout);
	const { settings, walkthrough, row } = rollout;
	slideIndex(settings.slides, slideId);
	const stepId = `slide-${slideId}`;
	if (row.presenter_step_id === stepId) {
		const at = walkthrough.steps.findIndex((s) => s.id === stepId);
		const fallback = walkthrough.steps[at - 1] ?? walkthrough.steps[at + 1];
		if (fallback) movePresenter(actor, rolloutId, fallback.id);
	}
	const { [stepId]: _old, ...learningGoals } = settings.learningGoals;
	updateSettings(actor, rolloutId, {
		slides: settings.slides.filter((s) => s.id !== slideId),
		learningGoals
	});
}
