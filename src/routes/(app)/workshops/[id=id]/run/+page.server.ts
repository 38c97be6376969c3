import { getWorkshop } from '#lib/server/workshops/workshops.ts';
import { loadRunRoom } from '#lib/server/run/run-room.ts';
import { runFormActions } from '#lib/server/http/run-form-actions.ts';
import { loadOrError, requireUser } from '#lib/server/http/guards.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url, params, depends }) => {
	// The page reloads by invalidating this key when the run-event stream says so (RunTimer.svelte).
	depends('app:run-state');
	const user = requireUser(locals, url);
	const workshop = loadOrError(() => getWorkshop(user, params.id));
	return {
		workshop: { id: workshop.id, title: workshop.title },
		...loadRunRoom(user, workshop.id, undefined, locals.runEventsAtStart)
	};
}) satisfies PageServerLoad;

export const actions = runFormActions satisfies Actions;
