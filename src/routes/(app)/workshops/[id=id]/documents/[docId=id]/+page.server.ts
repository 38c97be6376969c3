import { redirect } from '@sveltejs/kit';
import { getDocumentForUser, replacementOf } from '#lib/server/documents/documents.ts';
import { commentRights } from '#lib/server/run/comments.ts';
import { loadRunRoom } from '#lib/server/run/run-room.ts';
import { runFormActions } from '#lib/server/http/run-form-actions.ts';
import { templateDocumentFor } from '#lib/server/drejebog/drejebog-start.ts';
import { loadOrError, requireUser } from '#lib/server/http/guards.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, params, url, depends }) => {
	// The run panel reloads this when the run-event stream says the day changed (RunTimer.svelte);
	// the page keeps its collaboration session across such reloads.
	depends('app:run-state');
	const user = requireUser(locals, url);
	// A new draft replaced this document: open pages (and bookmarks) move to the new one.
	const replacement = replacementOf(params.id, params.docId);
	if (replacement) {
		loadOrError(() => getDocumentForUser(user, params.id, replacement));
		redirect(303, `/workshops/${params.id}/documents/${replacement}`);
	}
	const document = loadOrError(() => getDocumentForUser(user, params.id, params.docId));
	// Comments on the document's elements are made in its editor itself (the template's areas,
	// statements and levels; the drejebog's stages, steps and rule sections).
	const data = {
		document,
		commentRights: commentRights(user, params.id),
		room: loadOrError(() => loadRunRoom(user, params.id, document.id, locals.runEventsAtStart)),
		// The drejebog editor reads the template alongside: its links and problems refer to it.
		templateDocumentId: document.kind === 'drejebog' ? templateDocumentFor(user, params.id) : null
	};
	// The page renders: a full load of it opens the socket before the app's scripts run
	// (src/lib/collab/early-socket.ts).
	locals.earlySocketDocumentId = document.id;
	return data;
}) satisfies PageServerLoad;

/** The run panel's forms (timer, votes, comments) post here, as on the presenter page. */
export const actions = runFormActions satisfies Actions;
