import { redirect } from '@sveltejs/kit';
import { idSchema } from '#lib/domain/schemas.ts';
import { purposeHeaderValue, purposeSchema } from '#lib/domain/privacy/purposes.ts';
import { findYoungPeople, YOUNG_PEOPLE_PAGE } from '#lib/server/cases/index.ts';
import { adminOrg, formValues, requireUser } from '#lib/server/http/guards.ts';
import { invalidInput } from '#lib/server/http/form-actions.ts';
import type { Actions, PageServerLoad } from './$types';

/** The longest name search we run. */
const MAX_QUERY = 100;

export const load = (({ locals, url }) => {
	const user = requireUser(locals, url);
	const org = adminOrg(user, url);
	const query = (url.searchParams.get('q') ?? '').slice(0, MAX_QUERY);
	const ctx = { actor: user, requestId: locals.requestId };
	const people = findYoungPeople(ctx, org.id, query);
	const chosenId = url.searchParams.get('person');
	return {
		org,
		query,
		people,
		isTruncated: people.length >= YOUNG_PEOPLE_PAGE,
		chosen: people.find((p) => p.id === chosenId) ?? null
	};
}) satisfies PageServerLoad;

export const actions = {
	/**
	 * Checks the stated purpose and sends the browser to the export route with it, which answers
	 * with the ZIP (a download: the page stays where it is). That route decides who may export.
	 */
	export: async ({ request, locals, url }) => {
		requireUser(locals, url);
		const values = await formValues(request);
		const purpose = purposeSchema.safeParse(values);
		if (!purpose.success) return invalidInput('export', purpose.error, values);
		const person = idSchema.safeParse(url.searchParams.get('person'));
		if (!person.success) return invalidInput('export', person.error, values);
		const purposeParam = encodeURIComponent(purposeHeaderValue(purpose.data));
		redirect(303, `/api/v1/young-people/${person.data}/export?purpose=${purposeParam}`);
	}
} satisfies Actions;
