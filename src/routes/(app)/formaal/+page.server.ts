import { error, redirect } from '@sveltejs/kit';
import { idSchema } from '#lib/domain/schemas.ts';
import { purposeSchema } from '#lib/domain/privacy/purposes.ts';
import { safeReturnPath } from '#lib/domain/return-path.ts';
import { choosePurpose } from '#lib/server/privacy/purpose.ts';
import { formValues, requireUser } from '#lib/server/http/guards.ts';
import { invalidInput } from '#lib/server/http/form-actions.ts';
import type { Actions, PageServerLoad } from './$types';

/** The case the purpose is for: `?case=` (a page load's `requirePagePurpose` sends people here). */
function caseIdOf(url: URL): string {
	const parsed = idSchema.safeParse(url.searchParams.get('case'));
	if (!parsed.success) error(404, 'not_found');
	return parsed.data;
}

export const load = (({ locals, url }) => {
	requireUser(locals, url);
	caseIdOf(url);
	return { next: safeReturnPath(url.searchParams.get('next')) };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, url }) => {
		requireUser(locals, url);
		const caseId = caseIdOf(url);
		const values = await formValues(request);
		const parsed = purposeSchema.safeParse(values);
		if (!parsed.success) return invalidInput('purpose', parsed.error, values);
		// requireUser guarantees a session, so its token is there.
		choosePurpose(locals.sessionToken ?? '', caseId, parsed.data);
		redirect(303, safeReturnPath(url.searchParams.get('next')));
	}
} satisfies Actions;
