/**
 * Rating and signing links: bearer secrets for the young person and the company mentor, who have
 * no account. The token (32 random bytes, base64url) is shown once; only its SHA-256 is stored.
 * A link is single use, expires (14 days by default), can be revoked by the case's jobkonsulent,
 * and unknown tokens are throttled per address.
 */
import type { CreateLinkInput, LinkAnswers } from '#lib/domain/cases/schemas.ts';
import type { CaseContext, CaseLinkOpened } from '#lib/domain/cases/types.ts';

const TODO = 'cases-core: not implemented yet';

/** A link holder's request: its id (for the log) and address (for the throttle). */
export type CaseLinkRequest = { requestId: string; address: string };

/** A new link: the token appears only here (the route builds `/r/<token>` from it). */
export type CreatedCaseLink = { id: string; token: string; expiresAt: number };

/** Creates a rating link (a rater the plan names at that point) or a signing link. */
export function createCaseLink(
	ctx: CaseContext,
	caseId: string,
	input: CreateLinkInput,
	now = Date.now()
): CreatedCaseLink {
	void [ctx, caseId, input, now];
	throw new Error(TODO);
}

/** Revokes a link (the case's jobkonsulent). */
export function revokeCaseLink(ctx: CaseContext, linkId: string): void {
	void [ctx, linkId];
	throw new Error(TODO);
}

/**
 * What the holder of `token` rates or signs; never another rater's ratings.
 * @throws NotFoundError `cases.link.unknown`, ConflictError `cases.link.used|expired|revoked|closed`,
 * RateLimitedError after too many unknown tokens from the address.
 */
export function openCaseLink(
	req: CaseLinkRequest,
	token: string,
	now = Date.now()
): CaseLinkOpened {
	void [req, token, now];
	throw new Error(TODO);
}

/** Stores every answer of a rating link and marks it used, in one transaction. */
export function submitCaseLink(
	req: CaseLinkRequest,
	token: string,
	answers: LinkAnswers,
	now = Date.now()
): void {
	void [req, token, answers, now];
	throw new Error(TODO);
}

/** Signs through a signing link (by name, now) and marks it used. */
export function signThroughLink(
	req: CaseLinkRequest,
	token: string,
	name: string,
	now = Date.now()
): void {
	void [req, token, name, now];
	throw new Error(TODO);
}
