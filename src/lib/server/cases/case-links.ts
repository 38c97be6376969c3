/**
 * Rating and signing links: bearer secrets for the young person and the company mentor, who have
 * no account. The token (32 random bytes, base64url) is shown once; only its SHA-256 is stored.
 * A link is single use, expires (14 days by default), can be revoked by the case's jobkonsulent,
 * and unknown tokens are throttled per address. A link holder sees only the statements they rate
 * at their point, never anyone's ratings.
 */
import { getDb, type Db } from '../platform/db.ts';
import { hashToken, newId, newToken } from '../platform/ids.ts';
import { ConflictError, NotFoundError, ValidationError } from '#lib/domain/errors.ts';
import type { CreateLinkInput, LinkAnswers } from '#lib/domain/cases/schemas.ts';
import type { CaseContext, CaseLinkOpened, RequestAudit } from '#lib/domain/cases/types.ts';
import {
	casePlan,
	ratingRefusal,
	statementIndex,
	statementsToRate
} from '#lib/domain/cases/plan.ts';
import type { Template } from '#lib/domain/template/schemas.ts';
import { caseTransaction } from './case-transaction.ts';
import {
	authorizeCase,
	loadCaseRow,
	requireOpen,
	versionContent,
	type CaseRow
} from './case-rows.ts';
import { storeSignature } from './case-records.ts';
import { checkLinkThrottle, recordLinkFailure } from './link-throttle.ts';
import { refreshAreaLevels } from './case-area-levels.ts';

/** How long a link works unless the consultant says otherwise. */
export const LINK_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

/** A link holder's request: its id (for the log), address (for the throttle) and a page's audit. */
export type CaseLinkRequest = { requestId: string; address: string; audit?: RequestAudit };

/** A new link: the token appears only here (the route builds `/r/<token>` from it). */
export type CreatedCaseLink = { id: string; token: string; expiresAt: number };

type LinkRow = {
	id: string;
	case_id: string;
	kind: 'rate' | 'sign';
	rater_id: string | null;
	point_id: string | null;
	signer_id: string | null;
	expires_at: number;
	used_at: number | null;
	revoked_at: number | null;
};

function chosenStatementIds(db: Db, caseId: string): string[] {
	return (
		db
			.prepare('SELECT statement_id AS s FROM case_statements WHERE case_id = ? ORDER BY position')
			.all(caseId) as { s: string }[]
	).map((r) => r.s);
}

/**
 * Creates a rating link (for a rater the plan names at that point, with statements to rate) or a
 * signing link (for a signer the version names), valid for 14 days.
 */
