/**
 * The lock check's pure part: which locked targets differ between two readings of a template.
 * The readings come from real template documents edited with the named operations, as the
 * collaboration server reads them before and after a work-group member's update.
 */
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { bindTemplate, readTemplate } from '#lib/collab/template/template-binding.ts';
import {
	changedLockedTargets,
	isPartLocked,
	lockedContent,
	lockKey,
	type LockTarget
} from '#lib/domain/template/locks.ts';
import type { Template } from '#lib/domain/template/index.ts';
import { cloneDoc, docFromStarter } from '../../../support/template-docs.ts';

/** The template before and after `edit` runs on a copy of the detail starter. */
function beforeAfter(edit: (ops: ReturnType<typeof bindTemplate>, t: Template) => void): {
	before: Template;
	after: Template;
} {
	const doc: Y.Doc = docFromStarter('detail', 1);
	const before = readTemplate(doc);
	const copy = cloneDoc(doc, 2);
	edit(bindTemplate(copy, 'member'), before);
	return { before, after: readTemplate(copy) };
}

const area = (t: Template, i: number): LockTarget => ({ kind: 'area', targetId: t.areas[i].id });
const scale = (t: Template, i: number): LockTarget => ({ kind: 'scale', targetId: t.areas[i].id });
const whole: LockTarget = { kind: 'template', targetId: 'doc-id' };

describe('changedLockedTargets', () => {
	it('finds nothing when nothing changed, and nothing without locks', () => {
		const { before, after } = beforeAfter(() => undefined);
		expect(changedLockedTargets(before, after, [whole, area(before, 0)])).toEqual([]);
		const renamed = beforeAfter((ops, t) => ops.renameArea({ areaId: t.areas[0].id, label: 'Ny' }));
		expect(changedLockedTargets(renamed.before, renamed.after, [])).toEqual([]);
	});

	it('an area lock covers its label, statements, statement order and scale, not other areas', () => {
		const cases: ((ops: ReturnType<typeof bindTemplate>, t: Template) => void)[] = [
			(ops, t) => ops.renameArea({ areaId: t.areas[0].id, label: 'Omdøbt' }),
			(ops, t) => ops.addStatement({ areaId: t.areas[0].id, text: 'Kan noget nyt' }),
			(ops, t) => ops.removeStatement({ statementId: t.areas[0].statements[0].id }),
			(ops, t) => ops.moveStatement({ statementId: t.areas[0].statements[0].id, toIndex: 1 }),
			(ops, t) =>
				ops.updateStatement({ statementId: t.areas[0].statements[0].id, text: 'Ny tekst' }),
			(ops, t) =>
				ops.updateLevelLabel({
					scale: { areaId: t.areas[0].id },
					levelId: t.areas[0].scale.levels[0].id,
					label: 'Nyt niveau'
				}),
			(ops, t) => ops.removeArea({ areaId: t.areas[0].id })
		];
		for (const edit of cases) {
			const { before, after } = beforeAfter(edit);
			const locked = area(before, 0);
			expect(changedLockedTargets(before, after, [locked, area(before, 1)])).toEqual([locked]);
		}
	});

	it('moving a statement into or out of a locked area touches it', () => {
		const { before, after } = beforeAfter((ops, t) =>
			ops.moveStatement({
				statementId: t.areas[1].statements[0].id,
				toIndex: 0,
				toAreaId: t.areas[0].id
			})
		);
		expect(changedLockedTargets(before, after, [area(before, 0)])).toEqual([area(before, 0)]);
		expect(changedLockedTargets(before, after, [area(before, 1)])).toEqual([area(before, 1)]);
	});

	it('moving areas around a locked one is allowed; the area order is not its content', () => {
		const { before, after } = beforeAfter((ops, t) =>
			ops.moveArea({ areaId: t.areas[1].id, toIndex: 0 })
		);
		expect(after.areas[1].id).toBe(before.areas[0].id);
		expect(changedLockedTargets(before, after, [area(before, 0), area(before, 1)])).toEqual([]);
	});

	it('a scale lock covers only the scale: its levels, labels and descriptors', () => {
		const levelEdit = beforeAfter((ops, t) =>
			ops.addLevel({ scale: { areaId: t.areas[0].id }, label: 'Ekspert' })
		);
		const locked = scale(levelEdit.before, 0);
		expect(changedLockedTargets(levelEdit.before, levelEdit.after, [locked])).toEqual([locked]);
		const descriptor = beforeAfter((ops, t) =>
			ops.setLevelDescriptor({
				scale: { areaId: t.areas[0].id },
				levelId: t.areas[0].scale.levels[1].id,
				descriptor: 'Kan med lidt hjælp'
			})
		);
		expect(changedLockedTargets(descriptor.before, descriptor.after, [locked])).toEqual([locked]);
		const label = beforeAfter((ops, t) => ops.renameArea({ areaId: t.areas[0].id, label: 'X' }));
		expect(changedLockedTargets(label.before, label.after, [scale(label.before, 0)])).toEqual([]);
	});

	it("a statement's own scale can be locked; giving it one counts as a change", () => {
		const { before, after } = beforeAfter((ops, t) =>
			ops.setScaleOverride({ statementId: t.areas[0].statements[0].id, hasOverride: true })
		);
		const statementScale: LockTarget = {
			kind: 'scale',
			targetId: before.areas[0].statements[0].id
		};
		expect(changedLockedTargets(before, after, [statementScale, scale(before, 0)])).toEqual([
			statementScale
		]);
	});

	it('a template lock covers everything, header fields and raters included', () => {
		const edits: ((ops: ReturnType<typeof bindTemplate>, t: Template) => void)[] = [
			(ops) => ops.renameTemplate({ title: 'Ny titel' }),
			(ops) => ops.addRater({ label: 'Mentor' }),
			(ops, t) => ops.moveArea({ areaId: t.areas[1].id, toIndex: 0 })
		];
		for (const edit of edits) {
			const { before, after } = beforeAfter(edit);
			expect(changedLockedTargets(before, after, [whole])).toEqual([whole]);
		}
	});

	it('the rating plan lock covers its cells, and removing a rater whose cells were decided', () => {
		const plan: LockTarget = { kind: 'ratingPlan', targetId: 'doc-id' };
		const goals: LockTarget = { kind: 'goals', targetId: 'doc-id' };
		const cell = (t: Template) => ({
			measurementPointId: t.measurementPoints[0].id,
			raterId: t.raters[0].id,
			areaId: t.areas[0].id
		});
		const touching: ((ops: ReturnType<typeof bindTemplate>, t: Template) => void)[] = [
			(ops, t) => ops.setRatingPlanCell({ ...cell(t), rates: !t.ratingPlan.length }),
			(ops, t) => ops.setRatingPlanCells({ cells: [cell(t)], rates: false }),
			(ops, t) => ops.removeRater({ raterId: t.ratingPlan[0].raterId })
		];
		for (const edit of touching) {
			const { before, after } = beforeAfter(edit);
			expect(changedLockedTargets(before, after, [plan, goals])).toEqual([plan]);
		}
		const other = beforeAfter((ops, t) => ops.renameArea({ areaId: t.areas[0].id, label: 'X' }));
		expect(changedLockedTargets(other.before, other.after, [plan, goals])).toEqual([]);
	});

	it('the goals lock covers the goal, sub-goals, their links, followed points and statuses', () => {
		const goals: LockTarget = { kind: 'goals', targetId: 'doc-id' };
		const plan: LockTarget = { kind: 'ratingPlan', targetId: 'doc-id' };
		const touching: ((ops: ReturnType<typeof bindTemplate>, t: Template) => void)[] = [
			(ops) => ops.setGoal({ label: 'Mit jobmål' }),
			(ops) => ops.addSubGoal({ text: 'Lære kassen' }),
			(ops, t) => ops.removeSubGoal({ subGoalId: t.goals.subGoals[0].id }),
			(ops, t) =>
				ops.setSubGoalStatement({
					subGoalId: t.goals.subGoals[0].id,
					statementId: t.areas[0].statements[2].id,
					isLinked: true
				}),
			(ops, t) =>
				ops.setGoalPoint({ measurementPointId: t.measurementPoints[1].id, isFollowed: false }),
			(ops, t) => ops.renameGoalStatus({ statusId: t.goals.statuses[0].id, label: 'Ikke i gang' }),
			// A linked statement removed elsewhere unlinks it: that changes the goals too.
			(ops, t) => ops.removeStatement({ statementId: t.goals.subGoals[0].statementIds[0] })
		];
		for (const edit of touching) {
			const { before, after } = beforeAfter(edit);
			expect(changedLockedTargets(before, after, [goals, plan])).toEqual([goals]);
		}
	});

	it('an area lock covers its category and its statements’ CV phrases', () => {
		const edits: ((ops: ReturnType<typeof bindTemplate>, t: Template) => void)[] = [
			(ops, t) => ops.setAreaCategory({ areaId: t.areas[0].id, category: 'other' }),
			(ops, t) =>
				ops.setCvPhrase({ statementId: t.areas[0].statements[0].id, cvPhrase: 'Jeg kan det' })
		];
		for (const edit of edits) {
			const { before, after } = beforeAfter(edit);
			expect(changedLockedTargets(before, after, [area(before, 0)])).toEqual([area(before, 0)]);
		}
	});

	it('a lock on a part that exists in neither reading protects nothing', () => {
		const { before, after } = beforeAfter((ops) => ops.renameTemplate({ title: 'Ny titel' }));
		const gone: LockTarget = { kind: 'area', targetId: 'findesikke' };
		expect(lockedContent(before, gone)).toBeNull();
		expect(changedLockedTargets(before, after, [gone, { kind: 'scale', targetId: 'x' }])).toEqual(
			[]
		);
	});
});

