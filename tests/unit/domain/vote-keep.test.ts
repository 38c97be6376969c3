import { describe, expect, it } from 'vitest';
import { keepVoteSchema, planKeep, rankForKeeping } from '#lib/domain/vote-keep.ts';

const counts = (...list: (number | null)[]) => list.map((count, i) => ({ id: `c${i}`, count }));
const chosen = (ranked: { id: string; isPreselected: boolean }[]) =>
	ranked.filter((c) => c.isPreselected).map((c) => c.id);

describe('rankForKeeping', () => {
	it('sorts by dots, most first, and keeps the original order among equals', () => {
		const ranked = rankForKeeping(counts(1, 4, 0, 4, 2), 2);
		expect(ranked.map((c) => c.id)).toEqual(['c1', 'c3', 'c4', 'c0', 'c2']);
		expect(ranked.map((c) => c.rank)).toEqual([1, 1, 3, 4, 5]);
	});

	it('preselects the first places only', () => {
		expect(chosen(rankForKeeping(counts(5, 3, 2, 1), 2))).toEqual(['c0', 'c1']);
	});

	it('preselects everyone tied at the cut and marks the tie', () => {
		const ranked = rankForKeeping(counts(5, 3, 3, 3, 1), 2);
		expect(chosen(ranked)).toEqual(['c0', 'c1', 'c2', 'c3']);
		expect(ranked.filter((c) => c.isTied).map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
	});

	it('does not preselect a tie just below the cut', () => {
		const ranked = rankForKeeping(counts(5, 4, 2, 2), 2);
		expect(chosen(ranked)).toEqual(['c0', 'c1']);
		expect(ranked.find((c) => c.id === 'c2')?.isTied).toBe(true);
	});

	it('never preselects a candidate without dots, nor calls zeros a tie', () => {
		const ranked = rankForKeeping(counts(2, 0, 0, null), 3);
		expect(chosen(ranked)).toEqual(['c0']);
		expect(ranked.some((c) => c.isTied)).toBe(false);
	});

	it('keeps the candidate fields it was given', () => {
		const [first] = rankForKeeping([{ id: 'x', count: 1, text: 'Møder til tiden' }], 1);
		expect(first).toMatchObject({ id: 'x', text: 'Møder til tiden', isPreselected: true });
	});
});

describe('keepVoteSchema', () => {
	it('drops duplicate choices and requires at least one', () => {
		expect(keepVoteSchema.parse({ candidateIds: ['a1', 'a1', 'b2'] }).candidateIds).toEqual([
			'a1',
			'b2'
		]);
		const empty = keepVoteSchema.safeParse({ candidateIds: [] });
		expect(empty.success).toBe(false);
		expect(empty.error?.issues[0].message).toBe('voteKeep.error.noneChosen');
	});

	it('never asks to remove the others unless told to, and then only with a real boolean', () => {
		expect(keepVoteSchema.parse({ candidateIds: ['a1'] }).removeOthers).toBe(false);
		expect(keepVoteSchema.parse({ candidateIds: ['a1'], removeOthers: true }).removeOthers).toBe(
			true
		);
		expect(keepVoteSchema.safeParse({ candidateIds: ['a1'], removeOthers: 'on' }).success).toBe(
			false
		);
	});

	it('refuses ids that cannot be ids', () => {
		const parsed = keepVoteSchema.safeParse({ candidateIds: ['a b'], areaId: '../x' });
		expect(parsed.success).toBe(false);
	});
});

describe('planKeep', () => {
	// Two template statements, a free text, and a statement deleted since the vote opened.
	const candidates = [
		{ id: 'c1', text: 'Møder til tiden', statementId: 's1' },
		{ id: 'c2', text: 'Spørger om hjælp', statementId: 's2' },
		{ id: 'c3', text: 'Rydder op efter sig selv', statementId: null },
		{ id: 'c4', text: 'Siger til, når noget er uklart', statementId: null },
		{ id: 'c5', text: 'Slettet i mellemtiden', statementId: 's5' }
	];
	const existingStatementIds = new Set(['s1', 's2', 's9']);

	it('adds the chosen free texts and deletes nothing by default', () => {
		const plan = planKeep({
			candidates,
			chosenIds: ['c1', 'c3'],
			removeOthers: false,
			existingStatementIds
		});
		expect(plan.added.map((c) => c.id)).toEqual(['c3']);
		expect(plan.removed).toEqual([]);
	});

	it('keeps a chosen template statement where it is: it is not added a second time', () => {
		const plan = planKeep({
			candidates,
			chosenIds: ['c2'],
			removeOthers: false,
			existingStatementIds
		});
		expect(plan).toEqual({ added: [], removed: [] });
	});

	it('deletes the unchosen template statements only when asked to', () => {
		const plan = planKeep({
			candidates,
			chosenIds: ['c1', 'c3'],
			removeOthers: true,
			existingStatementIds
		});
		expect(plan.added.map((c) => c.id)).toEqual(['c3']);
		// s2 was not chosen; s5 is gone already; free texts were never in the template.
		expect(plan.removed).toEqual(['s2']);
	});

	it('never deletes a chosen statement, nor statements that were not candidates', () => {
		const plan = planKeep({
			candidates,
			chosenIds: ['c1', 'c2'],
			removeOthers: true,
			existingStatementIds
		});
		expect(plan.removed).toEqual([]);
		expect(plan.removed).not.toContain('s9');
	});
});