export function createCaseLink(
	ctx: CaseContext,
	caseId: string,
	input: CreateLinkInput,
	now = Date.now()
): CreatedCaseLink {
	return caseTransaction(ctx, 'link-create', (db) => {
		const { row } = authorizeCase(db, ctx, caseId, 'manage-links');
		requireOpen(row);
		const { template } = versionContent(db, row.publication_id);
		const id = newId();
		const token = newToken();
		const expiresAt = now + LINK_LIFETIME_MS;
		const insert = db.prepare(
			`INSERT INTO case_links (id, token_hash, case_id, kind, rater_id, point_id, signer_id,
				expires_at, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		);
		if ('signerId' in input) {
			if (!template.signature.signers.some((s) => s.id === input.signerId)) {
				throw new ValidationError('cases.sign.unknownSigner', {
					signerId: 'cases.sign.unknownSigner'
				});
			}
			insert.run(
				id,
				hashToken(token),
				caseId,
				'sign',
				null,
				null,
				input.signerId,
				expiresAt,
				ctx.actor?.id ?? null,
				now
			);
		} else {
			const plan = casePlan(template, chosenStatementIds(db, caseId));
			if (statementsToRate(plan, input.pointId, input.raterId).length === 0) {
				throw new ValidationError('cases.link.notPlanned', { raterId: 'cases.link.notPlanned' });
			}
			insert.run(
				id,
				hashToken(token),
				caseId,
				'rate',
				input.raterId,
				input.pointId,
				null,
				expiresAt,
				ctx.actor?.id ?? null,
				now
			);
		}
		return { result: { id, token, expiresAt }, caseId, detail: { linkId: id } };
	});
}

/**
 * Revokes a link (the case's jobkonsulent); revoking it again changes nothing.
 * @throws NotFoundError when the link is unknown or its case not visible.
 */
export function revokeCaseLink(ctx: CaseContext, linkId: string, now = Date.now()): void {
	caseTransaction(ctx, 'link-revoke', (db) => {
		const link = db.prepare('SELECT case_id FROM case_links WHERE id = ?').get(linkId) as
			{ case_id: string } | undefined;
		if (!link) throw new NotFoundError('cases.link.unknown');
		authorizeCase(db, ctx, link.case_id, 'manage-links');
		db.prepare('UPDATE case_links SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?').run(
			now,
			linkId
		);
		return { result: undefined, caseId: link.case_id, detail: { linkId } };
	});
}

/**
 * The link of `token` and its case if it can still be used; unknown tokens count against the
 * address (outside any transaction, so the count survives the refusal).
 */
function usableLink(
	req: CaseLinkRequest,
	token: string,
	kind: 'rate' | 'sign' | null,
	now: number
): { link: LinkRow; ctx: CaseContext } {
	checkLinkThrottle(req.address, now);
	const link = getDb()
		.prepare(
			`SELECT id, case_id, kind, rater_id, point_id, signer_id, expires_at, used_at, revoked_at
			FROM case_links WHERE token_hash = ?`
		)
		.get(hashToken(token)) as LinkRow | undefined;
	if (!link || (kind !== null && link.kind !== kind)) {
		recordLinkFailure(req.address, now);
		throw new NotFoundError('cases.link.unknown');
	}
	const { requestId, audit } = req;
	return { link, ctx: { link: { id: link.id }, requestId, purpose: null, audit } };
}

/** @throws ConflictError when the link was revoked, used, has expired or its case is closed. */
function requireUsable(db: Db, link: LinkRow, now: number): CaseRow {
	const fresh = db
		.prepare('SELECT used_at, revoked_at FROM case_links WHERE id = ?')
		.get(link.id) as Pick<LinkRow, 'used_at' | 'revoked_at'>;
	if (fresh.revoked_at !== null) throw new ConflictError('link_revoked', 'cases.link.revoked');
	if (fresh.used_at !== null) throw new ConflictError('link_used', 'cases.link.used');
	if (link.expires_at <= now) throw new ConflictError('link_expired', 'cases.link.expired');
	const row = loadCaseRow(db, link.case_id);
	if (!row) throw new NotFoundError('cases.link.unknown');
	if (row.closed_at !== null) throw new ConflictError('link_closed', 'cases.link.closed');
	return row;
}

function statementsOf(template: Template, db: Db, link: LinkRow): CaseLinkOpened['statements'] {
	const plan = casePlan(template, chosenStatementIds(db, link.case_id));
	const index = statementIndex(template);
	return statementsToRate(plan, link.point_id ?? '', link.rater_id ?? '').flatMap((id) => {
		const info = index.get(id);
		return info
			? [
					{
						id,
						areaLabel: info.area.label,
						text: info.statement.text,
						levels: info.levels.map((l) => ({ id: l.id, label: l.label, descriptor: l.descriptor }))
					}
				]
			: [];
	});
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
	const { link, ctx } = usableLink(req, token, null, now);
	return caseTransaction(ctx, 'link-open', (db) => {
		const row = requireUsable(db, link, now);
		const { template } = versionContent(db, row.publication_id);
		const rater = template.raters.find((r) => r.id === link.rater_id);
		const point = template.measurementPoints.find((p) => p.id === link.point_id);
		const signer = template.signature.signers.find((s) => s.id === link.signer_id);
		const opened: CaseLinkOpened = {
			kind: link.kind,
			organisationName: row.org_name,
			youngPersonFirstName: row.first_name,
			company: row.company,
			expiresAt: link.expires_at,
			rater: rater ? { id: rater.id, label: rater.label } : null,
			point: point ? { id: point.id, label: point.label } : null,
			signer: signer ? { id: signer.id, label: signer.label } : null,
			statements: link.kind === 'rate' ? statementsOf(template, db, link) : [],
			signatureText: link.kind === 'sign' ? template.signature.text : ''
		};
		return { result: opened, caseId: row.id, detail: { linkId: link.id } };
	});
}

/**
 * Stores every answer of a rating link and marks it used, in one transaction: an answer (a level
 * or "ikke vurderet") for each statement the link shows, and nothing else.
 * @throws as `openCaseLink`; ValidationError `cases.link.incomplete` or a rating refusal.
 */
export function submitCaseLink(
	req: CaseLinkRequest,
	token: string,
	answers: LinkAnswers,
	now = Date.now()
): void {
	const { link, ctx } = usableLink(req, token, 'rate', now);
	caseTransaction(ctx, 'link-use', (db) => {
		const row = requireUsable(db, link, now);
		const { template } = versionContent(db, row.publication_id);
		const plan = casePlan(template, chosenStatementIds(db, row.id));
		const expected = statementsToRate(plan, link.point_id ?? '', link.rater_id ?? '');
		const given = answers.answers.map((a) => a.statementId);
		if (
			given.length !== expected.length ||
			new Set(given).size !== given.length ||
			!expected.every((s) => given.includes(s))
		) {
			throw new ValidationError('cases.link.incomplete', { answers: 'cases.link.incomplete' });
		}
		const insert = db.prepare(
			`INSERT OR REPLACE INTO case_ratings (case_id, point_id, rater_id, statement_id, level_id,
				comment, by_user_id, by_link_id, rated_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)`
		);
		for (const answer of answers.answers) {
			const rating = { ...answer, pointId: link.point_id ?? '', raterId: link.rater_id ?? '' };
			const refusal = ratingRefusal(template, plan, rating);
			if (refusal) throw new ValidationError(refusal, { answers: refusal });
			insert.run(
				row.id,
				rating.pointId,
				rating.raterId,
				answer.statementId,
				answer.level,
				answer.comment,
				link.id,
				now
			);
		}
		refreshAreaLevels(db, row.id, template);
		db.prepare('UPDATE case_links SET used_at = ? WHERE id = ?').run(now, link.id);
		return {
			result: undefined,
			caseId: row.id,
			detail: { linkId: link.id, answers: given.length }
		};
	});
}

/** Signs through a signing link (by name, now) and marks the link used. */
export function signThroughLink(
	req: CaseLinkRequest,
	token: string,
	name: string,
	now = Date.now()
): void {
	const { link, ctx } = usableLink(req, token, 'sign', now);
	caseTransaction(ctx, 'sign', (db) => {
		const row = requireUsable(db, link, now);
		const { template } = versionContent(db, row.publication_id);
		storeSignature(
			db,
			template,
			row.id,
			{ signerId: link.signer_id ?? '', name },
			{ userId: null, linkId: link.id }
		);
		db.prepare('UPDATE case_links SET used_at = ? WHERE id = ?').run(now, link.id);
		return { result: undefined, caseId: row.id, detail: { linkId: link.id } };
	});
}
