/**
 * The documents run mode works on: the workshop's template (Dag 1, and the product shown on Dag
 * 2) and its drejebog (Dag 2). Follow me, comments and locks name an element of one of them; this
 * finds the document's kind and lists its elements from the content as the collaboration server
 * stored it. No access checks: callers have authorized the actor for the workshop.
 */
import { getDb } from '../platform/db.ts';
import { loadDrejebog, loadTemplate } from '../documents/documents-state.ts';
import { followableDrejebogElements, followableElements } from '#lib/domain/follow.ts';
import {
	commentableDrejebogElements,
	commentableElements,
	type CommentableElement
} from '#lib/domain/comments.ts';
import type { FollowableElement } from '#lib/domain/follow.ts';
import { DOCUMENT_KINDS, type DocumentKind } from '#lib/domain/workshop.ts';

/** The kind of document `documentId` when it belongs to workshop `workshopId`, else null. */
export function workshopDocumentKind(workshopId: string, documentId: string): DocumentKind | null {
	const row = getDb()
		.prepare('SELECT kind FROM documents WHERE id = ? AND workshop_id = ?')
		.get(documentId, workshopId) as { kind: string } | undefined;
	return DOCUMENT_KINDS.includes(row?.kind as DocumentKind) ? (row?.kind as DocumentKind) : null;
}

/** Every place of the stored document one can point at ("follow me"), in reading order. */
export function followableOf(documentId: string, kind: DocumentKind): FollowableElement[] {
	return kind === 'template'
		? followableElements(loadTemplate(documentId))
		: followableDrejebogElements(loadDrejebog(documentId));
}

/** Every element of the stored document one can comment on, in reading order. */
export function commentableOf(documentId: string, kind: DocumentKind): CommentableElement[] {
	return kind === 'template'
		? commentableElements(loadTemplate(documentId))
		: commentableDrejebogElements(loadDrejebog(documentId));
}
