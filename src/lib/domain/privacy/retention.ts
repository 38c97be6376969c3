/**
 * How long a municipality keeps closed cases (issue 14): 1 to 120 months after closing, 12 by
 * default. A case closed at `closedAt` expires on the same day of the month `months` later (or
 * the month's last day when that month is shorter).
 */
import { z } from 'zod';

export const DEFAULT_RETENTION_MONTHS = 12;
export const MIN_RETENTION_MONTHS = 1;
/** Ten years: the upper bound. */
export const MAX_RETENTION_MONTHS = 120;

/** `PUT /api/v1/organisations/{id}/retention` and the settings form (as a number): `{ months }`. */
export const retentionSchema = z.object({
	months: z
		.number({ error: 'privacy.retention.invalid' })
		.int({ error: 'privacy.retention.invalid' })
		.min(MIN_RETENTION_MONTHS, { error: 'privacy.retention.tooShort' })
		.max(MAX_RETENTION_MONTHS, { error: 'privacy.retention.tooLong' })
});
export type RetentionInput = z.infer<typeof retentionSchema>;

/** The moment (ms) a case closed at `closedAt` expires: `months` calendar months later (UTC). */
export function expiresAt(closedAt: number, months: number): number {
	const d = new Date(closedAt);
	const targetMonth = d.getUTCMonth() + months;
	const lastDay = new Date(Date.UTC(d.getUTCFullYear(), targetMonth + 1, 0)).getUTCDate();
	return Date.UTC(
		d.getUTCFullYear(),
		targetMonth,
		Math.min(d.getUTCDate(), lastDay),
		d.getUTCHours(),
		d.getUTCMinutes(),
		d.getUTCSeconds(),
		d.getUTCMilliseconds()
	);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A closing time no expired case is later than: every calendar month has at least 28 days, so a
 * query for cases closed before this finds all expired ones (and a few more, which
 * `isExpired` then sorts out).
 */
export function closedBound(now: number, months: number): number {
	return now - months * 28 * DAY_MS;
}

/** True when a case closed at `closedAt` is past its retention at `now`. */
export function isExpired(closedAt: number | null, months: number, now: number): boolean {
	return closedAt !== null && expiresAt(closedAt, months) <= now;
}
