/**
 * The walkthrough generated from a published version: its steps in the day's order, each part
 * of the version in it, stable ids, questions whose right answers come from the version, the
 * facilitator's slides and learning-goal kinds, and every generated text a message that exists in
 * both languages with the values its placeholders need.
 */
import { describe, expect, it } from 'vitest';
import da from '../../../../src/lib/i18n/messages/da.json' with { type: 'json' };
import en from '../../../../src/lib/i18n/messages/en.json' with { type: 'json' };
import {
	applySettings,
	generateWalkthrough,
	gradeAnswer,
	questionsOf,
	slideQuestion,
	type Block,
	type Slide,
	type Txt,
	type Walkthrough,
	type WalkthroughSource
} from '#lib/domain/rollout/index.ts';
import { starterDrejebog, type Drejebog } from '#lib/domain/drejebog/index.ts';
import {
	firstReachedLevelIndex,
	plannedCells,
	textToRichText,
	type Template
} from '#lib/domain/template/index.ts';
import { WORKPLACE_STARTERS } from '#lib/domain/template/starters/index.ts';
import { smallTemplate, starterTemplate } from '../../../fixtures/template.ts';

function source(template: Template = starterTemplate('detail'), drejebog?: Drejebog) {
	return {
		template,
		drejebog: drejebog ?? starterDrejebog(template),
		meta: { number: 1, note: 'Første version' }
	} satisfies WalkthroughSource;
}

type Messages = { [key: string]: string | Messages };
function lookup(messages: Messages, key: string): string | undefined {
	const found = key
		.split('.')
		.reduce<string | Messages | undefined>(
			(node, part) => (typeof node === 'object' ? node[part] : undefined),
			messages
		);
	return typeof found === 'string' ? found : undefined;
}

/** Every Txt in a walkthrough. */
function texts(walkthrough: Walkthrough): Txt[] {
	const ofBlock = (block: Block): Txt[] => {
		switch (block.type) {
			case 'paragraph':
				return [block.text];
			case 'list':
				return [...(block.title ? [block.title] : []), ...block.items];
			case 'scale':
				return [block.title];
			case 'table':
				return [
					block.caption,
					...block.columns,
					...block.rows.flatMap((r) => [r.header, ...r.cells])
				];
			case 'definitions':
				return block.items.flatMap((i) => [i.term, i.description]);
			case 'steps':
				return block.items.flatMap((i) => [i.when, ...i.who, ...(i.produces ? [i.produces] : [])]);
			default:
				return [];
		}
	};
	return walkthrough.steps.flatMap((step) => [
		step.title,
		...step.blocks.flatMap(ofBlock),
		...(step.question
			? [
					step.question.prompt,
					step.question.explanation,
					...step.question.options.map((o) => o.text)
				]
			: [])
	]);
}

describe('generateWalkthrough', () => {
	it('goes through purpose, areas, plan, examples, the drejebog stage by stage, rules, start and practice', () => {
		const s = source();
		const { steps } = generateWalkthrough(s);
		expect(steps.map((step) => step.kind)).toEqual([
			'purpose',
			...s.template.areas.map(() => 'area'),
			'ratingPlan',
			'laeringsbevis',
			'progression',
			...s.drejebog.stages.map(() => 'stage'),
			'rules',
			'startCase',
			'practice'
		]);
		expect(steps.filter((st) => st.kind === 'area').map((st) => st.id)).toEqual(
			s.template.areas.map((a) => `area-${a.id}`)
		);
		expect(new Set(steps.map((st) => st.id)).size).toBe(steps.length);
	});

	it.each(WORKPLACE_STARTERS.map((starter) => [starter.id]))(
		'is the same every time for %s, and every text is a message in both languages',
		(id) => {
			const s = source(starterTemplate(id));
			const walkthrough = generateWalkthrough(s);
			expect(generateWalkthrough(structuredClone(s))).toEqual(walkthrough);
			for (const txt of texts(walkthrough)) {
				if ('text' in txt) continue;
				for (const messages of [da, en] as Messages[]) {
					const plural = lookup(messages, `${txt.key}_other`);
					const message = lookup(messages, txt.key) ?? plural;
					expect(message, txt.key).toBeDefined();
					for (const [, name] of message!.matchAll(/\{\{(\w+)\}\}/g)) {
						expect(txt.params ?? {}, `${txt.key} needs ${name}`).toHaveProperty(name);
					}
				}
			}
		}
	);

	it('follows the version: a renamed area and a changed scale show in its step', () => {
		const template = smallTemplate();
		template.areas[0].label = 'Lager og varer';
		template.areas[0].scale.levels[1].label = 'Klarer det alene';
		const step = generateWalkthrough(source(template)).steps.find((s) => s.id === 'area-a1')!;
		expect(step.title).toEqual({
			key: 'rollout.walk.area.title',
			params: { label: 'Lager og varer' }
		});
		const scale = step.blocks.find((b) => b.type === 'scale');
		expect(scale?.type === 'scale' && scale.levels.map((l) => l.label)).toEqual([
			'Kan med hjælp',
			'Klarer det alene',
			'Kan lære andre'
		]);
	});

	it('shows the rating plan: who rates which areas at each point', () => {
		const template = smallTemplate();
		const plan = generateWalkthrough(source(template)).steps.find((s) => s.id === 'rating-plan')!;
		const table = plan.blocks.find((b) => b.type === 'table');
		if (table?.type !== 'table') throw new Error('no table');
		expect(table.rows).toHaveLength(template.measurementPoints.length);
		const cells = plannedCells(template);
		template.measurementPoints.forEach((point, row) => {
			template.raters.forEach((rater, column) => {
				const areas = cells.filter(
					(c) => c.measurementPointId === point.id && c.raterId === rater.id
				);
				const cell = table.rows[row].cells[column + 1];
				if (areas.length === template.areas.length) {
					expect(cell).toEqual({ key: 'rollout.walk.plan.allAreas' });
				} else if (areas.length === 0) {
					expect(cell).toEqual({ key: 'rollout.walk.plan.none' });
				} else {
					expect('text' in cell && cell.text.split(', ')).toEqual(
						areas.map((c) => template.areas.find((a) => a.id === c.areaId)!.label)
					);
				}
			});
		});
		// smallTemplate's company does not rate the social area at the start.
		expect(table.rows[0].cells[2]).toEqual({ text: 'Faglige kompetencer' });
	});

	it('shows the drejebog stage by stage with who does what and when', () => {
		const s = source();
		const stages = generateWalkthrough(s).steps.filter((step) => step.kind === 'stage');
		s.drejebog.stages.forEach((stage, index) => {
			const block = stages[index].blocks.find((b) => b.type === 'steps');
			if (block?.type !== 'steps') throw new Error('no steps');
			expect(block.items.map((i) => i.title)).toEqual(stage.steps.map((st) => st.title));
			stage.steps.forEach((st, i) => {
				expect(block.items[i].who.length).toBe(st.who.roles.length + st.who.customRoles.length);
			});
		});
	});

	it('asks questions whose right answers the version decides', () => {
		const s = source();
		const walkthrough = generateWalkthrough(s);
		const byStep = new Map(questionsOf(walkthrough).map((q) => [q.stepId, q.question]));
		const area = s.template.areas[0];
		expect(byStep.get(`area-${area.id}`)!.correctOptionIds).toEqual([
			area.scale.levels[firstReachedLevelIndex(area.scale.levels.length)].id
		]);
		const first = s.template.measurementPoints[0];
		const raters = new Set(
			plannedCells(s.template)
				.filter((c) => c.measurementPointId === first.id)
				.map((c) => c.raterId)
		);
		expect(new Set(byStep.get('rating-plan')!.correctOptionIds)).toEqual(raters);
		const stage = s.drejebog.stages[0];
		const step = stage.steps.find((st) => st.who.roles.length > 0)!;
		expect(byStep.get(`stage-${stage.id}`)!.correctOptionIds).toEqual(step.who.roles);
		for (const { question } of questionsOf(walkthrough)) {
			const optionIds = question.options.map((o) => o.id);
			expect(new Set(optionIds).size).toBe(optionIds.length);
			for (const id of question.correctOptionIds) expect(optionIds).toContain(id);
		}
	});
});

