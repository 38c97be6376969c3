import { fail } from '@sveltejs/kit';
import {
	agendaSchema,
	applyAgendaEdit,
	readAgendaForm,
	timerActionSchema
} from '#lib/domain/run-mode.ts';
import { getWorkshop } from '#lib/server/workshops.ts';
import { changeTimer, getRunView, saveAgenda } from '#lib/server/run-mode.ts';
import { formValues, loadOrError, requireUser } from '#lib/server/guards.ts';
import { actFor, isFailure } from '#lib/server/form-actions.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url, params, depends }) => {
	// The page polls by invalidating this key (see RunTimer.svelte).
	depends('app:run-state');
	const user = requireUser(locals, url);
	const workshop = loadOrError(() => getWorkshop(user, params.id));
	return {
		workshop: { id: workshop.id, title: workshop.title },
		run: getRunView(user, workshop.id)
	};
}) satisfies PageServerLoad;

export const actions = {
	timer: async ({ request, locals, url, params }) => {
		const user = requireUser(locals, url);
		const values = await formValues(request);
		const minutes = values.minutes ? Number(values.minutes) : undefined;
		const parsed = timerActionSchema.safeParse({ action: values.action, minutes });
		if (!parsed.success) return fail(400, { form: 'timer', message: 'run.field.action' });
		const result = await actFor('timer', () => changeTimer(user, params.id, parsed.data));
		return isFailure(result) ? result : { form: 'timer' };
	},
	agenda: async ({ request, locals, url, params }) => {
		const user = requireUser(locals, url);
		const { rows, edit } = readAgendaForm(await formValues(request));
		const parsed = agendaSchema.safeParse(rows);
		if (!parsed.success) {
			return fail(400, { form: 'agenda', message: parsed.error.issues[0].message });
		}
		const result = await actFor('agenda', () =>
			saveAgenda(user, params.id, applyAgendaEdit(parsed.data, edit))
		);
		return isFailure(result) ? result : { form: 'agenda', notice: 'run.agenda.saved' };
	}
} satisfies Actions;
