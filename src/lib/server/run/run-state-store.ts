/**
 * Where run mode keeps its state: one row of `run_state` per workshop and day (migration 012).
 * No access checks here: run-mode.ts checks `can()` before it reads or writes, and changing the
 * phase (workshops.ts, itself authorized) pauses the day it leaves.
 */
import { getDb } from '../platform/db.ts';
import {
	applyTimerAction,
	initialRunState,
	isRunning,
	type AgendaItem,
	type RunState
} from '#lib/domain/run-mode.ts';
import { runDayOf, startingAgenda, type RunDay } from '#lib/domain/run-days.ts';
import type { Phase, THREE_DAY_FORMAT } from '#lib/domain/workshop.ts';

type RunRow = {
	updated_at: number;
	agenda_json: string;
	item_index: number;
	started_at: number | null;
	elapsed_ms: number;
	added_ms: number;
};

/** A day's run state as stored, with the version clients re-anchor their countdown on. */
export type Stored = RunState & { day: RunDay; version: number };

/** The format the workshop was created with, or null when it cannot be read. */
function formatOf(formatJson: string): typeof THREE_DAY_FORMAT | null {
	try {
		const format = JSON.parse(formatJson) as typeof THREE_DAY_FORMAT | null;
		return Array.isArray(format?.days) ? format : null;
	} catch {
		return null;
	}
}

/** The stored state of `day`, or null while that day has never been changed. */
function loadStateOf(workshopId: string, day: RunDay): Stored | null {
	const row = getDb()
		.prepare(
			`SELECT updated_at, agenda_json, item_index, started_at, elapsed_ms, added_ms FROM run_state
			 WHERE workshop_id = ? AND day = ?`
		)
		.get(workshopId, day) as RunRow | undefined;
	if (!row) return null;
	return {
		day,
		agenda: JSON.parse(row.agenda_json) as AgendaItem[],
		itemIndex: row.item_index,
		startedAt: row.started_at,
		elapsedMs: row.elapsed_ms,
		addedMs: row.added_ms,
		version: row.updated_at
	};
}

/**
 * The state of the day the workshop's phase runs: as stored, or a fresh one (version 0) from that
 * day's agenda in the workshop's format (the default agenda when the format has none).
 */
export function loadState(workshopId: string): Stored {
	const workshop = getDb()
		.prepare('SELECT phase, format_json FROM workshops WHERE id = ?')
		.get(workshopId) as { phase: Phase; format_json: string };
	const day = runDayOf(workshop.phase);
	const stored = loadStateOf(workshopId, day);
	if (stored) return stored;
	const agenda = startingAgenda(formatOf(workshop.format_json), day);
	return { ...initialRunState(agenda), day, version: 0 };
}

/**
 * Stores `state` as its day's; the new version is the save time, kept increasing even if the
 * clock is not.
 */
export function saveState(workshopId: string, state: Stored): number {
	const version = Math.max(Date.now(), state.version + 1);
	getDb()
		.prepare(
			`INSERT INTO run_state (workshop_id, day, agenda_json, item_index, started_at, elapsed_ms, added_ms, updated_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			 ON CONFLICT(workshop_id, day) DO UPDATE SET agenda_json = excluded.agenda_json,
			   item_index = excluded.item_index, started_at = excluded.started_at,
			   elapsed_ms = excluded.elapsed_ms, added_ms = excluded.added_ms, updated_at = excluded.updated_at`
		)
		.run(
			workshopId,
			state.day,
			JSON.stringify(state.agenda),
			state.itemIndex,
			state.startedAt,
			state.elapsedMs,
			state.addedMs,
			version
		);
	return version;
}

/**
 * Pauses the timer of the day that phase `from` runs, when it runs and the phase moves to a
 * phase of another day: a day left running would count the time spent on other days, and moving
 * back should find the timer where the group left it. Call inside the phase change's
 * transaction; returns true when a timer was paused.
 */
export function pauseDayLeft(workshopId: string, from: Phase, to: Phase, now: number): boolean {
	if (runDayOf(from) === runDayOf(to)) return false;
	const state = loadStateOf(workshopId, runDayOf(from));
	if (!state || !isRunning(state)) return false;
	const paused = applyTimerAction(state, { action: 'pause' }, now);
	saveState(workshopId, { ...paused, day: state.day, version: state.version });
	return true;
}
