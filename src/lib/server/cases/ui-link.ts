/**
 * The public link page (cases-ui): turns the cases module's refusals of a link into the reason
 * the page explains and the HTTP status it answers with, like invitation links do: unknown 404,
 * used 409 (its one use is spent), expired, revoked or closed 410 (gone for good), too many
 * unknown tokens 429. Anything else is not a link refusal and propagates.
 */
import { isDomainError, NotFoundError, RateLimitedError } from '#lib/domain/errors.ts';

/** Why a link cannot be used; the page's message keys are `casePages.link.reason.<reason>`. */
export const LINK_REASONS = [
	'unknown',
	'used',
	'expired',
	'revoked',
	'closed',
	'throttled'
] as const;
export type LinkReason = (typeof LINK_REASONS)[number];

const STATUS: Record<LinkReason, number> = {
	unknown: 404,
	used: 409,
	expired: 410,
	revoked: 410,
	closed: 410,
	throttled: 429
};

/** The reason and status of a link refusal, or null when `e` is not one. */
export function linkRefusal(e: unknown): { reason: LinkReason; status: number } | null {
	if (e instanceof RateLimitedError) return { reason: 'throttled', status: STATUS.throttled };
	if (e instanceof NotFoundError) return { reason: 'unknown', status: STATUS.unknown };
	if (!isDomainError(e)) return null;
	const code = 'code' in e && typeof e.code === 'string' ? e.code : '';
	const reason = LINK_REASONS.find(
		(r) => e.message === `cases.link.${r}` || code === `cases.link.${r}` || code === r
	);
	return reason ? { reason, status: STATUS[reason] } : null;
}
