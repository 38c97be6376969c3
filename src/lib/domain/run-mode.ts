/**
 * Run mode (issue 5): the facilitator runs Dag 1 from a timed agenda. This module is the pure
 * part: the timer arithmetic, the warning levels everyone sees, and what each facilitator action
 * does to the state. The server stores the state (src/lib/server/run/run-mode.ts); nothing here
 * reads a clock, so tests pass `now`.
 */
import { z } from 'zod';
import { lazySchema } from './lazy-schema.ts';
import { ValidationError } from './errors.ts';
import { textSchema } from './text.ts';
import {
	MAX_ADD_MINUTES,
	MAX_AGENDA_ITEMS,
	MAX_AGENDA_ITEM_MINUTES,
	MAX_TITLE_LENGTH
} from './limits.ts';

export type AgendaItem = { title: string; minutes: number };

/** The stored run state of one workshop. `startedAt` is null while the timer is paused. */
export type RunState = {
	agenda: AgendaItem[];
	itemIndex: number;
	startedAt: number | null;
	/** Time run on the current item before the last start. */
	elapsedMs: number;
	/** Time the facilitator added to the current item. */
	addedMs: number;
};

/** Below 20 % left: `warning`; below 5 %: `critical`; at or past zero: `over`. */
export type WarningLevel = 'none' | 'warning' | 'critical' | 'over';
export const WARNING_FRACTION = 0.2;
export const CRITICAL_FRACTION = 0.05;

export const TIMER_ACTIONS = ['start', 'pause', 'add', 'next'] as const;
export type TimerAction = (typeof TIMER_ACTIONS)[number];

const MINUTE_MS = 60_000;

/** The body of `POST /api/v1/workshops/{id}/run/timer`; `add` needs `minutes`. */
export const timerActionSchema = lazySchema(() =>
	z
		.object({
			action: z.enum(TIMER_ACTIONS, { error: 'run.field.action' }),
			minutes: z
				.int({ error: 'run.field.minutes' })
				.min(1, { error: 'run.field.minutes' })
				.max(MAX_ADD_MINUTES, { error: 'run.field.minutes' })
				.optional()
		})
		.refine((body) => body.action !== 'add' || body.minutes !== undefined, {
			path: ['minutes'],
			error: 'run.field.minutes'
		})
);
export type TimerActionInput = z.infer<typeof timerActionSchema>;

export const agendaItemSchema = lazySchema(() =>
	z.object({
		title: textSchema(MAX_TITLE_LENGTH),
		minutes: z.coerce
			.number({ error: 'run.field.itemMinutes' })
			.int({ error: 'run.field.itemMinutes' })
			.min(1, { error: 'run.field.itemMinutes' })
			.max(MAX_AGENDA_ITEM_MINUTES, { error: 'run.field.itemMinutes' })
	})
);

/** A whole agenda as the facilitator saves it: at least one item, at most MAX_AGENDA_ITEMS. */
export const agendaSchema = lazySchema(() =>
	z
		.array(agendaItemSchema)
		.min(1, { error: 'run.field.agendaEmpty' })
		.max(MAX_AGENDA_ITEMS, { error: 'run.field.agendaTooLong' })
);

/** Planned length of the current item plus added time, in ms. */
export function totalMs(state: RunState): number {
	const item = state.agenda[state.itemIndex];
	return (item?.minutes ?? 0) * MINUTE_MS + state.addedMs;
}

/** True while the timer runs. */
export function isRunning(state: RunState): boolean {
	return state.startedAt !== null;
}

/** Time left on the current item at `now`; negative once the item runs over. */
export function remainingMs(state: RunState, now: number): number {
	const running = state.startedAt === null ? 0 : Math.max(0, now - state.startedAt);
	return totalMs(state) - state.elapsedMs - running;
}

/** The warning level for `remaining` out of `total` ms (20 % and 5 % thresholds). */
export function warningLevel(remaining: number, total: number): WarningLevel {
	if (remaining <= 0) return 'over';
	if (total <= 0) return 'none';
	const fraction = remaining / total;
	if (fraction <= CRITICAL_FRACTION) return 'critical';
	if (fraction <= WARNING_FRACTION) return 'warning';
	return 'none';
}

