/**
 * Starting, reading, closing and deleting cases (listing: `case-list.ts`). Every function takes the case context,
 * asks `can()` and runs in one `caseTransaction`.
 */
import { removeCaseRows } from './case-retention.ts';
import type { Db } from '../platform/db.ts';
import { newId } from '../platform/ids.ts';
import { can } from '#lib/domain/permissions.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '#lib/domain/errors.ts';
import type { CreateCaseInput } from '#lib/domain/cases/schemas.ts';
import type { CaseContext, CaseCv, CaseView } from '#lib/domain/cases/types.ts';
import { caseCvFrom, toCaseData, type StoredCase } from '#lib/domain/cases/case-data.ts';
import type { PublicationContent } from '#lib/domain/publications/content.ts';
import type { RatingFact } from '#lib/domain/cases/analysis.ts';
import { casePlan, knownStatementIds, ratingRefusal } from '#lib/domain/cases/plan.ts';
import type { Template } from '#lib/domain/template/schemas.ts';
import { caseTransaction } from './case-transaction.ts';
import { authorizeCase, loadStoredCase, requireOpen, versionContent } from './case-rows.ts';
import { caseView } from './case-view.ts';
import { refreshAreaLevels } from './case-area-levels.ts';

type VersionRow = { id: string; org_id: string; in_operation: number };

function requireActor(ctx: CaseContext) {
	if (!ctx.actor) throw new ForbiddenError('cases.forbidden');
	return ctx.actor;
}

/** The statements the case starts with: those asked for (all known), else all of the version's. */
function chosenStatements(template: Template, asked: string[] | undefined): string[] {
	const all = template.areas.flatMap((a) => a.statements.map((s) => s.id));
	if (asked === undefined) return all;
	const known = knownStatementIds(template, asked);
	if (known.length !== new Set(asked).size || known.length === 0) {
		throw new ValidationError('cases.input.unknownStatement', {
			statementIds: 'cases.input.unknownStatement'
		});
	}
	return known;
}

/**
 * The previous case's ratings at its last measurement point that fit the new case's first point
 * (same rater and statement, planned there, level on the scale): the new case starts from them.
 */
function carriedRatings(
	db: Db,
	ctx: CaseContext,
	previousCaseId: string,
	template: Template,
	statementIds: string[]
): { youngPersonId: string; ratings: RatingFact[] } {
	const { row } = authorizeCase(db, ctx, previousCaseId, 'read');
	const previous = versionContent(db, row.publication_id).template;
	const lastPoint = previous.measurementPoints.at(-1)?.id;
	const firstPoint = template.measurementPoints[0]?.id;
	const plan = casePlan(template, statementIds);
	const stored = loadStoredCase(db, row).ratings;
	const ratings = stored
		.filter((r) => r.pointId === lastPoint && firstPoint !== undefined)
		.map((r) => ({ ...r, pointId: firstPoint }))
		.filter((r) => ratingRefusal(template, plan, r) === null);
	return { youngPersonId: row.young_person_id, ratings };
}

/**
 * Starts a case for a young person on a version in operation of the actor's municipality
 * (jobkonsulent or administrator); the actor becomes its jobkonsulent. With `previousCaseId`, the
 * case is for the same young person and starts from that case's end ratings.
 * @throws NotFoundError (unknown version, of another municipality), ForbiddenError (role),
 * ValidationError (`cases.version.notInOperation`, unknown statements or caseworker).
 */
