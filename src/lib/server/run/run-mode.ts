/**
 * Run mode on the server: the agenda and timer of a workshop's day, stored in `run_state` so
 * they survive reloads and restarts. Everyone who may read the workshop sees the state; only
 * those who may `run` it (the facilitator) change it. Every function checks `can()` itself.
 */
import { getDb, transaction } from '../platform/db.ts';
import { authorizeWorkshop } from '../workshops/workshops.ts';
import { loadFollowTarget, type FollowTargetView } from './run-follow.ts';
import { publishRunChange } from './run-events.ts';
import {
	applyTimerAction,
	initialRunState,
	isRunning,
	remainingMs,
	replaceAgenda,
	totalMs,
	warningLevel,
	type AgendaItem,
	type RunState,
	type TimerActionInput,
	type WarningLevel
} from '#lib/domain/run-mode.ts';
import { can, type Actor } from '#lib/domain/permissions.ts';
import type { THREE_DAY_FORMAT } from '#lib/domain/workshop.ts';

/** What participants and the facilitator see; times are relative so clock skew does not matter. */
export type RunView = {
	agenda: AgendaItem[];
	itemIndex: number;
	isRunning: boolean;
	totalMs: number;
	remainingMs: number;
	warning: WarningLevel;
	/** True when the requester may change agenda and timer. */
	canRun: boolean;
	/** Changes whenever the facilitator changes something; clients re-anchor their countdown. */
	version: number;
	/** The place of the template the facilitator points at ("follow me"), or null. */
	follow: FollowTargetView | null;
};

type RunRow = {
	updated_at: number;
	agenda_json: string;
	item_index: number;
	started_at: number | null;
	elapsed_ms: number;
	added_ms: number;
};

type Stored = RunState & { version: number };

/** The stored state, or a fresh one (version 0) from the workshop format's Dag 1 agenda. */
function loadState(workshopId: string): Stored {
	const db = getDb();
	const row = db
		.prepare(
			'SELECT updated_at, agenda_json, item_index, started_at, elapsed_ms, added_ms FROM run_state WHERE workshop_id = ?'
		)
		.get(workshopId) as RunRow | undefined;
	if (row) {
		return {
			agenda: JSON.parse(row.agenda_json) as AgendaItem[],
			itemIndex: row.item_index,
			startedAt: row.started_at,
			elapsedMs: row.elapsed_ms,
			addedMs: row.added_ms,
			version: row.updated_at
		};
	}
	const { format_json } = db
		.prepare('SELECT format_json FROM workshops WHERE id = ?')
		.get(workshopId) as { format_json: string };
	const format = JSON.parse(format_json) as typeof THREE_DAY_FORMAT;
	const day = format.days.find((d) => d.phase === 'format') ?? format.days[0];
	return { ...initialRunState(day?.agenda.map((item) => ({ ...item })) ?? []), version: 0 };
}

/** Stores `state`; the new version is the save time, kept increasing even if the clock is not. */
function saveState(workshopId: string, state: Stored): number {
	const version = Math.max(Date.now(), state.version + 1);
	getDb()
		.prepare(
			`INSERT INTO run_state (workshop_id, agenda_json, item_index, started_at, elapsed_ms, added_ms, updated_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?)
			 ON CONFLICT(workshop_id) DO UPDATE SET agenda_json = excluded.agenda_json,
			   item_index = excluded.item_index, started_at = excluded.started_at,
			   elapsed_ms = excluded.elapsed_ms, added_ms = excluded.added_ms, updated_at = excluded.updated_at`
		)
		.run(
			workshopId,
			JSON.stringify(state.agenda),
			state.itemIndex,
			state.startedAt,
			state.elapsedMs,
			state.addedMs,
			version
		);
	return version;
}

function view(
	workshopId: string,
	state: RunState,
	version: number,
	canRun: boolean,
	now: number
): RunView {
	const total = totalMs(state);
	const remaining = remainingMs(state, now);
	return {
		agenda: state.agenda,
		itemIndex: state.itemIndex,
		isRunning: isRunning(state),
		totalMs: total,
		remainingMs: remaining,
		warning: warningLevel(remaining, total),
		canRun,
		version,
		follow: loadFollowTarget(workshopId)
	};
}

/**
 * The run state of a workshop as the actor sees it.
 * @throws NotFoundError when the workshop is missing or invisible to the actor.
 */
export function getRunView(actor: Actor, workshopId: string): RunView {
	const resource = authorizeWorkshop(actor, workshopId, 'read');
	const state = loadState(workshopId);
	return view(workshopId, state, state.version, can(actor, 'run', resource), Date.now());
}

/**
 * Applies a facilitator's timer action (start, pause, add time, next item).
 * @throws NotFoundError, ForbiddenError, ValidationError (`next` on the last item).
 */
export function changeTimer(actor: Actor, workshopId: string, input: TimerActionInput): RunView {
	authorizeWorkshop(actor, workshopId, 'run');
	const now = Date.now();
	const db = getDb();
	const result = transaction(db, () => {
		const current = loadState(workshopId);
		const next = applyTimerAction(current, input, now);
		const version = saveState(workshopId, { ...next, version: current.version });
		return view(workshopId, next, version, true, now);
	});
	publishRunChange(workshopId, 'timer');
	return result;
}

/**
 * Replaces the day's agenda (add, rename, remove, reorder items); `agenda` is already validated.
 * @throws NotFoundError, ForbiddenError.
 */
export function saveAgenda(actor: Actor, workshopId: string, agenda: AgendaItem[]): RunView {
	authorizeWorkshop(actor, workshopId, 'run');
	const now = Date.now();
	const db = getDb();
	const result = transaction(db, () => {
		const current = loadState(workshopId);
		const next = replaceAgenda(current, agenda);
		const version = saveState(workshopId, { ...next, version: current.version });
		return view(workshopId, next, version, true, now);
	});
	publishRunChange(workshopId, 'agenda');
	return result;
}
