import { error, fail, redirect } from '@sveltejs/kit';
import { loadOrError, requireUser } from '#lib/server/http/guards.ts';
import { actFor, isFailure } from '#lib/server/http/form-actions.ts';
import { recordRatingForm } from '#lib/server/cases/index.ts';
import { loadCasePage, ratingAreas } from '#lib/server/cases/ui-view.ts';
import { parseRatingForm } from '#lib/server/cases/ui-forms.ts';
import { requirePagePurpose } from '#lib/server/privacy/purpose.ts';
import type { Actions, PageServerLoad } from './$types';

/** The staff rate one rater's statements at one point in the app (the plan's, nothing else). */
function ratingPage(event: { locals: App.Locals; url: URL; request: Request }, caseId: string) {
	const { locals, url } = event;
	const user = requireUser(locals, url);
	const purpose = requirePagePurpose(event, caseId);
	const ctx = { actor: user, requestId: locals.requestId, purpose, audit: locals.audit };
	// In the save, this read checks the form; the save's entry stands for the request.
	const page = loadOrError(() => loadCasePage(user, ctx, caseId));
	const pointId = url.searchParams.get('point') ?? '';
	const raterId = url.searchParams.get('rater') ?? '';
	const point = page.template.measurementPoints.find((p) => p.id === pointId);
	const rater = page.template.raters.find((r) => r.id === raterId);
	const areas = ratingAreas(page, pointId, raterId);
	if (!point || !rater || areas.length === 0) error(404, 'not_found');
	return { ctx, page, point, rater, areas };
}

export const load = ((event) => {
	const { page, point, rater, areas } = ratingPage(event, event.params.id);
	const values = Object.fromEntries(
		page.kase.ratings
			.filter((r) => r.pointId === point.id && r.raterId === rater.id)
			.map((r) => [r.statementId, { level: r.level, comment: r.comment }])
	);
	const { youngPerson } = page.kase;
	return {
		caseId: page.kase.id,
		name: `${youngPerson.firstName} ${youngPerson.lastName}`,
		point: { id: point.id, label: point.label },
		rater: { id: rater.id, label: rater.label },
		areas,
		values
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const { params, request } = event;
		const { ctx, point, rater, areas } = ratingPage(event, params.id);
		const parsed = parseRatingForm(await request.formData(), areas, false);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, answers: parsed.values });
		const form = { pointId: point.id, raterId: rater.id, answers: parsed.answers };
		const saved = await actFor('rate', () => recordRatingForm(ctx, params.id, form));
		if (isFailure(saved)) return saved;
		redirect(303, `/cases/${params.id}#point-${point.id}`);
	}
} satisfies Actions;
