/**
 * Run mode on the server: the agenda and timer of a workshop's day, stored in `run_state` so
 * they survive reloads and restarts. There is one state per day (run-days.ts): the workshop's
 * current phase decides which day runs, so moving to Dag 2 shows Dag 2's agenda and moving back
 * finds Dag 1's as it was left. Everyone who may read the workshop sees the state; only those who
 * may `run` it (the facilitator) change it. Every function checks `can()` itself.
 */
import { getDb, transaction } from '../platform/db.ts';
import { authorizeWorkshop } from '../workshops/workshops.ts';
import { loadFollowTarget, type FollowTargetView } from './run-follow.ts';
import { publishRunChange } from './run-events.ts';
import { loadState, saveState } from './run-state-store.ts';
import {
	applyTimerAction,
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
import type { RunDay } from '#lib/domain/run-days.ts';
import { can, type Actor } from '#lib/domain/permissions.ts';

/** What participants and the facilitator see; times are relative so clock skew does not matter. */
export type RunView = {
	/** The day being run: the one of the workshop's current phase (Dag 3 in Drift). */
	day: RunDay;
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

function view(
	workshopId: string,
	state: RunState & { day: RunDay },
	version: number,
	canRun: boolean,
	now: number
): RunView {
	const total = totalMs(state);
	const remaining = remainingMs(state, now);
	return {
		day: state.day,
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
		const next = { ...applyTimerAction(current, input, now), day: current.day };
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
		const next = { ...replaceAgenda(current, agenda), day: current.day };
		const version = saveState(workshopId, { ...next, version: current.version });
		return view(workshopId, next, version, true, now);
	});
	publishRunChange(workshopId, 'agenda');
	return result;
}
