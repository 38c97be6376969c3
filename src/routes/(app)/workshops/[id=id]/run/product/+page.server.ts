import { error } from '@sveltejs/kit';
import { getWorkshop } from '#lib/server/workshops/workshops.ts';
import { getDocumentForUser } from '#lib/server/documents/documents.ts';
import { loadRunRoom } from '#lib/server/run/run-room.ts';
import { runFormActions } from '#lib/server/http/run-form-actions.ts';
import { loadOrError, requireUser } from '#lib/server/http/guards.ts';
import type { Actions, PageServerLoad } from './$types';

/**
 * The product on Dag 2 ("Vis produktet"): the template's outputs with the example case for the
 * projector, and the template's comments, where the group says what should change.
 */
export const load = (({ locals, url, params, depends }) => {
	// Comments, the clock and rights reload when the run-event stream says so (RunTimer.svelte).
	depends('app:run-state');
	const user = requireUser(locals, url);
	const workshop = loadOrError(() => getWorkshop(user, params.id));
	const templateId = workshop.documents.find((d) => d.kind === 'template')?.id;
	if (!templateId) error(404, 'not_found');
	const template = loadOrError(() => getDocumentForUser(user, workshop.id, templateId));
	return {
		workshop: { id: workshop.id, title: workshop.title, phase: workshop.phase },
		templateId,
		// Only the facilitator may still correct the template from Dag 2 on (permissions.ts).
		canEditTemplate: template.canWrite,
		room: loadOrError(() => loadRunRoom(user, workshop.id, templateId, locals.runEventsAtStart))
	};
}) satisfies PageServerLoad;

export const actions = runFormActions satisfies Actions;
