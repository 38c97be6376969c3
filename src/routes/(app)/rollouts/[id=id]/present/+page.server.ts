import { error } from '@sveltejs/kit';
import { getRolloutView } from '#lib/server/rollouts/rollout-view.ts';
import { qrSvg } from '#lib/server/rollouts/qr.ts';
import { publicOrigin } from '#lib/server/accounts/session-cookie.ts';
import { loadOrError, requireUser } from '#lib/server/http/guards.ts';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const view = loadOrError(() => getRolloutView(user, params.id, publicOrigin(url)));
	if (!view.facilitator) error(403, 'forbidden');
	const link = view.facilitator.url;
	return { view, qr: link ? await qrSvg(link) : null };
}) satisfies PageServerLoad;