describe('gradeAnswer', () => {
	const question = slideQuestion('slide-x', {
		prompt: 'Hvem vurderer ved start?',
		options: ['Den unge', 'Virksomheden', 'Jobkonsulenten'],
		correct: [0, 2],
		explanation: 'Den unge og jobkonsulenten.'
	});
	const wrong = question.options.find((o) => !question.correctOptionIds.includes(o.id));

	it('is right only for exactly the right options, in any order and with repeats', () => {
		const right = [...question.correctOptionIds].reverse();
		expect(gradeAnswer(question, [...right, right[0]])).toMatchObject({
			ok: true,
			isCorrect: true
		});
		expect(gradeAnswer(question, right.slice(1))).toMatchObject({ ok: true, isCorrect: false });
		if (wrong) {
			expect(gradeAnswer(question, [...right, wrong.id])).toMatchObject({ isCorrect: false });
		}
	});

	it('refuses options the question does not have, and no choice', () => {
		expect(gradeAnswer(question, ['nope'])).toEqual({ ok: false, problem: 'unknownOption' });
		expect(gradeAnswer(question, [])).toEqual({ ok: false, problem: 'noChoice' });
	});
});

describe('applySettings', () => {
	const base = generateWalkthrough(source());
	const slide = (id: string, afterStepId: string | null): Slide => ({
		id,
		afterStepId,
		title: `Dias ${id}`,
		body: textToRichText('Husk **kaffen**.\n\n- et\n- to'),
		learningGoal: 'role',
		requiresAck: false,
		question: {
			prompt: 'Hvad er to plus to?',
			options: ['Tre', 'Fire'],
			correct: [1],
			explanation: 'Fire.'
		}
	});

	it('puts slides after the step they name, first for none, last for a step not there', () => {
		const { steps } = applySettings(base, {
			slides: [
				slide('a', 'rating-plan'),
				slide('b', null),
				slide('c', 'gone'),
				slide('d', 'rating-plan')
			],
			learningGoals: {}
		});
		const ids = steps.map((s) => s.id);
		expect(ids[0]).toBe('slide-b');
		expect(ids.at(-1)).toBe('slide-c');
		const plan = ids.indexOf('rating-plan');
		expect(ids.slice(plan, plan + 3)).toEqual(['rating-plan', 'slide-a', 'slide-d']);
		expect(steps).toHaveLength(base.steps.length + 4);
		const a = steps.find((s) => s.id === 'slide-a')!;
		expect(a.requiresAck).toBe(false);
		expect(a.question?.correctOptionIds).toEqual(['o1']);
		expect(gradeAnswer(a.question!, ['o1'])).toMatchObject({ isCorrect: true });
	});

	it('uses the learning-goal kinds the facilitator chose, the generated ones elsewhere', () => {
		const { steps } = applySettings(base, { slides: [], learningGoals: { purpose: 'knowledge' } });
		expect(steps[0].learningGoal).toBe('knowledge');
		expect(base.steps[0].learningGoal).toBe('role');
		expect(steps.slice(1)).toEqual(base.steps.slice(1));
	});
});
