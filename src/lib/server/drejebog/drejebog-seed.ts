/**
 * First-start seeding of a workshop's drejebog: the demo workshop opens with the starter drejebog
 * made for its (already seeded) template, so a new user can move the demo to Dag 2 and publish at
 * once. Like `seedTemplateFromStarter`, it appends one update to the document's log, which is safe
 * only because no collaboration room holds the document yet.
 */
import * as Y from 'yjs';
import { starterDrejebog } from '#lib/domain/drejebog/index.ts';
import { initDrejebog } from '#lib/collab/drejebog/drejebog-ops-meta.ts';
import { loadTemplate, seedDocumentUpdate } from '../documents/documents-state.ts';
import { workshopDocumentId } from '../documents/document-kind.ts';

/**
 * Fills the (still empty) drejebog document of a workshop with the starter drejebog made for the
 * template stored in the workshop now, written as `authorId`. First-start seeding only.
 */
export function seedDrejebogFromStarter(workshopId: string, authorId: string): void {
	const drejebogId = workshopDocumentId(workshopId, 'drejebog');
	const templateId = workshopDocumentId(workshopId, 'template');
	if (!drejebogId || !templateId) return;
	const doc = new Y.Doc();
	try {
		initDrejebog(
			{ doc, origin: authorId },
			{ drejebog: starterDrejebog(loadTemplate(templateId)) }
		);
		seedDocumentUpdate(drejebogId, Y.encodeStateAsUpdate(doc), authorId);
	} finally {
		doc.destroy();
	}
}
