/**
 * Publishing: the workshop's template and drejebog become one numbered version that never
 * changes.
 *
 * **One state of both documents.** Both are read from the collaboration store's tables (snapshot
 * plus log, `loadDocument`) inside the one SQLite transaction that also checks, numbers and
 * inserts the version. The collaboration server commits every accepted update to that log before
 * anyone sees it, and commits run on this same connection and thread, so no commit can land
 * between the two reads or between the check and the insert: the version holds every update
 * committed before it and none after, for both documents at the same instant. Reading through
 * the rooms instead would need an `await` per room (loading one, or a worker core's state),
 * between which an edit to the other document could be committed; it would also load rooms for
 * documents nobody has open. What a room holds is never ahead of the log, so the store is the
 * same state the rooms broadcast, taken atomically.
 */
import * as Y from 'yjs';
import { getDb, transaction } from '../platform/db.ts';
import { newId } from '../platform/ids.ts';
import { log } from '../platform/log.ts';
import { loadDocument } from '../documents/documents-state.ts';
import { authorizeWorkshop } from '../workshops/workshops.ts';
import { readContentParts } from '#lib/collab/publications/content-docs.ts';
import {
	canonicalContent,
	checkContent,
	PUBLICATION_FORMAT
} from '#lib/domain/publications/content.ts';
import type { PublishInput } from '#lib/domain/publications/schemas.ts';
import type { Actor } from '#lib/domain/permissions.ts';
import { ConflictError, NotFoundError } from '#lib/domain/errors.ts';
import type { DocumentKind } from '#lib/domain/workshop.ts';
import { sha256Hex } from './content-hash.ts';
import {
	latestVersionRow,
	loadReadableVersion,
	type PublicationSummary
} from './publication-rows.ts';

/** The workshop's current documents by kind. */
function currentDocuments(workshopId: string): Record<DocumentKind, string> {
	const rows = getDb()
		.prepare('SELECT id, kind FROM documents WHERE workshop_id = ?')
		.all(workshopId) as { id: string; kind: DocumentKind }[];
	const byKind = Object.fromEntries(rows.map((row) => [row.kind, row.id]));
	if (!byKind.template || !byKind.drejebog) throw new NotFoundError('document');
	return byKind as Record<DocumentKind, string>;
}

function withDocs<T>(ids: Record<DocumentKind, string>, fn: (t: Y.Doc, d: Y.Doc) => T): T {
	const template = loadDocument(ids.template);
	const drejebog = loadDocument(ids.drejebog);
	try {
		return fn(template, drejebog);
	} finally {
		template.destroy();
		drejebog.destroy();
	}
}

function userName(userId: string): string {
	const row = getDb().prepare('SELECT name FROM users WHERE id = ?').get(userId) as
		{ name: string } | undefined;
	return row?.name ?? '';
}

/**
 * Publishes the workshop's current template and drejebog as its next version (facilitators).
 * @throws NotFoundError, ForbiddenError (nothing stored); ConflictError `draft_invalid` with
 * every problem (paths start with `template` or `drejebog`), `no_changes` when the content
 * equals the latest version's.
 */
export function publishVersion(
	actor: Actor,
	workshopId: string,
	input: PublishInput
): PublicationSummary {
	const workshop = authorizeWorkshop(actor, workshopId, 'publish');
	const db = getDb();
	const id = newId();
	transaction(db, () => {
		const parts = withDocs(currentDocuments(workshopId), readContentParts);
		const checked = checkContent(parts.template, parts.drejebog);
		if (!checked.ok) {
			throw new ConflictError('draft_invalid', 'publications.error.invalid', checked.problems);
		}
		const content = canonicalContent(checked.content);
		const sha256 = sha256Hex(content);
		const latest = latestVersionRow(workshopId);
		if (latest?.sha256 === sha256) {
			throw new ConflictError('no_changes', 'publications.error.unchanged');
		}
		db.prepare(
			`INSERT INTO publications (id, workshop_id, org_id, number, note, published_by,
				published_by_name, published_at, format, template_shape_version, drejebog_shape_version,
				content, sha256)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		).run(
			id,
			workshopId,
			workshop.orgId,
			(latest?.number ?? 0) + 1,
			input.note,
			actor.id,
			userName(actor.id),
			Date.now(),
			PUBLICATION_FORMAT,
			parts.shapeVersions.template,
			parts.shapeVersions.drejebog,
			content,
			sha256
		);
	});
	const { summary } = loadReadableVersion(actor, id);
	log.info({ workshopId, publicationId: id, number: summary.number }, 'version published');
	return summary;
}
