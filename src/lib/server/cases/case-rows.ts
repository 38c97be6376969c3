/**
 * Reading case rows inside the cases module's transactions: one case with its staff, the access
 * check against `can()`, the frozen content of the case's version, and the whole stored case.
 * Internal to `src/lib/server/cases/`.
 */
import type { Db } from '../platform/db.ts';
import {
	can,
	type Action,
	type CaseResource,
	type CaseStaffRole
} from '#lib/domain/permissions.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '#lib/domain/errors.ts';
import { parseContent, type PublicationContent } from '#lib/domain/publications/content.ts';
import type { StoredCase } from '#lib/domain/cases/case-data.ts';
import type { CaseContext } from '#lib/domain/cases/types.ts';
import type { TargetGroup } from '#lib/domain/cases/schemas.ts';
import type { NextStepKind } from '#lib/domain/template/case-data.ts';

export type CaseRow = {
	id: string;
	org_id: string;
	org_name: string;
	publication_id: string;
	version_number: number;
	workshop_title: string;
	young_person_id: string;
	first_name: string;
	last_name: string;
	previous_case_id: string | null;
	target_group: TargetGroup | null;
	company: string;
	mentor_name: string;
	start_date: string;
	end_date: string;
	hours_at_start: number | null;
	goal: string;
	goal_agreed_on: string | null;
	next_step_kind: NextStepKind | null;
	next_step_text: string;
	closed_at: number | null;
	created_at: number;
};

export type StaffRow = { userId: string; name: string; role: CaseStaffRole };

/** `SELECT … FROM cases c …` with the version and the young person; append the WHERE clause. */
export const SELECT_CASE = `SELECT c.id, c.org_id, o.name AS org_name, c.publication_id,
	p.number AS version_number, w.title AS workshop_title, c.young_person_id, y.first_name,
	y.last_name, c.previous_case_id, c.target_group, c.company, c.mentor_name, c.start_date,
	c.end_date, c.hours_at_start, c.goal, c.goal_agreed_on, c.next_step_kind, c.next_step_text,
	c.closed_at, c.created_at
	FROM cases c JOIN young_people y ON y.id = c.young_person_id
	JOIN publications p ON p.id = c.publication_id JOIN workshops w ON w.id = p.workshop_id
	JOIN organisations o ON o.id = c.org_id`;

/** The case `caseId`, or undefined. */
export function loadCaseRow(db: Db, caseId: string): CaseRow | undefined {
	return db.prepare(`${SELECT_CASE} WHERE c.id = ?`).get(caseId) as CaseRow | undefined;
}

/** Who the case is assigned to. */
export function loadStaff(db: Db, caseId: string): StaffRow[] {
	return db
		.prepare(
			`SELECT s.user_id AS userId, u.name, s.role FROM case_staff s JOIN users u ON u.id = s.user_id
			WHERE s.case_id = ? ORDER BY s.assigned_at`
		)
		.all(caseId) as StaffRow[];
}

/** The case as `can()` sees it. */
export function caseResource(row: Pick<CaseRow, 'id' | 'org_id'>, staff: StaffRow[]): CaseResource {
	return { type: 'case', id: row.id, orgId: row.org_id, staff };
}

/**
 * The case `caseId` if `ctx.actor` may perform `action` on it.
 * @throws NotFoundError when unknown or not even readable (nobody learns it exists),
 * ForbiddenError when readable but `action` is not allowed.
 */
export function authorizeCase(
	db: Db,
	ctx: CaseContext,
	caseId: string,
	action: Action
): { row: CaseRow; staff: StaffRow[]; resource: CaseResource } {
	const row = loadCaseRow(db, caseId);
	if (!row || !ctx.actor) throw new NotFoundError('cases.notFound');
	const staff = loadStaff(db, caseId);
	const resource = caseResource(row, staff);
	if (!can(ctx.actor, 'read', resource)) throw new NotFoundError('cases.notFound');
	if (!can(ctx.actor, action, resource)) throw new ForbiddenError('cases.forbidden');
	return { row, staff, resource };
}

/** @throws ConflictError `cases.closed` when the case is closed (nothing more is recorded). */
export function requireOpen(row: Pick<CaseRow, 'closed_at'>): void {
	if (row.closed_at !== null) throw new ConflictError('case_closed', 'cases.closed');
}

/**
 * Versions never change (migration 011's triggers), so their parsed content is kept for the most
 * recently used ones: parsing and checking a version on every case read would dominate its cost.
 */
const contentCache = new Map<string, PublicationContent>();
const CONTENT_CACHE_SIZE = 32;

/** The frozen content (template and drejebog) of version `publicationId`. */
export function versionContent(db: Db, publicationId: string): PublicationContent {
	const cached = contentCache.get(publicationId);
	if (cached) {
		contentCache.delete(publicationId);
		contentCache.set(publicationId, cached);
		return cached;
	}
	const row = db.prepare('SELECT content FROM publications WHERE id = ?').get(publicationId) as
		{ content: string } | undefined;
	if (!row) throw new NotFoundError('publication');
	const content = parseContent(row.content);
	contentCache.set(publicationId, content);
	if (contentCache.size > CONTENT_CACHE_SIZE) {
		contentCache.delete(contentCache.keys().next().value as string);
	}
	return content;
}

/** Everything stored about the case `row`, as plain data. */
export function loadStoredCase(db: Db, row: CaseRow): StoredCase {
	const id = row.id;
	const all = <T>(sql: string) => db.prepare(sql).all(id) as T[];
	return {
		youngPerson: { firstName: row.first_name, lastName: row.last_name },
		company: row.company,
		mentorName: row.mentor_name,
		start: row.start_date,
		end: row.end_date,
		goal: row.goal,
		goalAgreedOn: row.goal_agreed_on,
		statementIds: all<{ s: string }>(
			'SELECT statement_id AS s FROM case_statements WHERE case_id = ? ORDER BY position'
		).map((r) => r.s),
		subGoals: all<{ id: string; text: string; statement_ids: string }>(
			'SELECT id, text, statement_ids FROM case_sub_goals WHERE case_id = ? ORDER BY position'
		).map((r) => ({
			id: r.id,
			text: r.text,
			statementIds: JSON.parse(r.statement_ids) as string[]
		})),
		subGoalStatuses: all(
			`SELECT sub_goal_id AS subGoalId, point_id AS pointId, status_id AS statusId
			FROM case_sub_goal_statuses WHERE case_id = ?`
		),
		ratings: all(
			`SELECT point_id AS pointId, rater_id AS raterId, statement_id AS statementId,
			level_id AS level, comment FROM case_ratings WHERE case_id = ?`
		),
		agreedLevels: all(
			'SELECT statement_id AS statementId, level_id AS level FROM case_agreed_levels WHERE case_id = ?'
		),
		pointProgress: all(
			'SELECT point_id AS pointId, hours, tasks FROM case_point_progress WHERE case_id = ?'
		),
		ownWords: all('SELECT section_id AS sectionId, text FROM case_own_words WHERE case_id = ?'),
		nextStep: { kind: row.next_step_kind, text: row.next_step_text },
		signatures: all(
			'SELECT signer_id AS signerId, name FROM case_signatures WHERE case_id = ? ORDER BY signed_at'
		)
	};
}
