/**
 * When a case's measurement points fall, from their timings and the case's period, and what that
 * makes of the case today: its stage (før / under / mod afslutningen / afsluttet) and the points
 * due this week.
 */
import type { MeasurementPoint } from '../template/schemas.ts';
import type { CaseStage, DuePoint } from './types.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How many days before its end a case counts as "mod afslutningen". */
export const ENDING_DAYS = 14;

function toMs(date: string): number {
	return Date.parse(`${date}T00:00:00Z`);
}

function toDate(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

/** `date` plus `days` days, as `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
	return toDate(toMs(date) + days * DAY_MS);
}

/** The Monday and Sunday of the week that holds `date`. */
export function weekOf(date: string): { from: string; to: string } {
	const day = new Date(toMs(date)).getUTCDay();
	const from = addDays(date, -((day + 6) % 7));
	return { from, to: addDays(from, 6) };
}

/**
 * The dates a point falls on for a case from `start` to `end`: the start, N weeks in (not past
 * the end), the end, or every N weeks until the end; none while its timing is not decided.
 */
export function pointDates(
	point: Pick<MeasurementPoint, 'timing'>,
	start: string,
	end: string
): string[] {
	const timing = point.timing;
	if (!timing) return [];
	switch (timing.kind) {
		case 'start':
			return [start];
		case 'end':
			return [end];
		case 'afterWeeks': {
			const date = addDays(start, timing.weeks * 7);
			return [date > end ? end : date];
		}
		case 'everyWeeks': {
			const dates: string[] = [];
			for (let date = addDays(start, timing.weeks * 7); date <= end;) {
				dates.push(date);
				date = addDays(date, timing.weeks * 7);
			}
			return dates;
		}
	}
}

/** The stage of a case on `today`. */
export function caseStage(
	c: { start: string; end: string; closedAt: number | null },
	today: string
): CaseStage {
	if (c.closedAt !== null) return 'closed';
	if (today < c.start) return 'before';
	if (today >= addDays(c.end, -ENDING_DAYS)) return 'ending';
	return 'during';
}

/**
 * The points that fall in the week of `today` and are not complete yet (`isComplete` says
 * whether every planned rating at a point has been given), in template order.
 */
export function dueThisWeek(
	points: readonly MeasurementPoint[],
	c: { start: string; end: string; closedAt: number | null },
	today: string,
	isComplete: (pointId: string) => boolean
): DuePoint[] {
	if (c.closedAt !== null) return [];
	const week = weekOf(today);
	const due: DuePoint[] = [];
	for (const point of points) {
		const date = pointDates(point, c.start, c.end).find((d) => d >= week.from && d <= week.to);
		if (date !== undefined && !isComplete(point.id)) {
			due.push({ pointId: point.id, label: point.label, date });
		}
	}
	return due;
}
