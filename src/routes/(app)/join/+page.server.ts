import { fail, redirect } from '@sveltejs/kit';
import { RateLimitedError, isDomainError } from '#lib/domain/errors.ts';
import { joinRollout } from '#lib/server/rollouts/rollouts.ts';
import { formValues, requireUser } from '#lib/server/http/guards.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url }) => {
	requireUser(locals, url);
	return { code: (url.searchParams.get('code') ?? '').slice(0, 40) };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, url, getClientAddress }) => {
		const user = requireUser(locals, url);
		const code = (await formValues(request)).code ?? '';
		let rolloutId: string;
		try {
			rolloutId = joinRollout(user, code.slice(0, 40), getClientAddress()).rolloutId;
		} catch (e) {
			if (e instanceof RateLimitedError) {
				const minutes = Math.ceil(e.retryAfterSeconds / 60);
				return fail(429, { code, message: 'rollout.join.throttled', minutes });
			}
			if (!isDomainError(e)) throw e;
			return fail(e.status, { code, message: e.message, minutes: 0 });
		}
		redirect(303, `/rollouts/${rolloutId}`);
	}
} satisfies Actions;