export function createCase(
	ctx: CaseContext,
	input: CreateCaseInput,
	now = Date.now()
): { id: string } {
	const actor = requireActor(ctx);
	return caseTransaction(ctx, 'create', (db) => {
		const version = db
			.prepare(
				`SELECT p.id, p.org_id, EXISTS (SELECT 1 FROM publication_operation po
					WHERE po.publication_id = p.id AND po.retired_at IS NULL) AS in_operation
				FROM publications p WHERE p.id = ?`
			)
			.get(input.publicationId) as VersionRow | undefined;
		const org = { type: 'org', id: version?.org_id ?? '' } as const;
		if (!version || !can(actor, 'read', org)) throw new NotFoundError('publication');
		if (!can(actor, 'create-case', org)) throw new ForbiddenError('cases.forbidden');
		if (version.in_operation !== 1) {
			throw new ValidationError('cases.version.notInOperation', {
				publicationId: 'cases.version.notInOperation'
			});
		}
		const { template } = versionContent(db, version.id);
		const statementIds = chosenStatements(template, input.statementIds);
		if (input.caseworkerId !== undefined) {
			const member = db
				.prepare('SELECT role FROM org_members WHERE org_id = ? AND user_id = ?')
				.get(version.org_id, input.caseworkerId) as { role: string } | undefined;
			if (member?.role !== 'sagsbehandler') {
				throw new ValidationError('cases.input.caseworker', {
					caseworkerId: 'cases.input.caseworker'
				});
			}
		}
		const carried =
			input.previousCaseId === undefined
				? null
				: carriedRatings(db, ctx, input.previousCaseId, template, statementIds);
		const youngPersonId = carried?.youngPersonId ?? newId();
		if (!carried) {
			db.prepare(
				`INSERT INTO young_people (id, org_id, first_name, last_name, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?)`
			).run(
				youngPersonId,
				version.org_id,
				input.youngPerson.firstName,
				input.youngPerson.lastName,
				actor.id,
				now
			);
		}
		const id = newId();
		db.prepare(
			`INSERT INTO cases (id, org_id, publication_id, young_person_id, previous_case_id,
				target_group, company, mentor_name, start_date, end_date, hours_at_start,
				created_by, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		).run(
			id,
			version.org_id,
			version.id,
			youngPersonId,
			input.previousCaseId ?? null,
			input.targetGroup ?? null,
			input.company,
			input.mentorName ?? '',
			input.start,
			input.end,
			input.hoursAtStart ?? null,
			actor.id,
			now,
			now
		);
		const staff = db.prepare(
			'INSERT INTO case_staff (case_id, user_id, role, assigned_at) VALUES (?, ?, ?, ?)'
		);
		staff.run(id, actor.id, 'jobkonsulent', now);
		if (input.caseworkerId !== undefined && input.caseworkerId !== actor.id) {
			staff.run(id, input.caseworkerId, 'sagsbehandler', now);
		}
		const statement = db.prepare(
			'INSERT INTO case_statements (case_id, statement_id, position) VALUES (?, ?, ?)'
		);
		statementIds.forEach((s, i) => statement.run(id, s, i));
		const chosen = new Set(statementIds);
		const subGoal = db.prepare(
			'INSERT INTO case_sub_goals (case_id, id, position, text, statement_ids) VALUES (?, ?, ?, ?, ?)'
		);
		template.goals.subGoals.forEach((s, i) =>
			subGoal.run(id, s.id, i, s.text, JSON.stringify(s.statementIds.filter((x) => chosen.has(x))))
		);
		const rating = db.prepare(
			`INSERT INTO case_ratings (case_id, point_id, rater_id, statement_id, level_id, comment,
				by_user_id, rated_at) VALUES (?, ?, ?, ?, ?, '', ?, ?)`
		);
		for (const r of carried?.ratings ?? []) {
			rating.run(id, r.pointId, r.raterId, r.statementId, r.level, actor.id, now);
		}
		if (carried) refreshAreaLevels(db, id, template);
		return { result: { id }, caseId: id, detail: { publicationId: version.id } };
	});
}

/**
 * One case as its staff (or an administrator) see it.
 * @throws NotFoundError when unknown or not visible to the actor.
 */
export function getCase(ctx: CaseContext, caseId: string, now = Date.now()): CaseView {
	return readCase(ctx, caseId, now, false).kase;
}

/**
 * One case with its CV phrases and Min Plan text, as the case page shows them: one read and one
 * audit entry (showing the text on the page exports nothing). The text is null when the
 * drejebog's rule cannot give it; the case still shows. @throws as `getCase`.
 */
export function getCaseWithCv(
	ctx: CaseContext,
	caseId: string,
	now = Date.now()
): { kase: CaseView; cv: CaseCv | null } {
	return readCase(ctx, caseId, now, true);
}

function cvOf(content: PublicationContent, stored: StoredCase): CaseCv | null {
	try {
		return caseCvFrom(
			content.drejebog.cvPlan,
			content.template,
			toCaseData(content.template, stored)
		);
	} catch {
		return null;
	}
}

function readCase(
	ctx: CaseContext,
	caseId: string,
	now: number,
	withCv: boolean
): { kase: CaseView; cv: CaseCv | null } {
	const actor = requireActor(ctx);
	return caseTransaction(ctx, 'read', (db) => {
		const { row, staff } = authorizeCase(db, ctx, caseId, 'read');
		const content = versionContent(db, row.publication_id);
		const stored = loadStoredCase(db, row);
		const ratings = db
			.prepare(
				`SELECT point_id AS pointId, rater_id AS raterId, statement_id AS statementId,
					level_id AS level, comment, CASE WHEN by_link_id IS NULL THEN 'user' ELSE 'link' END AS by,
					rated_at AS ratedAt
				FROM case_ratings WHERE case_id = ?`
			)
			.all(caseId) as CaseView['ratings'];
		const signatures = db
			.prepare(
				`SELECT signer_id AS signerId, name, signed_at AS signedAt,
					CASE WHEN by_link_id IS NULL THEN 'user' ELSE 'link' END AS by
				FROM case_signatures WHERE case_id = ? ORDER BY signed_at`
			)
			.all(caseId) as CaseView['signatures'];
		const links = db
			.prepare(
				`SELECT id, kind, rater_id AS raterId, point_id AS pointId, signer_id AS signerId,
					expires_at AS expiresAt, used_at AS usedAt, revoked_at AS revokedAt, created_at AS createdAt
				FROM case_links WHERE case_id = ? ORDER BY created_at`
			)
			.all(caseId) as CaseView['links'];
		const kase = caseView(actor, row, staff, content, stored, { ratings, signatures, links }, now);
		return { result: { kase, cv: withCv ? cvOf(content, stored) : null }, caseId };
	});
}

/**
 * Closes a case (its jobkonsulent); its open links stop working.
 * @throws ConflictError `cases.closed` when it is closed already.
 */
export function closeCase(ctx: CaseContext, caseId: string, now = Date.now()): void {
	const actor = requireActor(ctx);
	caseTransaction(ctx, 'close', (db) => {
		const { row } = authorizeCase(db, ctx, caseId, 'close');
		requireOpen(row);
		db.prepare('UPDATE cases SET closed_at = ?, closed_by = ?, updated_at = ? WHERE id = ?').run(
			now,
			actor.id,
			now,
			caseId
		);
		return { result: undefined, caseId };
	});
}

/**
 * Deletes a case with everything it holds (an administrator), and the young person when no other
 * case names them; `reason` goes to the audit log.
 */
export function deleteCase(ctx: CaseContext, caseId: string, reason: string): void {
	caseTransaction(ctx, 'delete', (db) => {
		const { row } = authorizeCase(db, ctx, caseId, 'delete');
		removeCaseRows(db, caseId, row.young_person_id);
		// The row is gone when the access is recorded: the audit entry takes these from here.
		const detail = { reason, orgId: row.org_id, youngPersonId: row.young_person_id };
		return { result: undefined, caseId, detail };
	});
}
