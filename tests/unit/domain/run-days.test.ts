/**
 * Run mode for every day, the pure parts: which day each phase runs and each day's default agenda
 * (Danish, from the seeds); what one can follow, comment on and lock in a drejebog; which locked
 * drejebog parts an edit changes; what a vote on drejebog steps is about and what keeping it does.
 */
import { describe, expect, it } from 'vitest';
import {
	DEFAULT_AGENDAS,
	RUN_DAYS,
	defaultAgenda,
	runDayOf,
	startingAgenda
} from '#lib/domain/run-days.ts';
import { agendaSchema } from '#lib/domain/run-mode.ts';
import { THREE_DAY_FORMAT } from '#lib/domain/workshop.ts';
import { followableDrejebogElements } from '#lib/domain/follow.ts';
import { commentableDrejebogElements } from '#lib/domain/comments.ts';
import { changedLockedDrejebogTargets, lockedDrejebogContent } from '#lib/domain/drejebog/locks.ts';
import { lockKindsOf, lockedContent } from '#lib/domain/template/locks.ts';
import { starterDrejebog, type Drejebog } from '#lib/domain/drejebog/index.ts';
import { starterToTemplate } from '#lib/domain/template/index.ts';
import { getStarter } from '#lib/domain/template/starters/index.ts';
import { openVoteSchema, voteSubjectOf } from '#lib/domain/votes.ts';
import { keepVoteSchema, planKeep } from '#lib/domain/vote-keep.ts';

const template = starterToTemplate(getStarter('detail')!);
const drejebog = (): Drejebog => structuredClone(starterDrejebog(template));

describe('which day runs', () => {
	it('runs the phase’s own day, and Dag 3 once the workshop is in Drift', () => {
		expect(runDayOf('format')).toBe('format');
		expect(runDayOf('drejebog')).toBe('drejebog');
		expect(runDayOf('rollout')).toBe('rollout');
		expect(runDayOf('drift')).toBe('rollout');
	});

	it('has a valid Danish default agenda for each day, drawn from the seeds', () => {
		for (const day of RUN_DAYS) {
			expect(agendaSchema.safeParse(defaultAgenda(day)).success, day).toBe(true);
		}
		const titles = (day: (typeof RUN_DAYS)[number]) =>
			DEFAULT_AGENDAS[day].map((item) => item.title).join(' | ');
		// Day 2: show the product, write the drejebog stage by stage, agree on CV og Min Plan,
		// prepare publishing.
		expect(titles('drejebog')).toMatch(/læringsbevis og progressionsskema/);
		for (const stage of ['Før praktik', 'Under praktik', 'Mod afslutningen', 'CV og Min Plan']) {
			expect(titles('drejebog')).toContain(stage);
		}
		expect(titles('drejebog')).toMatch(/udgivelse/);
		// Day 3: present to staff, walkthrough, questions, self-check.
		expect(titles('rollout')).toMatch(/medarbejderne/);
		expect(titles('rollout')).toMatch(/trin for trin/);
		expect(titles('rollout')).toMatch(/Spørgsmål/);
		expect(titles('rollout')).toMatch(/Selvtjek/);
		expect(new Set(RUN_DAYS.map((day) => titles(day))).size).toBe(3);
	});

	it('gives new workshops the three agendas, and a copy the caller may change', () => {
		expect(THREE_DAY_FORMAT.days.map((d) => d.phase)).toEqual([...RUN_DAYS]);
		for (const day of THREE_DAY_FORMAT.days) {
			expect(day.agenda).toEqual(DEFAULT_AGENDAS[day.phase as (typeof RUN_DAYS)[number]]);
		}
		const copy = defaultAgenda('drejebog');
		copy[0].title = 'Ændret';
		expect(DEFAULT_AGENDAS.drejebog[0].title).not.toBe('Ændret');
	});

	it('starts a day from the workshop format’s agenda when it has one, else the default', () => {
		const own = { days: [{ phase: 'drejebog' as const, agenda: [{ title: 'Eget', minutes: 5 }] }] };
		expect(startingAgenda(own, 'drejebog')).toEqual([{ title: 'Eget', minutes: 5 }]);
		expect(startingAgenda(own, 'rollout')).toEqual(defaultAgenda('rollout'));
		expect(startingAgenda(null, 'format')).toEqual(defaultAgenda('format'));
	});
});

describe('drejebog elements in run mode', () => {
	it('lists the stages, their steps and the two rule sections to follow, in reading order', () => {
		const d = drejebog();
		const elements = followableDrejebogElements(d);
		const [first] = d.stages;
		expect(elements.slice(0, 3)).toEqual([
			{ id: 'section-stages', kind: 'section', label: 'stages' },
			{ id: first.id, kind: 'stage', label: 'Før praktik' },
			{ id: first.steps[0].id, kind: 'step', label: first.steps[0].title }
		]);
		expect(elements.slice(-2)).toEqual([
			{ id: 'section-cvPlan', kind: 'section', label: 'cvPlan' },
			{ id: 'section-reactions', kind: 'section', label: 'reactions' }
		]);
		const steps = d.stages.flatMap((s) => s.steps);
		expect(elements.filter((e) => e.kind === 'step')).toHaveLength(steps.length);
		expect(new Set(elements.map((e) => e.id)).size).toBe(elements.length);
	});

	it('lets people comment on stages, steps, CV og Min Plan and Hurtig reaktion', () => {
		const d = drejebog();
		const elements = commentableDrejebogElements(d);
		expect(new Set(elements.map((e) => e.kind))).toEqual(
			new Set(['stage', 'step', 'cvPlan', 'reactions'])
		);
		const step = d.stages[1].steps[0];
		expect(elements).toContainEqual({ id: step.id, kind: 'step', label: step.title });
		expect(elements.slice(-2).map((e) => e.id)).toEqual(['section-cvPlan', 'section-reactions']);
	});
});

