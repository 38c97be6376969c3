/**
 * Choosing the starter of an empty template (issue 16): one server-side step, so two people
 * choosing different starters at the same moment cannot merge two starters into one template.
 * The starter is written through the collaboration server's room (`editDocument`), which runs
 * server edits of a document one at a time on its current state: the first choice fills the
 * template, and `initTemplate` refuses the second because the template is no longer empty.
 */
import { initTemplate } from '#lib/collab/template/template-ops-meta.ts';
import { ConflictError, ForbiddenError, ValidationError } from '#lib/domain/errors.ts';
import type { Actor } from '#lib/domain/permissions.ts';
import type { ChooseStarterInput } from '#lib/domain/template/inputs.ts';
import { getStarter } from '#lib/domain/template/starters/index.ts';
import { editDocument } from './document-edits.ts';
import { getDocumentForUser } from './documents.ts';

/** What the template holds after the choice. */
export type TemplateStarted = { documentId: string; starterId: string };

/**
 * Fills the empty template document `documentId` from the starter `input.starterId`, as the
 * actor (the facilitator and work-group members who may write it).
 * @throws NotFoundError (workshop, document), ForbiddenError (may only read), ValidationError
 * (not a template, unknown starter), ConflictError `template_started` (the template is not empty:
 * someone chose a starter first, or has written in it), `document_too_large`.
 */
export async function chooseStarter(
	actor: Actor,
	workshopId: string,
	documentId: string,
	input: ChooseStarterInput
): Promise<TemplateStarted> {
	const document = getDocumentForUser(actor, workshopId, documentId);
	if (document.kind !== 'template') {
		throw new ValidationError('templateStarter.error.notTemplate');
	}
	if (!document.canWrite) throw new ForbiddenError('templateStarter.error.forbidden');
	const starter = getStarter(input.starterId);
	if (!starter) {
		throw new ValidationError('templateStarter.error.unknownStarter', {
			starterId: 'templateStarter.error.unknownStarter'
		});
	}
	try {
		await editDocument(documentId, actor.id, (doc) =>
			initTemplate({ doc, origin: actor.id }, starter)
		);
	} catch (error) {
		if (error instanceof ConflictError && error.code === 'template_started') {
			throw new ConflictError('template_started', 'templateStarter.error.started');
		}
		throw error;
	}
	return { documentId, starterId: starter.id };
}
