/**
 * Reading published versions: the municipality's library, one version with its canonical
 * content, and the diff between two versions of the same workshop. Everyone in the version's
 * organisation may read (staff included); a version of another municipality is "not found".
 */
import { getDb } from '../platform/db.ts';
import { authorizeWorkshop } from '../workshops/workshops.ts';
import type { Actor } from '#lib/domain/permissions.ts';
import { NotFoundError, ValidationError } from '#lib/domain/errors.ts';
import { parseContent, type PublicationContent } from '#lib/domain/publications/content.ts';
import { diffContent, type VersionChange } from '#lib/domain/publications/diff.ts';
import {
	loadReadableVersion,
	mayReadVersionsOf,
	selectSummaries,
	toSummary,
	type PublicationRow,
	type PublicationSummary
} from './publication-rows.ts';

export type { PublicationSummary } from './publication-rows.ts';

/**
 * Every version of the organisation's workshops, newest first.
 * @throws NotFoundError when the actor is not in the organisation.
 */
export function listPublications(actor: Actor, orgId: string): PublicationSummary[] {
	if (!mayReadVersionsOf(actor, orgId)) throw new NotFoundError('org');
	const rows = getDb()
		.prepare(`${selectSummaries()} WHERE p.org_id = ? ORDER BY p.published_at DESC, p.number DESC`)
		.all(orgId) as PublicationRow[];
	return rows.map(toSummary);
}

/**
 * The versions of one workshop, newest first, for the workshop page.
 * @throws NotFoundError when the workshop is unknown or invisible to the actor.
 */
export function listWorkshopPublications(actor: Actor, workshopId: string): PublicationSummary[] {
	authorizeWorkshop(actor, workshopId, 'read');
	const rows = getDb()
		.prepare(`${selectSummaries()} WHERE p.workshop_id = ? ORDER BY p.number DESC`)
		.all(workshopId) as PublicationRow[];
	return rows.map(toSummary);
}

/** One published version as readers get it. */
export type LoadedPublication = {
	summary: PublicationSummary;
	/** The content as plain data: the template (shape 3) and the structured drejebog. */
	content: PublicationContent;
	/** The canonical JSON exactly as stored: the text its SHA-256 covers. */
	canonical: string;
};

/**
 * One version with its parsed content, if `actor` may read it (everyone in its municipality).
 * The one place that loads a version's content: the version page, the API and the exports use it.
 * @throws NotFoundError when unknown or of another municipality.
 */
export function getPublication(actor: Actor, id: string): LoadedPublication {
	const { summary, content } = loadReadableVersion(actor, id);
	return { summary, content: parseContent(content), canonical: content };
}

/** What changed from one version to another of the same workshop. */
export type PublicationDiff = {
	from: PublicationSummary;
	to: PublicationSummary;
	changes: VersionChange[];
};

/**
 * The changes from version `fromId` to version `toId`.
 * @throws NotFoundError when either is unknown or of another municipality; ValidationError
 * `publications.diff.otherWorkshop` when they belong to different workshops.
 */
export function diffPublications(actor: Actor, fromId: string, toId: string): PublicationDiff {
	const from = getPublication(actor, fromId);
	const to = getPublication(actor, toId);
	if (from.summary.workshopId !== to.summary.workshopId) {
		throw new ValidationError('publications.diff.otherWorkshop');
	}
	return {
		from: from.summary,
		to: to.summary,
		changes: diffContent(from.content, to.content)
	};
}

/**
 * Every version of the workshop `version` belongs to, newest first, for anyone who may read the
 * version (the municipality's staff need not be members of the workshop).
 */
export function listSiblingVersions(
	actor: Actor,
	version: Pick<PublicationSummary, 'orgId' | 'workshopId'>
): PublicationSummary[] {
	if (!mayReadVersionsOf(actor, version.orgId)) throw new NotFoundError('publication');
	const rows = getDb()
		.prepare(`${selectSummaries()} WHERE p.workshop_id = ? ORDER BY p.number DESC`)
		.all(version.workshopId) as PublicationRow[];
	return rows.map(toSummary);
}