/** `mm:ss` (or `-mm:ss` when over time), rounding up so a running timer reaches 00:00 at zero. */
export function formatRemaining(ms: number): string {
	const seconds = Math.ceil(Math.abs(ms) / 1000);
	const mm = String(Math.floor(seconds / 60)).padStart(2, '0');
	const ss = String(seconds % 60).padStart(2, '0');
	return `${ms < 0 && seconds > 0 ? '-' : ''}${mm}:${ss}`;
}

/** A fresh state for an agenda: first item, paused, nothing elapsed. */
export function initialRunState(agenda: AgendaItem[]): RunState {
	return { agenda, itemIndex: 0, startedAt: null, elapsedMs: 0, addedMs: 0 };
}

/**
 * The state after a facilitator's timer action at `now`. Start and pause are idempotent, so a
 * double click or two facilitators pressing at once do no harm.
 * @throws ValidationError `run.error.lastItem` for `next` on the last item.
 */
export function applyTimerAction(state: RunState, input: TimerActionInput, now: number): RunState {
	switch (input.action) {
		case 'start':
			return isRunning(state) ? state : { ...state, startedAt: now };
		case 'pause':
			if (state.startedAt === null) return state;
			return {
				...state,
				startedAt: null,
				elapsedMs: state.elapsedMs + Math.max(0, now - state.startedAt)
			};
		case 'add':
			return { ...state, addedMs: state.addedMs + (input.minutes ?? 0) * MINUTE_MS };
		case 'next':
			if (state.itemIndex >= state.agenda.length - 1) {
				throw new ValidationError('run.error.lastItem');
			}
			return {
				...state,
				itemIndex: state.itemIndex + 1,
				elapsedMs: 0,
				addedMs: 0,
				startedAt: isRunning(state) ? now : null
			};
	}
}

/**
 * The state with a new agenda. The current position is kept (clamped to the new length); when
 * the agenda shrinks past the current item, the timer restarts on the last item, paused.
 */
export function replaceAgenda(state: RunState, agenda: AgendaItem[]): RunState {
	if (state.itemIndex < agenda.length) return { ...state, agenda };
	return { ...initialRunState(agenda), itemIndex: agenda.length - 1 };
}

/** An edit of one agenda row from the facilitator's form: move it up, or remove it. */
export type AgendaEdit = { op: 'save' } | { op: 'up' | 'remove'; index: number };

/**
 * Applies a row edit to the submitted rows (already validated). Moving the first row up does
 * nothing; removing the last remaining row is refused.
 * @throws ValidationError `run.field.agendaEmpty`.
 */
export function applyAgendaEdit(items: AgendaItem[], edit: AgendaEdit): AgendaItem[] {
	if (edit.op === 'save') return items;
	const next = [...items];
	if (edit.index < 0 || edit.index >= next.length) return next;
	if (edit.op === 'remove') {
		if (next.length === 1) throw new ValidationError('run.field.agendaEmpty');
		next.splice(edit.index, 1);
		return next;
	}
	if (edit.index === 0) return next;
	[next[edit.index - 1], next[edit.index]] = [next[edit.index], next[edit.index - 1]];
	return next;
}

/**
 * Reads the facilitator's agenda form: rows `title-<i>`/`minutes-<i>`, an optional new row
 * `newTitle`/`newMinutes` (only with `op=add`), and the pressed button `op` (`save`, `add`,
 * `up:<i>`, `remove:<i>`). Returns the rows to validate and the edit to apply after validation.
 */
export function readAgendaForm(values: Record<string, string>): {
	rows: { title: string; minutes: string }[];
	edit: AgendaEdit;
} {
	const rows: { title: string; minutes: string }[] = [];
	for (let i = 0; `title-${i}` in values && i < MAX_AGENDA_ITEMS + 1; i++) {
		rows.push({ title: values[`title-${i}`] ?? '', minutes: values[`minutes-${i}`] ?? '' });
	}
	const [op, index] = (values.op ?? 'save').split(':');
	if (op === 'add') rows.push({ title: values.newTitle ?? '', minutes: values.newMinutes ?? '' });
	if ((op === 'up' || op === 'remove') && /^\d+$/.test(index ?? '')) {
		return { rows, edit: { op, index: Number(index) } };
	}
	return { rows, edit: { op: 'save' } };
}
