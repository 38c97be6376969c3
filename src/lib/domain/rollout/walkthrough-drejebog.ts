/**
 * The walkthrough's steps about the drejebog of a version: each stage with who does what when,
 * the "CV og Min Plan" and "Hurtig reaktion" rules, how to start a case in operation, and the
 * practice læringsbevis for an invented young person.
 */
import { isRichTextEmpty } from '../template/rich-text.ts';
import type { Template } from '../template/schemas.ts';
import type { Drejebog, LevelThreshold, Step, When } from '../drejebog/schemas.ts';
import { stageWhoQuestion } from './questions.ts';
import { firstReachedLevelIndex } from '../template/laeringsbevis.ts';
import type { Block, DrejebogStepView, PracticeCase, Txt, WalkthroughStep } from './schemas.ts';
import { timingText } from './walkthrough-template.ts';

const key = (k: string, params?: Record<string, string | number>): Txt =>
	params ? { key: k, params } : { key: k };

/** When a drejebog step happens, in words. */
export function whenText(when: When, template: Template): Txt {
	if (when.kind === 'free') return { text: when.text };
	const point =
		when.kind === 'point'
			? (template.measurementPoints.find((p) => p.id === when.measurementPointId)?.label ?? '')
			: '';
	const moment = when.kind;
	if (when.offsetWeeks === 0) return key(`rollout.when.${moment}.at`, { point });
	const direction = when.offsetWeeks < 0 ? 'before' : 'after';
	return key(`rollout.when.${moment}.${direction}`, { point, count: Math.abs(when.offsetWeeks) });
}

function stepView(step: Step, template: Template): DrejebogStepView {
	return {
		title: step.title,
		who: [
			...step.who.roles.map((role) => key(`drejebog.role.${role}`)),
			...step.who.customRoles.map((c) => ({ text: c.label }))
		],
		when: whenText(step.when, template),
		produces: step.produces === 'none' ? null : key(`drejebog.product.${step.produces}`),
		checklist: step.checklist.map((item) => item.text),
		guidance: isRichTextEmpty(step.guidance) ? null : step.guidance
	};
}

/** One step per drejebog stage, with the "who does it" question where the stage names someone. */
export function stageSteps(drejebog: Drejebog, template: Template): WalkthroughStep[] {
	return drejebog.stages.map((stage) => {
		const id = `stage-${stage.id}`;
		const blocks: Block[] =
			stage.steps.length === 0
				? [{ type: 'paragraph', text: key('rollout.walk.stage.empty') }]
				: [{ type: 'steps', items: stage.steps.map((step) => stepView(step, template)) }];
		return {
			id,
			kind: 'stage',
			title: key('rollout.walk.stage.title', { label: stage.label }),
			learningGoal: 'role',
			requiresAck: true,
			blocks,
			question: stageWhoQuestion(id, stage, drejebog.stages)
		};
	});
}

function thresholdText(threshold: LevelThreshold): Txt {
	return threshold.kind === 'upperHalf'
		? key('rollout.walk.rules.upperHalf')
		: key('rollout.walk.rules.position', { position: threshold.position });
}

/** The "CV og Min Plan" rule and the "Hurtig reaktion" rules in plain words. */
export function rulesStep(drejebog: Drejebog, template: Template): WalkthroughStep {
	const { cvPlan } = drejebog;
	const pointLabel =
		cvPlan.point.kind === 'last'
			? (template.measurementPoints.at(-1)?.label ?? '')
			: (template.measurementPoints.find(
					(p) => cvPlan.point.kind === 'point' && p.id === cvPlan.point.measurementPointId
				)?.label ?? '');
	const basis =
		cvPlan.basis.kind === 'agreed'
			? key('rollout.walk.rules.agreed')
			: {
					text:
						template.raters.find(
							(r) => cvPlan.basis.kind === 'rater' && r.id === cvPlan.basis.raterId
						)?.label ?? ''
				};
	const pointName = (id: string) =>
		template.measurementPoints.find((p) => p.id === id)?.label ?? '';
	const reactions: Txt[] = drejebog.reactions.map((reaction) => {
		const { condition } = reaction;
		const action = reaction.action;
		if (condition.kind === 'noProgress') {
			return key('rollout.walk.rules.noProgress', {
				from: pointName(condition.fromPointId),
				to: pointName(condition.toPointId),
				action
			});
		}
		if (condition.kind === 'missedRating') {
			return key('rollout.walk.rules.missedRating', { count: condition.days, action });
		}
		return key('rollout.walk.rules.custom', { condition: condition.text, action });
	});
	const blocks: Block[] = [
		{
			type: 'definitions',
			items: [
				{ term: key('rollout.walk.rules.basis'), description: basis },
				{ term: key('rollout.walk.rules.point'), description: { text: pointLabel } },
				{ term: key('rollout.walk.rules.cv'), description: thresholdText(cvPlan.cvThreshold) },
				{
					term: key('rollout.walk.rules.minPlan'),
					description: thresholdText(cvPlan.minPlanThreshold)
				}
			]
		}
	];
	if (reactions.length > 0) {
		blocks.push({ type: 'list', title: key('rollout.walk.rules.reactions'), items: reactions });
	}
	return {
		id: 'rules',
		kind: 'rules',
		title: key('rollout.walk.rules.title'),
		learningGoal: 'method',
		requiresAck: true,
		blocks,
		question: null
	};
}

/** How a staff member starts a case once the version is in operation. */
export function startCaseStep(template: Template): WalkthroughStep {
	return {
		id: 'start-case',
		kind: 'startCase',
		title: key('rollout.walk.start.title'),
		learningGoal: 'method',
		requiresAck: true,
		blocks: [
			{
				type: 'list',
				items: [
					key('rollout.walk.start.open'),
					key(
						template.goals.isIncluded ? 'rollout.walk.start.goals' : 'rollout.walk.start.noGoals'
					),
					key('rollout.walk.start.points', {
						points: template.measurementPoints.map((p) => p.label).join(', ')
					}),
					key('rollout.walk.start.end')
				]
			},
			{
				type: 'definitions',
				items: template.measurementPoints.map((point) => ({
					term: { text: point.label },
					description: timingText(point)
				}))
			}
		],
		question: null
	};
}

/** The practice læringsbevis: staff fill one in for an invented young person (sandbox). */
export function practiceStep(template: Template): WalkthroughStep {
	const practice: PracticeCase = {
		name: 'Mikkel Testesen',
		areas: template.areas.map((area) => ({
			id: area.id,
			label: area.label,
			levels: area.scale.levels.map((l) => ({ id: l.id, label: l.label })),
			reachedFrom: firstReachedLevelIndex(area.scale.levels.length),
			statements: area.statements.map((s) => ({ id: s.id, text: s.text, cvPhrase: s.cvPhrase }))
		}))
	};
	return {
		id: 'practice',
		kind: 'practice',
		title: key('rollout.walk.practice.title'),
		learningGoal: 'method',
		requiresAck: true,
		blocks: [
			{ type: 'paragraph', text: key('rollout.walk.practice.intro', { name: practice.name }) },
			{ type: 'practice', practice }
		],
		question: null
	};
}
