import { error, fail, redirect } from '@sveltejs/kit';
import { actOrFail, requireUser } from '#lib/server/http/guards.ts';
import { listMyCases, startCase } from '#lib/server/cases/index.ts';
import { mayStartCases, startCaseChoices, valuesFromPrevious } from '#lib/server/cases/ui-start.ts';
import { parseStartForm } from '#lib/server/cases/ui-forms.ts';
import type { Actions, PageServerLoad } from './$types';

/**
 * Starting a case: the versions in operation, their statements and sub-goals, earlier cases;
 * `?from=<case>` starts from that earlier case (chosen, with the young person's name filled in).
 */
export const load = (({ locals, url }) => {
	const user = requireUser(locals, url);
	if (!mayStartCases(user)) error(403, 'forbidden');
	const ctx = { actor: user, requestId: locals.requestId, audit: locals.audit };
	const myCases = listMyCases(ctx);
	const choices = startCaseChoices(user, myCases, url.searchParams.get('version') ?? '');
	return { choices, initial: valuesFromPrevious(myCases, url.searchParams.get('from') ?? '') };
}) satisfies PageServerLoad;

export const actions = {
	start: async ({ locals, request, url }) => {
		const user = requireUser(locals, url);
		const ctx = { actor: user, requestId: locals.requestId, audit: locals.audit };
		const form = await request.formData();
		const publicationId = form.get('publicationId');
		const choices = startCaseChoices(
			user,
			listMyCases(ctx),
			typeof publicationId === 'string' ? publicationId : ''
		);
		const parsed = parseStartForm(form, choices);
		if (!parsed.ok) {
			const { fields, values, statementIds } = parsed;
			return fail(400, { fields, values, statementIds });
		}
		// One transaction and one audit entry: a case is never left half started.
		const result = await actOrFail(
			() => startCase(ctx, parsed.create, parsed.goal).id,
			parsed.values
		);
		if (typeof result !== 'string') return result;
		redirect(303, `/cases/${result}`);
	}
} satisfies Actions;
