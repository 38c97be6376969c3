/**
 * validateDrejebog: each problem code from one small change to a valid drejebog, with its path and
 * message key; the last test checks that every code of DREJEBOG_PROBLEM_CODES was met.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
	DREJEBOG_PROBLEM_CODES,
	MAX_CHECKLIST_ITEMS,
	MAX_CUSTOM_ROLES,
	MAX_REACTIONS,
	MAX_STAGES,
	MAX_STEPS_PER_STAGE,
	emptyDrejebog,
	starterDrejebog,
	validateDrejebog,
	validateDrejebogOwn,
	type Drejebog,
	type DrejebogProblem,
	type Step
} from '#lib/domain/drejebog/index.ts';
import { starterToTemplate, textToRichText, type Template } from '#lib/domain/template/index.ts';
import { getStarter } from '#lib/domain/template/starters/index.ts';

const template: Template = starterToTemplate(getStarter('detail')!);
const [start, middle, end] = template.measurementPoints;
const seen = new Set<string>();

function valid(): Drejebog {
	return starterDrejebog(template);
}

/** The first step of the first stage (a step "Før praktik"). */
function firstStep(d: Drejebog): Step {
	return d.stages[0].steps[0];
}

function problemsOf(d: Drejebog, t: Template = template): DrejebogProblem[] {
	const problems = validateDrejebog(d, t);
	for (const p of problems) {
		seen.add(p.code);
		expect(p.messageKey).toBe(`drejebog.problem.${p.code}`);
	}
	return problems;
}

/** The one problem with `code` (fails when there is none or several). */
function only(d: Drejebog, code: string, t: Template = template): DrejebogProblem {
	const found = problemsOf(d, t).filter((p) => p.code === code);
	expect(found, code).toHaveLength(1);
	return found[0];
}

function step(id: string, patch: Partial<Step> = {}): Step {
	return {
		id,
		title: 'Et trin',
		guidance: textToRichText('Vejledning'),
		who: { roles: ['jobConsultant'], customRoles: [] },
		when: { kind: 'start', offsetWeeks: 0 },
		link: null,
		produces: 'none',
		checklist: [],
		...patch
	};
}