describe('isPartLocked', () => {
	const template = readTemplate(docFromStarter('detail', 1));
	const [first, second] = template.areas;
	const statementScale: LockTarget = { kind: 'scale', targetId: first.statements[0].id };

	it('a template lock covers every part; an area lock its own scales; nothing else', () => {
		expect(isPartLocked([whole], { kind: 'area', targetId: first.id })).toBe(true);
		const areaLock: LockTarget[] = [{ kind: 'area', targetId: first.id }];
		expect(isPartLocked(areaLock, { kind: 'area', targetId: first.id })).toBe(true);
		expect(isPartLocked(areaLock, { kind: 'scale', targetId: first.id })).toBe(true);
		expect(isPartLocked(areaLock, statementScale, template)).toBe(true);
		expect(isPartLocked(areaLock, { kind: 'area', targetId: second.id })).toBe(false);
		expect(isPartLocked(areaLock, { kind: 'scale', targetId: second.id }, template)).toBe(false);
		const scaleLock: LockTarget[] = [{ kind: 'scale', targetId: first.id }];
		expect(isPartLocked(scaleLock, { kind: 'area', targetId: first.id })).toBe(false);
		expect(isPartLocked([], { kind: 'area', targetId: first.id })).toBe(false);
	});

	it('keys are stable and distinct per kind', () => {
		expect(lockKey({ kind: 'area', targetId: 'a' })).not.toBe(
			lockKey({ kind: 'scale', targetId: 'a' })
		);
	});
});
