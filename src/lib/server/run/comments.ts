/**
 * Comments on the elements of a workshop's documents: the template's areas, statements and
 * levels, and the drejebog's stages, steps, "CV og Min Plan" and "Hurtig reaktion". Threads have
 * replies and a resolved state. The work group and the facilitator (`comment`) write, answer and
 * resolve; everyone who may read the workshop reads. A new thread must name an element that
 * exists in the stored document; a thread outlives its element and then counts as resolved.
 * Every change is announced on the run-event stream (`comment`, with the document), so open pages
 * fetch the threads and counts again at once. Every function checks `can()` itself.
 *
 * A thread keeps a copy of its element's text (`element_label`), so a thread on a deleted element
 * still says what it was about. The copy is written when the thread starts and refreshed whenever
 * the server reads the template for comments while the element is still there: on every reply,
 * every listing (each open document page lists again whenever a comment changes) and before a vote keep deletes
 * statements. Snapshotting at the moment of deletion is not possible here: deletions arrive as Yjs
 * updates from any browser through the sync server, which knows nothing about comments.
 */
import { getDb, transaction } from '../platform/db.ts';
import { newId } from '../platform/ids.ts';
import { authorizeWorkshop } from '../workshops/workshops.ts';
import { publishRunChange } from './run-events.ts';
import { commentableOf, workshopDocumentKind } from './run-documents.ts';
import { can, type Actor } from '#lib/domain/permissions.ts';
import { NotFoundError, ValidationError } from '#lib/domain/errors.ts';
import type { DocumentKind } from '#lib/domain/workshop.ts';
import {
	type CommentableElement,
	type CommentableKind,
	type CreateCommentInput
} from '#lib/domain/comments.ts';

export type CommentView = {
	id: string;
	authorName: string | null;
	text: string;
	createdAt: string;
};
export type CommentThreadView = CommentView & {
	elementId: string;
	elementKind: CommentableKind;
	/** The element's current label; null once the element has been deleted. */
	elementLabel: string | null;
	/**
	 * The element's label as last seen while it existed: its current label, or once deleted the
	 * text it had. Null only for an old thread whose element was gone before copies were kept.
	 */
	elementText: string | null;
	isResolved: boolean;
	replies: CommentView[];
};
export type CommentsView = {
	/** What one can comment on now, in reading order. */
	elements: CommentableElement[];
	threads: CommentThreadView[];
	unresolvedCount: number;
};

type CommentRow = {
	id: string;
	element_id: string;
	element_kind: CommentableKind;
	parent_id: string | null;
	author_name: string | null;
	text: string;
	created_at: number;
	resolved_at: number | null;
	element_label: string | null;
};

/** The kind of document `documentId` of workshop `workshopId`. @throws NotFoundError. */
function requireDocument(workshopId: string, documentId: string): DocumentKind {
	const kind = workshopDocumentKind(workshopId, documentId);
	if (!kind) throw new NotFoundError('document');
	return kind;
}

function commentOf(row: CommentRow): CommentView {
	return {
		id: row.id,
		authorName: row.author_name,
		text: row.text,
		createdAt: new Date(row.created_at).toISOString()
	};
}

/**
 * What `actor` may do with the workshop's comments: write, answer and resolve them
 * (`canComment`), and see the unresolved count, as the facilitator who runs the day.
 * @throws NotFoundError when the workshop is missing or invisible to the actor.
 */
export function commentRights(
	actor: Actor,
	workshopId: string
): { canComment: boolean; canSeeCount: boolean } {
	const resource = authorizeWorkshop(actor, workshopId, 'read');
	return { canComment: can(actor, 'comment', resource), canSeeCount: can(actor, 'run', resource) };
}

/** Brings the threads' copies of their elements' labels up to date (elements still there). */
function refreshLabels(rows: CommentRow[], byId: ReadonlyMap<string, CommentableElement>): void {
	const update = getDb().prepare('UPDATE comments SET element_label = ? WHERE id = ?');
	for (const row of rows) {
		const label = byId.get(row.element_id)?.label;
		if (row.parent_id !== null || label === undefined || label === row.element_label) continue;
		update.run(label, row.id);
		row.element_label = label;
	}
}

function threadRows(documentId: string): CommentRow[] {
	return getDb()
		.prepare(
			`SELECT c.id, c.element_id, c.element_kind, c.parent_id, u.name AS author_name, c.text,
			   c.created_at, c.resolved_at, c.element_label
			 FROM comments c LEFT JOIN users u ON u.id = c.author_id
			 WHERE c.document_id = ? ORDER BY c.created_at, c.rowid`
		)
		.all(documentId) as CommentRow[];
}

