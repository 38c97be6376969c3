/**
 * The pure run-mode rules: time left, the 20 % / 5 % warning levels, what each timer action does,
 * and agenda edits.
 */
import { describe, expect, it } from 'vitest';
import {
	agendaSchema,
	applyAgendaEdit,
	applyTimerAction,
	formatRemaining,
	initialRunState,
	readAgendaForm,
	remainingMs,
	replaceAgenda,
	timerActionSchema,
	totalMs,
	warningLevel,
	type RunState
} from '#lib/domain/run-mode.ts';
import { ValidationError } from '#lib/domain/errors.ts';

const MIN = 60_000;
const AGENDA = [
	{ title: 'Velkomst', minutes: 20 },
	{ title: 'Udsagn', minutes: 60 }
];
const T0 = 1_700_000_000_000;

function started(at = T0): RunState {
	return applyTimerAction(initialRunState(AGENDA), { action: 'start' }, at);
}

describe('remainingMs', () => {
	it('is the full item length while paused and counts down while running', () => {
		const state = initialRunState(AGENDA);
		expect(remainingMs(state, T0 + 10 * MIN)).toBe(20 * MIN);
		expect(remainingMs(started(), T0 + 5 * MIN)).toBe(15 * MIN);
	});

	it('stops counting on pause and resumes from there', () => {
		const paused = applyTimerAction(started(), { action: 'pause' }, T0 + 5 * MIN);
		expect(remainingMs(paused, T0 + 50 * MIN)).toBe(15 * MIN);
		const resumed = applyTimerAction(paused, { action: 'start' }, T0 + 50 * MIN);
		expect(remainingMs(resumed, T0 + 52 * MIN)).toBe(13 * MIN);
	});

	it('goes negative once the item runs over', () => {
		expect(remainingMs(started(), T0 + 21 * MIN)).toBe(-MIN);
	});
});

describe('warningLevel', () => {
	it.each([
		[20 * MIN, 'none'],
		[4 * MIN + 1, 'none'],
		[4 * MIN, 'warning'],
		[MIN + 1, 'warning'],
		[MIN, 'critical'],
		[1, 'critical'],
		[0, 'over'],
		[-5 * MIN, 'over']
	] as const)('%i ms left of 20 min is %s', (left, level) => {
		expect(warningLevel(left, 20 * MIN)).toBe(level);
	});

	it('counts added time in the total', () => {
		const state = applyTimerAction(started(), { action: 'add', minutes: 5 }, T0);
		expect(totalMs(state)).toBe(25 * MIN);
		// 5 of 25 minutes left is exactly 20 %.
		const now = T0 + 20 * MIN;
		expect(warningLevel(remainingMs(state, now), totalMs(state))).toBe('warning');
		expect(warningLevel(remainingMs(state, now - 1), totalMs(state))).toBe('none');
	});
});

describe('applyTimerAction', () => {
	it('start and pause are idempotent', () => {
		const once = started();
		expect(applyTimerAction(once, { action: 'start' }, T0 + MIN)).toEqual(once);
		const paused = applyTimerAction(once, { action: 'pause' }, T0 + MIN);
		expect(applyTimerAction(paused, { action: 'pause' }, T0 + 2 * MIN)).toEqual(paused);
	});

	it('next moves to the next item with a fresh timer that keeps running', () => {
		const withExtra = applyTimerAction(started(), { action: 'add', minutes: 3 }, T0);
		const next = applyTimerAction(withExtra, { action: 'next' }, T0 + 7 * MIN);
		expect(next).toMatchObject({ itemIndex: 1, addedMs: 0, elapsedMs: 0, startedAt: T0 + 7 * MIN });
		expect(remainingMs(next, T0 + 7 * MIN)).toBe(60 * MIN);
	});

	it('refuses next on the last item', () => {
		const last = applyTimerAction(started(), { action: 'next' }, T0);
		expect(() => applyTimerAction(last, { action: 'next' }, T0)).toThrow(ValidationError);
	});
});

describe('timerActionSchema', () => {
	it('needs whole minutes from 1 to 120 for add', () => {
		expect(timerActionSchema.safeParse({ action: 'add', minutes: 5 }).success).toBe(true);
		for (const minutes of [undefined, 0, 121, 2.5, '5']) {
			const parsed = timerActionSchema.safeParse({ action: 'add', minutes });
			expect(parsed.success, String(minutes)).toBe(false);
		}
		expect(timerActionSchema.safeParse({ action: 'stop' }).success).toBe(false);
	});
});

describe('agenda edits', () => {
	it('moves a row up, removes a row, but never the last one', () => {
		expect(applyAgendaEdit(AGENDA, { op: 'up', index: 1 })).toEqual([AGENDA[1], AGENDA[0]]);
		expect(applyAgendaEdit(AGENDA, { op: 'up', index: 0 })).toEqual(AGENDA);
		expect(applyAgendaEdit(AGENDA, { op: 'remove', index: 0 })).toEqual([AGENDA[1]]);
		expect(() => applyAgendaEdit([AGENDA[0]], { op: 'remove', index: 0 })).toThrow(ValidationError);
	});

	it('keeps the position when the agenda still reaches it, else pauses on the last item', () => {
		const onSecond = applyTimerAction(started(), { action: 'next' }, T0);
		expect(replaceAgenda(onSecond, [...AGENDA, AGENDA[0]]).itemIndex).toBe(1);
		const shrunk = replaceAgenda(onSecond, [AGENDA[0]]);
		expect(shrunk).toMatchObject({ itemIndex: 0, startedAt: null, elapsedMs: 0 });
	});

	it('validates items: a title and 1-480 whole minutes', () => {
		expect(agendaSchema.safeParse([{ title: 'A', minutes: '15' }]).success).toBe(true);
		expect(agendaSchema.safeParse([]).success).toBe(false);
		expect(agendaSchema.safeParse([{ title: ' ', minutes: 15 }]).success).toBe(false);
		expect(agendaSchema.safeParse([{ title: 'A', minutes: 481 }]).success).toBe(false);
	});
});

describe('readAgendaForm', () => {
	const rows = { 'title-0': 'A', 'minutes-0': '10', 'title-1': 'B', 'minutes-1': '20' };

	it('reads the rows and the pressed button', () => {
		expect(readAgendaForm({ ...rows, op: 'up:1' })).toEqual({
			rows: [
				{ title: 'A', minutes: '10' },
				{ title: 'B', minutes: '20' }
			],
			edit: { op: 'up', index: 1 }
		});
		expect(readAgendaForm({ ...rows, op: 'remove:0' }).edit).toEqual({ op: 'remove', index: 0 });
	});

	it('adds the new row only for add, and treats an unknown button as save', () => {
		const added = readAgendaForm({ ...rows, newTitle: 'C', newMinutes: '5', op: 'add' });
		expect(added.rows.at(-1)).toEqual({ title: 'C', minutes: '5' });
		expect(readAgendaForm({ ...rows, newTitle: 'C', op: 'save' }).rows).toHaveLength(2);
		expect(readAgendaForm({ ...rows, op: 'up:x' }).edit).toEqual({ op: 'save' });
	});
});

describe('formatRemaining', () => {
	it('shows mm:ss, rounding up, with a minus sign when over', () => {
		expect(formatRemaining(20 * MIN)).toBe('20:00');
		expect(formatRemaining(59_001)).toBe('01:00');
		expect(formatRemaining(0)).toBe('00:00');
		expect(formatRemaining(-61_000)).toBe('-01:01');
	});
});
