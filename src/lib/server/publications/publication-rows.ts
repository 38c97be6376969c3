/**
 * Reading published versions from the `publications` table (migration 011): the row shape, the
 * summary every list and page shows, and the access rule (everyone in the version's
 * organisation may read it). Rows are never updated or deleted; "latest" is derived.
 */
import { getDb } from '../platform/db.ts';
import { can, type Actor } from '#lib/domain/permissions.ts';
import { NotFoundError } from '#lib/domain/errors.ts';

export type PublicationRow = {
	id: string;
	workshop_id: string;
	workshop_title: string;
	org_name: string;
	org_id: string;
	number: number;
	note: string;
	published_by: string;
	published_by_name: string;
	published_at: number;
	format: number;
	template_shape_version: number;
	drejebog_shape_version: number;
	sha256: string;
	latest_number: number;
	in_operation: number;
};

/** A published version without its content, as lists, pages and the API show it. */
export type PublicationSummary = {
	id: string;
	workshopId: string;
	workshopTitle: string;
	orgId: string;
	/** The organisation's name now (exports print it). */
	organisationName: string;
	number: number;
	note: string;
	publishedBy: { id: string; name: string };
	publishedAt: number;
	sha256: string;
	format: number;
	shapeVersions: { template: number; drejebog: number };
	/** The workshop's newest version. */
	isLatest: boolean;
	/**
	 * The version the municipality uses in operation: put there by closing its Dag 3 session, and
	 * until the next version of its workshop goes into operation (`publication_operation`,
	 * migration 013; a version's row never changes).
	 */
	isInOperation: boolean;
};

/**
 * `SELECT … FROM` for summaries (plus `extra` columns); `latest_number` is the workshop's highest
 * number, for `isLatest`. Append the WHERE clause.
 */
export function selectSummaries(extra = ''): string {
	return `SELECT p.id, p.workshop_id, w.title AS workshop_title, p.org_id, o.name AS org_name,
		p.number, p.note,
		p.published_by, p.published_by_name, p.published_at, p.format, p.template_shape_version,
		p.drejebog_shape_version, p.sha256${extra},
		(SELECT MAX(l.number) FROM publications l WHERE l.workshop_id = p.workshop_id) AS latest_number,
		EXISTS (SELECT 1 FROM publication_operation po
			WHERE po.publication_id = p.id AND po.retired_at IS NULL) AS in_operation
		FROM publications p JOIN workshops w ON w.id = p.workshop_id
		JOIN organisations o ON o.id = p.org_id`;
}

/** The summary of a row. */
export function toSummary(row: PublicationRow): PublicationSummary {
	return {
		id: row.id,
		workshopId: row.workshop_id,
		workshopTitle: row.workshop_title,
		organisationName: row.org_name,
		orgId: row.org_id,
		number: row.number,
		note: row.note,
		publishedBy: { id: row.published_by, name: row.published_by_name },
		publishedAt: row.published_at,
		sha256: row.sha256,
		format: row.format,
		shapeVersions: { template: row.template_shape_version, drejebog: row.drejebog_shape_version },
		isLatest: row.number === row.latest_number,
		isInOperation: row.in_operation === 1
	};
}

/** True when `actor` may read the versions of organisation `orgId` (any member may). */
export function mayReadVersionsOf(actor: Actor, orgId: string): boolean {
	return can(actor, 'read', { type: 'org', id: orgId });
}

/**
 * The version `id` with its canonical content, if `actor` may read it.
 * @throws NotFoundError when it does not exist or belongs to another municipality.
 */
export function loadReadableVersion(
	actor: Actor,
	id: string
): { summary: PublicationSummary; content: string } {
	const row = getDb()
		.prepare(`${selectSummaries(', p.content')} WHERE p.id = ?`)
		.get(id) as (PublicationRow & { content: string }) | undefined;
	if (!row || !mayReadVersionsOf(actor, row.org_id)) throw new NotFoundError('publication');
	return { summary: toSummary(row), content: row.content };
}

/** The latest version of a workshop with its content, or null before the first. */
export function latestVersionRow(
	workshopId: string
): (PublicationRow & { content: string }) | null {
	const row = getDb()
		.prepare(
			`${selectSummaries(', p.content')} WHERE p.workshop_id = ? ORDER BY p.number DESC LIMIT 1`
		)
		.get(workshopId) as (PublicationRow & { content: string }) | undefined;
	return row ?? null;
}