/**
 * Stores with each thread of the document the current label of its element, from `elements`
 * (read by the caller, e.g. just before a vote keep deletes statements or steps).
 */
export function rememberElementLabels(
	documentId: string,
	elements: readonly CommentableElement[]
): void {
	refreshLabels(threadRows(documentId), new Map(elements.map((e) => [e.id, e])));
}

/**
 * The document's comment threads, oldest first, with the elements one can comment on.
 * @throws NotFoundError (workshop or document).
 */
export function listComments(actor: Actor, workshopId: string, documentId: string): CommentsView {
	authorizeWorkshop(actor, workshopId, 'read');
	const elements = commentableOf(documentId, requireDocument(workshopId, documentId));
	const byId = new Map(elements.map((e) => [e.id, e]));
	const rows = threadRows(documentId);
	refreshLabels(rows, byId);
	const threads = new Map<string, CommentThreadView>();
	for (const row of rows.filter((r) => r.parent_id === null)) {
		const element = byId.get(row.element_id);
		threads.set(row.id, {
			...commentOf(row),
			elementId: row.element_id,
			elementKind: row.element_kind,
			elementLabel: element?.label ?? null,
			elementText: element?.label ?? row.element_label,
			isResolved: row.resolved_at !== null || !element,
			replies: []
		});
	}
	for (const row of rows) {
		if (row.parent_id !== null) threads.get(row.parent_id)?.replies.push(commentOf(row));
	}
	const list = [...threads.values()];
	return { elements, threads: list, unresolvedCount: list.filter((t) => !t.isResolved).length };
}

/**
 * Starts a thread on an element of the stored document, or replies to a thread (`parentId`).
 * @throws NotFoundError (workshop, document, thread), ForbiddenError (staff, administrators),
 * ValidationError `comment.error.unknownElement` when the element does not exist.
 */
export function createComment(
	actor: Actor,
	workshopId: string,
	documentId: string,
	input: CreateCommentInput
): CommentsView {
	authorizeWorkshop(actor, workshopId, 'comment');
	const kind = requireDocument(workshopId, documentId);
	const db = getDb();
	let element: { id: string; kind: CommentableKind; label: string | null };
	if (input.parentId) {
		const root = db
			.prepare(
				`SELECT element_id AS id, element_kind AS kind, NULL AS label FROM comments
				 WHERE id = ? AND document_id = ? AND parent_id IS NULL`
			)
			.get(input.parentId, documentId) as typeof element | undefined;
		if (!root) throw new NotFoundError('comment.error.unknownThread');
		element = root;
	} else {
		const found = commentableOf(documentId, kind).find((e) => e.id === input.elementId);
		if (!found) {
			throw new ValidationError('comment.error.unknownElement', {
				elementId: 'comment.error.unknownElement'
			});
		}
		element = found;
	}
	// A reply's copy of the element's text lives on its thread; listComments below refreshes it.
	db.prepare(
		`INSERT INTO comments (id, document_id, element_id, element_kind, parent_id, author_id, text,
		   created_at, element_label)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	).run(
		newId(),
		documentId,
		element.id,
		element.kind,
		input.parentId ?? null,
		actor.id,
		input.text,
		Date.now(),
		element.label
	);
	publishRunChange(workshopId, 'comment', documentId);
	return listComments(actor, workshopId, documentId);
}

/**
 * Marks a thread resolved (again is fine).
 * @throws NotFoundError (workshop, document, thread), ForbiddenError.
 */
export function resolveThread(
	actor: Actor,
	workshopId: string,
	documentId: string,
	threadId: string
): CommentsView {
	authorizeWorkshop(actor, workshopId, 'comment');
	requireDocument(workshopId, documentId);
	const db = getDb();
	transaction(db, () => {
		const result = db
			.prepare(
				`UPDATE comments SET resolved_at = COALESCE(resolved_at, ?), resolved_by = COALESCE(resolved_by, ?)
				 WHERE id = ? AND document_id = ? AND parent_id IS NULL`
			)
			.run(Date.now(), actor.id, threadId, documentId);
		if (result.changes === 0) throw new NotFoundError('comment.error.unknownThread');
	});
	publishRunChange(workshopId, 'comment', documentId);
	return listComments(actor, workshopId, documentId);
}
