/** The pure dot-vote rules: the per-person budget (stacking allowed) and the counting. */
import { describe, expect, it } from 'vitest';
import {
	allocate,
	castDotsSchema,
	dotsUsed,
	openVoteSchema,
	tally,
	type Allocation
} from '#lib/domain/votes.ts';
import { ValidationError } from '#lib/domain/errors.ts';

const IDS = ['a', 'b', 'c'];

describe('allocate', () => {
	it('lets a voter stack dots on one candidate and spread the rest', () => {
		const stacked = allocate({}, IDS, { candidateId: 'a', dots: 2 }, 3);
		expect(stacked).toEqual({ a: 2 });
		expect(allocate(stacked, IDS, { candidateId: 'b', dots: 1 }, 3)).toEqual({ a: 2, b: 1 });
	});

	it('replaces the count for a candidate, and 0 takes the dots back', () => {
		expect(allocate({ a: 2, b: 1 }, IDS, { candidateId: 'a', dots: 1 }, 3)).toEqual({ a: 1, b: 1 });
		expect(allocate({ a: 2, b: 1 }, IDS, { candidateId: 'a', dots: 0 }, 3)).toEqual({ b: 1 });
	});

	it('refuses more dots than the budget, counting what is already given', () => {
		expect(() => allocate({ a: 2 }, IDS, { candidateId: 'b', dots: 2 }, 3)).toThrow(
			expect.objectContaining({ message: 'vote.error.tooManyDots' })
		);
		expect(() => allocate({}, IDS, { candidateId: 'a', dots: 4 }, 3)).toThrow(ValidationError);
	});

	it('refuses a candidate that is not in the vote', () => {
		expect(() => allocate({}, IDS, { candidateId: 'z', dots: 1 }, 3)).toThrow(
			expect.objectContaining({ message: 'vote.error.unknownCandidate' })
		);
	});
});

describe('tally', () => {
	it('sums every voter’s dots per candidate and lists candidates nobody chose', () => {
		const counts = tally(IDS, [
			{ candidateId: 'a', dots: 2 },
			{ candidateId: 'b', dots: 1 },
			{ candidateId: 'a', dots: 1 },
			{ candidateId: 'gone', dots: 5 }
		]);
		expect(counts).toEqual({ a: 3, b: 1, c: 0 });
	});

	it('counts what allocations add up to', () => {
		const voters: Allocation[] = [{ a: 3 }, { a: 1, b: 1, c: 1 }, { c: 2 }];
		const rows = voters.flatMap((v) =>
			Object.entries(v).map(([candidateId, dots]) => ({ candidateId, dots }))
		);
		const counts = tally(IDS, rows);
		expect(Object.values(counts).reduce((s, n) => s + n, 0)).toBe(
			voters.reduce((s, v) => s + dotsUsed(v), 0)
		);
		expect(counts).toEqual({ a: 4, b: 1, c: 3 });
	});
});

describe('vote schemas', () => {
	it('needs a question, 1-10 dots and 2-30 candidates', () => {
		const ok = { title: 'Hvilke?', dotsPerPerson: 3, candidates: [{ text: 'A' }, { text: 'B' }] };
		expect(openVoteSchema.safeParse(ok).success).toBe(true);
		expect(openVoteSchema.safeParse({ ...ok, dotsPerPerson: 11 }).success).toBe(false);
		expect(openVoteSchema.safeParse({ ...ok, candidates: [{ text: 'A' }] }).success).toBe(false);
		expect(castDotsSchema.safeParse({ candidateId: 'a', dots: -1 }).success).toBe(false);
	});

	it('takes a candidate as text or as a template statement id, not neither', () => {
		const base = { title: 'Hvilke?', dotsPerPerson: 3 };
		const parse = (candidates: object[]) => openVoteSchema.safeParse({ ...base, candidates });
		expect(parse([{ statementId: 'st1' }, { text: 'B' }]).success).toBe(true);
		expect(parse([{}, { text: 'B' }]).success).toBe(false);
	});
});
