/**
 * Check questions: the ones generated from a version (each asks something the version itself
 * decides, so the right answer can never drift from it), the facilitator's own on slides, and
 * grading. An answer is right when it picks exactly the right options.
 */
import { firstReachedLevelIndex } from '../template/laeringsbevis.ts';
import { plannedCells } from '../template/plan.ts';
import type { CompetenceArea, Template } from '../template/schemas.ts';
import { STANDARD_ROLES, type Stage } from '../drejebog/schemas.ts';
import type { CheckQuestion, SlideQuestionInput } from './schemas.ts';

/** The purpose step's question: what each of the two instruments is for. */
export function purposeQuestion(stepId: string): CheckQuestion {
	return {
		id: `q-${stepId}`,
		prompt: { key: 'rollout.q.purpose.prompt' },
		options: [
			{ id: 'follow', text: { key: 'rollout.q.purpose.follow' } },
			{ id: 'cv', text: { key: 'rollout.q.purpose.cv' } },
			{ id: 'grade', text: { key: 'rollout.q.purpose.grade' } }
		],
		correctOptionIds: ['follow'],
		explanation: { key: 'rollout.q.purpose.explanation' }
	};
}

/** From which level of the area's scale a statement counts as reached in the læringsbevis. */
export function reachedLevelQuestion(stepId: string, area: CompetenceArea): CheckQuestion | null {
	const { levels } = area.scale;
	if (levels.length < 2) return null;
	const reached = levels[firstReachedLevelIndex(levels.length)];
	return {
		id: `q-${stepId}`,
		prompt: { key: 'rollout.q.reached.prompt', params: { area: area.label } },
		options: levels.map((level) => ({ id: level.id, text: { text: level.label } })),
		correctOptionIds: [reached.id],
		explanation: { key: 'rollout.q.reached.explanation', params: { level: reached.label } }
	};
}

/** Who rates at the first measurement point, by the rating plan. */
export function firstPointRatersQuestion(stepId: string, template: Template): CheckQuestion | null {
	const point = template.measurementPoints[0];
	if (!point || template.raters.length < 2) return null;
	const rating = new Set(
		plannedCells(template)
			.filter((cell) => cell.measurementPointId === point.id)
			.map((cell) => cell.raterId)
	);
	const correct = template.raters.filter((r) => rating.has(r.id));
	if (correct.length === 0) return null;
	return {
		id: `q-${stepId}`,
		prompt: { key: 'rollout.q.raters.prompt', params: { point: point.label } },
		options: template.raters.map((rater) => ({ id: rater.id, text: { text: rater.label } })),
		correctOptionIds: correct.map((r) => r.id),
		explanation: {
			key: 'rollout.q.raters.explanation',
			params: { point: point.label, raters: correct.map((r) => r.label).join(', ') }
		}
	};
}

/**
 * Who does the stage's first step that names someone; the options are every role the drejebog
 * names anywhere (standard roles first, then custom ones), so the question is never trivial.
 */
export function stageWhoQuestion(
	stepId: string,
	stage: Stage,
	allStages: readonly Stage[]
): CheckQuestion | null {
	const step = stage.steps.find((s) => s.who.roles.length + s.who.customRoles.length > 0);
	if (!step) return null;
	const allSteps = allStages.flatMap((s) => s.steps);
	const standard = STANDARD_ROLES.filter((role) =>
		allSteps.some((s) => s.who.roles.includes(role))
	);
	const custom = new Map<string, string>();
	for (const s of allSteps) for (const c of s.who.customRoles) custom.set(c.id, c.label);
	const options = [
		...standard.map((role) => ({ id: role, text: { key: `drejebog.role.${role}` } })),
		...[...custom].map(([id, label]) => ({ id, text: { text: label } }))
	];
	if (options.length < 2) return null;
	return {
		id: `q-${stepId}`,
		prompt: { key: 'rollout.q.who.prompt', params: { step: step.title } },
		options,
		correctOptionIds: [...step.who.roles, ...step.who.customRoles.map((c) => c.id)],
		explanation: { key: 'rollout.q.who.explanation', params: { step: step.title } }
	};
}

/** A slide's question as the facilitator wrote it. */
export function slideQuestion(stepId: string, input: SlideQuestionInput): CheckQuestion {
	return {
		id: `q-${stepId}`,
		prompt: { text: input.prompt },
		options: input.options.map((text, index) => ({ id: `o${index}`, text: { text } })),
		correctOptionIds: [...new Set(input.correct)].sort((a, b) => a - b).map((i) => `o${i}`),
		explanation: { text: input.explanation }
	};
}

/** Why an answer cannot be taken: an option the question does not have, or none. */
export type AnswerProblem = 'unknownOption' | 'noChoice';

/** Checks `choices` against `question`: the problem, or whether the answer is right. */
export function gradeAnswer(
	question: CheckQuestion,
	choices: readonly string[]
): { ok: false; problem: AnswerProblem } | { ok: true; isCorrect: boolean; choices: string[] } {
	const chosen = [...new Set(choices)];
	if (chosen.length === 0) return { ok: false, problem: 'noChoice' };
	const known = new Set(question.options.map((o) => o.id));
	if (chosen.some((id) => !known.has(id))) return { ok: false, problem: 'unknownOption' };
	const correct = new Set(question.correctOptionIds);
	const isCorrect = chosen.length === correct.size && chosen.every((id) => correct.has(id));
	// Options in the question's order, so the same answer is stored the same way.
	const ordered = question.options.map((o) => o.id).filter((id) => chosen.includes(id));
	return { ok: true, isCorrect, choices: ordered };
}
