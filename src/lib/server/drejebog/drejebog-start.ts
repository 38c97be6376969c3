/**
 * Starting a workshop's drejebog in one server-side step: from the starter drejebog made for the
 * workshop's template as it is stored now (its links name the template's parts by id, which only
 * the server can read for sure), or with the three stages only. The edit goes through the
 * collaboration server (`editDocument`), so it is stored before anyone sees it and appears live in
 * every open editor; server edits of one document run one at a time, so of two people choosing at
 * the same moment, one starts the drejebog and the other is refused.
 */
import * as Y from 'yjs';
import type { Actor } from '#lib/domain/permissions.ts';
import { ForbiddenError, NotFoundError } from '#lib/domain/errors.ts';
import {
	emptyDrejebog,
	starterDrejebog,
	type DrejebogStarted,
	type StartDrejebogInput
} from '#lib/domain/drejebog/index.ts';
import { readTemplate } from '#lib/collab/template/template-read.ts';
import { initDrejebog } from '#lib/collab/drejebog/drejebog-ops-meta.ts';
import { getDocumentForUser } from '../documents/documents.ts';
import { loadTemplate } from '../documents/documents-state.ts';
import { editDocument } from '../documents/document-edits.ts';
import { workshopDocumentId } from '../documents/document-kind.ts';
import { authorizeWorkshop } from '../workshops/workshops.ts';

/** The workshop's template as stored now (an empty one when it has none). */
function currentTemplate(workshopId: string) {
	const templateId = workshopDocumentId(workshopId, 'template');
	return templateId ? loadTemplate(templateId) : readTemplate(new Y.Doc());
}

/**
 * Starts the drejebog `documentId` of a workshop from `input.starter`, as `actor`.
 * @throws NotFoundError (no such drejebog for the actor), ForbiddenError (may not write it),
 * ConflictError `drejebog_started` (it is started already; nothing changed), `document_too_large`.
 */
export async function startDrejebog(
	actor: Actor,
	workshopId: string,
	documentId: string,
	input: StartDrejebogInput
): Promise<DrejebogStarted> {
	const document = getDocumentForUser(actor, workshopId, documentId);
	if (document.kind !== 'drejebog') throw new NotFoundError('document');
	if (!document.canWrite) throw new ForbiddenError('drejebog.start.forbidden');
	const drejebog =
		input.starter === 'star'
			? starterDrejebog(currentTemplate(workshopId))
			: emptyDrejebog('empty');
	// The check that the drejebog is not started yet runs inside the edit, on the room's state.
	await editDocument(documentId, actor.id, (doc) =>
		initDrejebog({ doc, origin: actor.id }, { drejebog })
	);
	return { starterId: input.starter };
}

/**
 * The id of the workshop's template document, which the drejebog editor reads alongside the
 * drejebog (links and problems refer to it), or null when the workshop has none.
 * @throws NotFoundError when the actor may not see the workshop.
 */
export function templateDocumentFor(actor: Actor, workshopId: string): string | null {
	authorizeWorkshop(actor, workshopId, 'read');
	return workshopDocumentId(workshopId, 'template');
}