describe('validateDrejebog', () => {
	it('finds nothing in the starter drejebog', () => {
		expect(problemsOf(valid())).toEqual([]);
	});

	it('reports the title, the introduction and invisible control characters', () => {
		const d = valid();
		d.title = '  ';
		expect(only(d, 'title.empty').path).toEqual(['title']);
		d.title = 'x'.repeat(121);
		expect(only(d, 'title.tooLong').params).toEqual({ max: 120 });
		d.title = 'Drejebog\u202E';
		expect(only(d, 'text.invalidCharacters').path).toEqual(['title']);
		d.title = 'Drejebog';
		d.introduction = textToRichText('x'.repeat(20_001));
		expect(only(d, 'introduction.tooLong').path).toEqual(['introduction']);
	});

	it('reports stages: none, too many, empty, long and duplicate labels, too many steps', () => {
		expect(only({ ...valid(), stages: [] }, 'stages.none').path).toEqual(['stages']);
		const many = valid();
		many.stages = Array.from({ length: MAX_STAGES + 1 }, (_, i) => ({
			id: `s${i}`,
			label: `Fase ${i}`,
			steps: i === 0 ? valid().stages.flatMap((s) => s.steps) : []
		}));
		only(many, 'stages.tooMany');
		const d = valid();
		const [a, b] = d.stages;
		a.label = '';
		expect(only(d, 'stage.label.empty').path).toEqual(['stages', a.id, 'label']);
		a.label = 'x'.repeat(81);
		only(d, 'stage.label.tooLong');
		a.label = ' under  PRAKTIK ';
		expect(only(d, 'stage.label.duplicate').path).toEqual(['stages', b.id, 'label']);
		a.label = 'Før praktik';
		b.steps = [...b.steps, ...Array.from({ length: MAX_STEPS_PER_STAGE }, (_, i) => step(`x${i}`))];
		expect(only(d, 'stage.tooManySteps').path).toEqual(['stages', b.id]);
	});

	it('reports a drejebog without any step (an empty start)', () => {
		const d = emptyDrejebog();
		const codes = problemsOf(d).map((p) => p.code);
		expect(codes).toContain('steps.none');
		expect(validateDrejebogOwn(d).map((p) => p.code)).toEqual(['steps.none']);
	});

	it('reports a step’s title, guidance, roles, custom roles and checklist', () => {
		const d = valid();
		const s = firstStep(d);
		const path = ['stages', d.stages[0].id, 'steps', s.id];
		s.title = '';
		expect(only(d, 'step.title.empty').path).toEqual([...path, 'title']);
		s.title = 'x'.repeat(161);
		only(d, 'step.title.tooLong');
		s.title = 'Tal om praktikken';
		s.guidance = textToRichText('x'.repeat(2001));
		expect(only(d, 'step.guidance.tooLong').path).toEqual([...path, 'guidance']);
		s.guidance = textToRichText('Kort');
		s.who = { roles: [], customRoles: [] };
		expect(only(d, 'step.who.none').path).toEqual([...path, 'who']);
		s.who = { roles: [], customRoles: [{ id: 'r1', label: ' ' }] };
		expect(only(d, 'step.customRole.empty').path).toEqual([...path, 'who', 'r1']);
		s.who.customRoles = [{ id: 'r1', label: 'x'.repeat(61) }];
		only(d, 'step.customRole.tooLong');
		s.who.customRoles = Array.from({ length: MAX_CUSTOM_ROLES + 1 }, (_, i) => ({
			id: `r${i}`,
			label: `Rolle ${i}`
		}));
		only(d, 'step.customRoles.tooMany');
		s.who = { roles: ['jobConsultant'], customRoles: [] };
		s.checklist = [{ id: 'c1', text: '' }];
		expect(only(d, 'checklistItem.text.empty').path).toEqual([...path, 'checklist', 'c1', 'text']);
		s.checklist = [{ id: 'c1', text: 'x'.repeat(201) }];
		only(d, 'checklistItem.text.tooLong');
		s.checklist = Array.from({ length: MAX_CHECKLIST_ITEMS + 1 }, (_, i) => ({
			id: `c${i}`,
			text: `Punkt ${i}`
		}));
		only(d, 'step.checklist.tooMany');
	});

	it('reports timings: an offset out of range, an empty or long free text, a removed point', () => {
		const d = valid();
		const s = firstStep(d);
		s.when = { kind: 'end', offsetWeeks: 105 };
		expect(only(d, 'step.when.offset.outOfRange').params).toMatchObject({ max: 104 });
		s.when = { kind: 'free', text: '' };
		only(d, 'step.when.text.empty');
		s.when = { kind: 'free', text: 'x'.repeat(121) };
		only(d, 'step.when.text.tooLong');
		s.when = { kind: 'point', measurementPointId: 'gone', offsetWeeks: 0 };
		expect(only(d, 'step.when.point.unknown').path.at(-1)).toBe('when');
	});

	it('reports links to parts the template no longer has, and keeps links to renamed parts', () => {
		const d = valid();
		const s = firstStep(d);
		for (const link of [
			{ kind: 'measurementPoint', id: 'gone' },
			{ kind: 'area', id: 'gone' },
			{ kind: 'freeTextSection', id: 'gone' }
		] as const) {
			s.link = link;
			expect(only(d, 'step.link.unknown').path.at(-1)).toBe('link');
		}
		s.link = { kind: 'area', id: template.areas[0].id };
		const renamed = {
			...template,
			areas: [{ ...template.areas[0], label: 'Nyt navn' }, ...template.areas.slice(1)]
		};
		expect(problemsOf(d, renamed)).toEqual([]);
	});

	it('reports a measurement point no step is at, and a rater no step names where they rate', () => {
		const d = valid();
		const rating = (id: string) =>
			d.stages
				.flatMap((s) => s.steps)
				.find((s) => s.link?.kind === 'measurementPoint' && s.link.id === id)!;
		const atMiddle = rating(middle.id);
		atMiddle.link = null;
		atMiddle.when = { kind: 'free', text: 'Midtvejs' };
		expect(only(d, 'coverage.measurementPoint')).toMatchObject({
			path: ['coverage', 'measurementPoints', middle.id],
			params: { label: middle.label }
		});

		// The company rates at Midtvejs and Slut in the detail starter's plan.
		const company = template.raters.find((r) => r.label === 'Virksomheden')!;
		const fresh = valid();
		for (const id of [middle.id, end.id]) {
			const s = fresh.stages
				.flatMap((x) => x.steps)
				.find((x) => x.link?.kind === 'measurementPoint' && x.link.id === id)!;
			s.who.roles = s.who.roles.filter((r) => r !== 'company');
		}
		expect(only(fresh, 'coverage.rater')).toMatchObject({
			path: ['coverage', 'raters', company.id],
			params: { label: 'Virksomheden', points: `${middle.label}, ${end.label}` }
		});
		// Named at the start instead does not count: the plan does not ask the company to rate then.
		const atStart = fresh.stages
			.flatMap((x) => x.steps)
			.find((x) => x.link?.kind === 'measurementPoint' && x.link.id === start.id)!;
		atStart.who.roles.push('company');
		only(fresh, 'coverage.rater');
		// A custom role with the rater's label covers it.
		const atEnd = fresh.stages
			.flatMap((x) => x.steps)
			.find((x) => x.link?.kind === 'measurementPoint' && x.link.id === end.id)!;
		atEnd.who.customRoles.push({ id: 'v', label: 'virksomheden' });
		expect(problemsOf(fresh)).toEqual([]);
	});

	it('asks for a goal-setting step before the internship', () => {
		const goalStep = (d: Drejebog) => d.stages[0].steps.find((s) => s.link?.kind === 'goals')!;
		const d = valid();
		goalStep(d).when = { kind: 'start', offsetWeeks: 1 };
		expect(only(d, 'coverage.goalSetting').path).toEqual(['coverage', 'goalSetting']);
		goalStep(d).when = { kind: 'point', measurementPointId: start.id, offsetWeeks: 0 };
		expect(problemsOf(d)).toEqual([]);
		goalStep(d).when = { kind: 'free', text: 'Før praktikken' };
		expect(problemsOf(d)).toEqual([]);
		// In free words but in a later stage: not before the internship.
		const moved = goalStep(d);
		d.stages[0].steps = d.stages[0].steps.filter((s) => s !== moved);
		d.stages[1].steps.push(moved);
		only(d, 'coverage.goalSetting');
	});

	it('reports the CV and Min Plan rule’s unknown rater, point and sections and unreachable levels', () => {
		const d = valid();
		d.cvPlan.basis = { kind: 'rater', raterId: 'gone' };
		expect(only(d, 'cvPlan.rater.unknown').path).toEqual(['cvPlan', 'basis']);
		d.cvPlan.basis = { kind: 'rater', raterId: template.raters[0].id };
		d.cvPlan.point = { kind: 'point', measurementPointId: 'gone' };
		only(d, 'cvPlan.point.unknown');
		d.cvPlan.point = { kind: 'point', measurementPointId: end.id };
		d.cvPlan.minPlanSectionIds = ['gone'];
		expect(only(d, 'cvPlan.section.unknown').path).toEqual(['cvPlan', 'minPlanSectionIds']);
		d.cvPlan.minPlanSectionIds = [];
		d.cvPlan.cvThreshold = { kind: 'position', position: 6 };
		expect(only(d, 'cvPlan.threshold.unreachable').params).toMatchObject({ count: 5, position: 6 });
		d.cvPlan.cvThreshold = { kind: 'position', position: 11 };
		expect(problemsOf(d).map((p) => p.code)).toContain('cvPlan.threshold.outOfRange');
		d.cvPlan.cvThreshold = { kind: 'position', position: 3 };
		expect(problemsOf(d)).toEqual([]);
	});

	it('reports reaction rules: too many, unknown or unordered points, unknown rater, days, texts', () => {
		const d = valid();
		const [noProgress, missed, custom] = d.reactions;
		noProgress.condition = { kind: 'noProgress', fromPointId: 'gone', toPointId: end.id };
		expect(only(d, 'reaction.point.unknown').path).toEqual(['reactions', noProgress.id, 'points']);
		noProgress.condition = { kind: 'noProgress', fromPointId: end.id, toPointId: start.id };
		only(d, 'reaction.points.outOfOrder');
		noProgress.condition = { kind: 'noProgress', fromPointId: start.id, toPointId: end.id };
		missed.condition = { kind: 'missedRating', days: 7, raterId: 'gone' };
		only(d, 'reaction.rater.unknown');
		missed.condition = { kind: 'missedRating', days: 0, raterId: null };
		only(d, 'reaction.days.outOfRange');
		missed.condition = { kind: 'missedRating', days: 14, raterId: template.raters[1].id };
		custom.condition = { kind: 'custom', text: '' };
		only(d, 'reaction.text.empty');
		custom.condition = { kind: 'custom', text: 'x'.repeat(301) };
		only(d, 'reaction.text.tooLong');
		custom.condition = { kind: 'custom', text: 'Dårligt match' };
		custom.action = 'x'.repeat(301);
		only(d, 'reaction.action.tooLong');
		custom.action = '';
		expect(problemsOf(d)).toEqual([]);
		d.reactions = Array.from({ length: MAX_REACTIONS + 1 }, (_, i) => ({ ...custom, id: `q${i}` }));
		only(d, 'reactions.tooMany');
	});

	afterAll(() => {
		// Every code has a case above.
		expect([...seen].sort()).toEqual([...DREJEBOG_PROBLEM_CODES].sort());
	});
});
