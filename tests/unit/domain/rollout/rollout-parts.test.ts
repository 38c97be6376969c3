/**
 * Join codes, the self-check's aggregate and its group threshold, progress and completion, the
 * follow-up date and the completion CSV.
 */
import { describe, expect, it } from 'vitest';
import {
	JOIN_CODE_ALPHABET,
	JOIN_CODE_LENGTH,
	MIN_GROUP_SIZE,
	SELF_CHECK_ITEMS,
	aggregateSelfChecks,
	completionCsv,
	csvCell,
	defaultFollowUpDate,
	formatJoinCode,
	generateWalkthrough,
	newJoinCode,
	normalizeJoinCode,
	progressOf,
	questionStats,
	questionsOf,
	selfCheckSchema,
	type SelfCheckAnswers
} from '#lib/domain/rollout/index.ts';
import { starterDrejebog } from '#lib/domain/drejebog/index.ts';
import { starterTemplate } from '../../../fixtures/template.ts';

describe('join codes', () => {
	it('never use characters that sound or look alike', () => {
		for (const char of '0O1lIiLo') expect(JOIN_CODE_ALPHABET).not.toContain(char);
		for (let i = 0; i < 200; i++) {
			const code = newJoinCode();
			expect(code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`));
		}
	});

	it('draw bytes again rather than bias characters', () => {
		// 29 * 8 = 232: bytes from 232 up would favour the first characters, so they are skipped.
		let calls = 0;
		const random = (bytes: Uint8Array<ArrayBuffer>) => {
			calls++;
			bytes.fill(calls === 1 ? 240 : 3);
			return bytes;
		};
		expect(newJoinCode(random)).toBe(JOIN_CODE_ALPHABET[3].repeat(JOIN_CODE_LENGTH));
		expect(calls).toBe(2);
	});

	it('accept what people type: lower case, spaces and dashes; refuse anything else', () => {
		expect(normalizeJoinCode(' abc-23 4 ')).toBe('ABC234');
		expect(normalizeJoinCode('ABC23')).toBeNull();
		expect(normalizeJoinCode('ABC230')).toBeNull();
		expect(normalizeJoinCode('ABCO23')).toBeNull();
		expect(normalizeJoinCode("' OR 1")).toBeNull();
		expect(formatJoinCode('ABC234')).toBe('ABC 234');
	});
});

describe('the self-check', () => {
	const answers = (value: 1 | 2 | 3 | 4 | 5): SelfCheckAnswers =>
		Object.fromEntries(SELF_CHECK_ITEMS.map((item) => [item.id, value])) as SelfCheckAnswers;

	it('draws its items from seed 004 (4.5, 4.1, 4.4, 4.6, 2.6 and three profiles)', () => {
		expect(SELF_CHECK_ITEMS.map((i) => i.source)).toEqual(
			expect.arrayContaining(['4.5', '4.1', '4.4', '4.6', '2.6'])
		);
	});

	it('needs every item on the five-step scale', () => {
		expect(selfCheckSchema.safeParse({ occasion: 'end', answers: answers(5) }).success).toBe(true);
		const missing = { ...answers(3) } as Record<string, number>;
		delete missing.progressionTools;
		expect(selfCheckSchema.safeParse({ occasion: 'end', answers: missing }).success).toBe(false);
		expect(
			selfCheckSchema.safeParse({ occasion: 'end', answers: { ...answers(3), systematic: 6 } })
				.success
		).toBe(false);
	});

	it(`hides groups under ${MIN_GROUP_SIZE}, without saying how many answered`, () => {
		const four = [answers(1), answers(2), answers(3), answers(4)];
		expect(aggregateSelfChecks('end', four)).toEqual({
			occasion: 'end',
			isShown: false,
			minimum: MIN_GROUP_SIZE
		});
	});

	it(`counts and averages groups of ${MIN_GROUP_SIZE} and more`, () => {
		const five = [answers(1), answers(2), answers(4), answers(4), answers(5)];
		const aggregate = aggregateSelfChecks('followUp', five);
		if (!aggregate.isShown) throw new Error('hidden');
		expect(aggregate.respondents).toBe(5);
		expect(aggregate.items).toHaveLength(SELF_CHECK_ITEMS.length);
		expect(aggregate.items[0].counts).toEqual([1, 1, 0, 2, 1]);
		expect(aggregate.items[0].mean).toBe(3.2);
	});
});

describe('progress and completion', () => {
	const template = starterTemplate('lager');
	const walkthrough = generateWalkthrough({
		template,
		drejebog: starterDrejebog(template),
		meta: { number: 2, note: '' }
	});
	const questions = questionsOf(walkthrough);
	const allSteps = new Set(walkthrough.steps.map((s) => s.id));

	it('is complete with every step confirmed and every question answered, right or wrong', () => {
		const answers = new Map(questions.map((q, i) => [q.stepId, i % 2 === 0]));
		const done = progressOf(walkthrough, allSteps, answers);
		expect(done).toMatchObject({ isComplete: true, answered: questions.length });
		expect(done.correct).toBe(Math.ceil(questions.length / 2));
		const oneLess = new Set(allSteps);
		oneLess.delete('practice');
		expect(progressOf(walkthrough, oneLess, answers).isComplete).toBe(false);
		answers.delete(questions[0].stepId);
		expect(progressOf(walkthrough, allSteps, answers).isComplete).toBe(false);
	});

	it('gives the share of right answers per question', () => {
		const [first, second] = questions;
		const stats = questionStats(walkthrough, [
			{ stepId: first.stepId, isCorrect: true },
			{ stepId: first.stepId, isCorrect: false },
			{ stepId: first.stepId, isCorrect: true },
			{ stepId: first.stepId, isCorrect: true }
		]);
		expect(stats[0]).toMatchObject({ stepId: first.stepId, answered: 4, correctShare: 0.75 });
		expect(stats[1]).toMatchObject({ stepId: second.stepId, answered: 0, correctShare: null });
	});

	it('sets the follow-up meeting four to six weeks later, on a weekday', () => {
		for (let day = 0; day < 14; day++) {
			const session = Date.UTC(2026, 11, 1 + day, 9);
			const followUp = new Date(`${defaultFollowUpDate(session)}T12:00:00Z`);
			const weeks = (followUp.getTime() - session) / (7 * 24 * 3600 * 1000);
			expect(weeks).toBeGreaterThanOrEqual(4);
			expect(weeks).toBeLessThanOrEqual(6);
			expect([0, 6]).not.toContain(followUp.getUTCDay());
		}
	});

	it('writes a CSV a Danish spreadsheet opens: BOM, semicolons, quotes, no formulas', () => {
		const progress = progressOf(walkthrough, allSteps, new Map());
		const csv = completionCsv([
			{
				name: '=HYPERLINK("x")',
				email: 'a;b@kommune.dk',
				versionNumber: 2,
				mode: 'self',
				joinedAt: Date.UTC(2026, 5, 1, 8, 5),
				completedAt: null,
				progress
			}
		]);
		expect(csv.startsWith('\uFEFFNavn;E-mail;Version;')).toBe(true);
		const [, row] = csv.slice(1).split('\r\n');
		expect(row).toBe(
			`"'=HYPERLINK(""x"")";"a;b@kommune.dk";2;Selvstændigt;2026-06-01 10:05;;${progress.acked};${progress.required};0;${progress.questions}`
		);
		expect(csvCell('-1')).toBe("'-1");
		expect(csvCell(-1)).toBe('-1');
	});
});
