/**
 * The diff of a template's goal and sub-goals (and the points they are followed at, and their
 * status scale) and of the progression measures besides competences.
 */
import type { Template } from '../template/schemas.ts';
import { change, diffItems, diffRichText, diffText, type ChangeSink } from './diff-core.ts';

const GOALS = ['template', 'goals'];

function diffGoalPoints(sink: ChangeSink, before: Template, after: Template): void {
	const label = (template: Template, id: string) =>
		template.measurementPoints.find((p) => p.id === id)?.label ?? '';
	const [a, b] = [before.goals.measurementPointIds, after.goals.measurementPointIds];
	for (const id of a.filter((id) => !b.includes(id))) {
		const point = label(after, id) || label(before, id);
		sink(change('removed', 'goalPoint', 'removed', [...GOALS, 'points', id], { point }));
	}
	for (const id of b.filter((id) => !a.includes(id))) {
		sink(
			change('added', 'goalPoint', 'added', [...GOALS, 'points', id], { point: label(after, id) })
		);
	}
}

/** The goal block: on or off, heading, guidance, sub-goals, statuses and follow-up points. */
export function diffGoals(sink: ChangeSink, before: Template, after: Template): void {
	const [a, b] = [before.goals, after.goals];
	if (a.isIncluded !== b.isIncluded) {
		sink(change('changed', 'goals', b.isIncluded ? 'included' : 'excluded', GOALS));
	}
	diffText(sink, a.label, b.label, (extra) =>
		change(
			'changed',
			'goals',
			'label',
			[...GOALS, 'label'],
			{ label: b.label, from: a.label },
			extra
		)
	);
	diffRichText(sink, a.guidance, b.guidance, (extra) =>
		change('changed', 'goals', 'guidance', [...GOALS, 'guidance'], {}, extra)
	);
	const subGoalPath = (id: string) => [...GOALS, 'subGoals', id];
	const kept = diffItems(sink, {
		subject: 'subGoal',
		before: a.subGoals,
		after: b.subGoals,
		path: (goal) => subGoalPath(goal.id),
		describe: (goal) => ({ text: goal.text })
	});
	for (const { before: old, after: now } of kept) {
		diffText(sink, old.text, now.text, (extra) =>
			change('changed', 'subGoal', 'text', subGoalPath(now.id), { text: now.text }, extra)
		);
		if ([...old.statementIds].sort().join() !== [...now.statementIds].sort().join()) {
			sink(change('changed', 'subGoal', 'statements', subGoalPath(now.id), { text: now.text }));
		}
	}
	const statusPath = (id: string) => [...GOALS, 'statuses', id];
	const statuses = diffItems(sink, {
		subject: 'goalStatus',
		before: a.statuses,
		after: b.statuses,
		path: (status) => statusPath(status.id),
		describe: (status) => ({ label: status.label })
	});
	for (const { before: old, after: now } of statuses) {
		diffText(sink, old.label, now.label, (extra) =>
			change(
				'changed',
				'goalStatus',
				'renamed',
				statusPath(now.id),
				{ label: now.label, from: old.label },
				extra
			)
		);
	}
	diffGoalPoints(sink, before, after);
}

/** Hours per week and tasks, each switched on or off. */
export function diffProgressionMeasures(sink: ChangeSink, before: Template, after: Template): void {
	const path = ['template', 'progressionMeasures'];
	const [a, b] = [before.progressionMeasures, after.progressionMeasures];
	if (a.hasHoursPerWeek !== b.hasHoursPerWeek) {
		sink(change('changed', 'progression', b.hasHoursPerWeek ? 'hoursOn' : 'hoursOff', path));
	}
	if (a.hasTasks !== b.hasTasks) {
		sink(change('changed', 'progression', b.hasTasks ? 'tasksOn' : 'tasksOff', path));
	}
}