describe('locks on drejebog parts', () => {
	it('offers each document its own lock kinds', () => {
		expect(lockKindsOf('drejebog')).toEqual(['stage', 'cvPlan', 'reactions']);
		expect(lockKindsOf('template')).not.toContain('stage');
		// A drejebog's lock names nothing in a template, and the other way round.
		expect(lockedContent(template, { kind: 'stage', targetId: 'x' })).toBeNull();
		expect(lockedDrejebogContent(drejebog(), { kind: 'area', targetId: 'x' })).toBeNull();
	});

	it('sees a change of a locked stage’s label or steps, but not a move of the stage', () => {
		const before = drejebog();
		const stage = before.stages[1];
		const lock = { kind: 'stage' as const, targetId: stage.id };

		const moved = structuredClone(before);
		moved.stages.reverse();
		expect(changedLockedDrejebogTargets(before, moved, [lock])).toEqual([]);

		const renamed = structuredClone(before);
		renamed.stages[1].label = 'Under forløbet';
		expect(changedLockedDrejebogTargets(before, renamed, [lock])).toEqual([lock]);

		const stepEdited = structuredClone(before);
		stepEdited.stages[1].steps[0].who.roles = [];
		expect(changedLockedDrejebogTargets(before, stepEdited, [lock])).toEqual([lock]);

		// A step moved into the locked stage from another one changes it too.
		const stepMovedIn = structuredClone(before);
		stepMovedIn.stages[1].steps.push(stepMovedIn.stages[0].steps.pop()!);
		expect(changedLockedDrejebogTargets(before, stepMovedIn, [lock])).toEqual([lock]);

		// Other stages stay free.
		const other = structuredClone(before);
		other.stages[0].label = 'Inden praktikken';
		expect(changedLockedDrejebogTargets(before, other, [lock])).toEqual([]);

		const removed = structuredClone(before);
		removed.stages.splice(1, 1);
		expect(changedLockedDrejebogTargets(before, removed, [lock])).toEqual([lock]);
	});

	it('sees a change of CV og Min Plan and of Hurtig reaktion only in their own lock', () => {
		const before = drejebog();
		const cvPlan = { kind: 'cvPlan' as const, targetId: 'd' };
		const reactions = { kind: 'reactions' as const, targetId: 'd' };
		const after = structuredClone(before);
		after.cvPlan.minPlanIncludesNotRated = !after.cvPlan.minPlanIncludesNotRated;
		expect(changedLockedDrejebogTargets(before, after, [cvPlan, reactions])).toEqual([cvPlan]);
		after.reactions.pop();
		expect(changedLockedDrejebogTargets(before, after, [reactions])).toEqual([reactions]);
	});
});

describe('votes on drejebog steps', () => {
	it('are about steps when a candidate names one, or when asked; never about both documents', () => {
		expect(voteSubjectOf([{ stepId: 'st1' }, { text: 'Nyt trin' }])).toBe('steps');
		expect(voteSubjectOf([{ text: 'Kun fritekst' }])).toBe('statements');
		expect(voteSubjectOf([{ text: 'Kun fritekst' }], 'steps')).toBe('steps');
		expect(voteSubjectOf([{ statementId: 's1' }, { stepId: 'st1' }])).toBeNull();
		expect(voteSubjectOf([{ statementId: 's1' }], 'steps')).toBeNull();
		const both = openVoteSchema.safeParse({
			title: 'Begge',
			dotsPerPerson: 1,
			candidates: [{ statementId: 's1', stepId: 'st1' }, { text: 'x' }]
		});
		expect(both.success).toBe(false);
	});

	it('keep a chosen step, add a chosen free text and delete nothing unless asked', () => {
		const candidates = [
			{ id: 'c1', text: 'Ring til virksomheden', statementId: 'step-1' },
			{ id: 'c2', text: 'Jobklub', statementId: null },
			{ id: 'c3', text: 'Tal om næste skridt', statementId: 'step-2' }
		];
		const existingStatementIds = new Set(['step-1', 'step-2']);
		const byDefault = keepVoteSchema.parse({ candidateIds: ['c1', 'c2'], stageId: 'stage-3' });
		expect(byDefault.removeOthers).toBe(false);
		expect(
			planKeep({
				candidates,
				chosenIds: byDefault.candidateIds,
				removeOthers: false,
				existingStatementIds
			})
		).toEqual({ added: [candidates[1]], removed: [] });
		expect(
			planKeep({ candidates, chosenIds: ['c1'], removeOthers: true, existingStatementIds })
		).toEqual({ added: [], removed: ['step-2'] });
	});
});
