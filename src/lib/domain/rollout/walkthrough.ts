/**
 * The walkthrough of a published version: generated from its content every time it is needed
 * (never stored, so it cannot drift from the version), then the facilitator's slides and chosen
 * learning-goal kinds applied (`applySettings`). The order follows the day: why, what is rated
 * and how, who rates when, the finished product, the drejebog stage by stage and its rules, how
 * to start a case, and a practice case.
 */
import type { Drejebog } from '../drejebog/schemas.ts';
import type { Template } from '../template/schemas.ts';
import { slideQuestion } from './questions.ts';
import type {
	CheckQuestion,
	Walkthrough,
	WalkthroughSettings,
	WalkthroughStep,
	Slide
} from './schemas.ts';
import {
	areaSteps,
	exampleSteps,
	purposeStep,
	ratingPlanStep,
	type VersionMeta
} from './walkthrough-template.ts';
import { practiceStep, rulesStep, stageSteps, startCaseStep } from './walkthrough-drejebog.ts';

export type { VersionMeta } from './walkthrough-template.ts';

/** What a walkthrough is generated from: a published version's content and its number and note. */
export type WalkthroughSource = { template: Template; drejebog: Drejebog; meta: VersionMeta };

/** The generated steps of a version, before any slide. Pure and deterministic. */
export function generateWalkthrough(source: WalkthroughSource): Walkthrough {
	const { template, drejebog, meta } = source;
	return {
		steps: [
			purposeStep(template, drejebog, meta),
			...areaSteps(template),
			ratingPlanStep(template),
			...exampleSteps(template),
			...stageSteps(drejebog, template),
			rulesStep(drejebog, template),
			startCaseStep(template),
			practiceStep(template)
		]
	};
}

/** A facilitator's slide as a step. */
export function slideStep(slide: Slide): WalkthroughStep {
	const id = `slide-${slide.id}`;
	return {
		id,
		kind: 'slide',
		title: { text: slide.title },
		learningGoal: slide.learningGoal,
		requiresAck: slide.requiresAck,
		blocks: [{ type: 'rich', content: slide.body }],
		question: slide.question ? slideQuestion(id, slide.question) : null
	};
}

/**
 * The walkthrough with the facilitator's settings: each slide after the step it names (first when
 * it names none; at the end when its step is not in this walkthrough), in the order given, and
 * the learning-goal kinds chosen for steps.
 */
export function applySettings(
	walkthrough: Walkthrough,
	settings: WalkthroughSettings
): Walkthrough {
	const known = new Set(walkthrough.steps.map((s) => s.id));
	const after = new Map<string | null, WalkthroughStep[]>();
	for (const slide of settings.slides) {
		const anchor =
			slide.afterStepId !== null && known.has(slide.afterStepId) ? slide.afterStepId : undefined;
		const place = anchor ?? (slide.afterStepId === null ? null : '\u0000end');
		after.set(place, [...(after.get(place) ?? []), slideStep(slide)]);
	}
	const withGoal = (step: WalkthroughStep): WalkthroughStep => {
		const chosen = settings.learningGoals[step.id];
		return chosen ? { ...step, learningGoal: chosen } : step;
	};
	const steps = [
		...(after.get(null) ?? []),
		...walkthrough.steps.flatMap((step) => [step, ...(after.get(step.id) ?? [])]),
		...(after.get('\u0000end') ?? [])
	].map(withGoal);
	return { steps };
}

/** The step with `stepId`, or null. */
export function findStep(walkthrough: Walkthrough, stepId: string): WalkthroughStep | null {
	return walkthrough.steps.find((s) => s.id === stepId) ?? null;
}

/** Every check question of the walkthrough with the step it is on. */
export function questionsOf(
	walkthrough: Walkthrough
): { stepId: string; question: CheckQuestion }[] {
	return walkthrough.steps.flatMap((step) =>
		step.question ? [{ stepId: step.id, question: step.question }] : []
	);
}
