import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { followUpSchema, learningGoalKindSchema } from '#lib/domain/rollout/schemas.ts';
import { textSchema } from '#lib/domain/text.ts';
import { textToRichText } from '#lib/domain/template/rich-text.ts';
import { getRolloutView } from '#lib/server/rollouts/rollout-view.ts';
import { selfCheckAggregates } from '#lib/server/rollouts/rollout-feedback.ts';
import { closeRollout, setFollowUpDate } from '#lib/server/rollouts/rollouts.ts';
import {
	addSlide,
	deleteSlide,
	editSlide,
	editableSlides,
	setLearningGoal
} from '#lib/server/rollouts/rollout-settings.ts';
import { collectFeedback } from '#lib/server/rollouts/rollout-next-version.ts';
import { qrSvg } from '#lib/server/rollouts/qr.ts';
import { publicOrigin } from '#lib/server/accounts/session-cookie.ts';
import { actOrFail, formValues, loadOrError, requireUser } from '#lib/server/http/guards.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const view = loadOrError(() => getRolloutView(user, params.id, publicOrigin(url)));
	if (!view.facilitator) error(403, 'forbidden');
	const link = view.facilitator.url;
	return {
		view,
		aggregates: loadOrError(() => selfCheckAggregates(user, params.id)),
		slides: loadOrError(() => editableSlides(user, params.id)),
		qr: link ? await qrSvg(link) : null
	};
}) satisfies PageServerLoad;

const slideFormSchema = z.object({
	title: textSchema(120),
	text: textSchema(4000, { isMultiLine: true }),
	afterStepId: z.string().max(120),
	learningGoal: learningGoalKindSchema,
	requiresAck: z.string().optional()
});

/** The slide form's fields as a slide without id and question, or null when they are not valid. */
function parseSlideForm(values: Record<string, string>) {
	const parsed = slideFormSchema.safeParse(values);
	if (!parsed.success) return null;
	const { title, text, afterStepId, learningGoal, requiresAck } = parsed.data;
	return {
		title,
		body: textToRichText(text),
		afterStepId: afterStepId || null,
		learningGoal,
		requiresAck: requiresAck === 'on'
	};
}

export const actions = {
	followUp: async ({ request, locals, url, params }) => {
		const user = requireUser(locals, url);
		const parsed = followUpSchema.safeParse(await formValues(request));
		if (!parsed.success) return fail(400, { form: 'followUp', message: 'rollout.input.date' });
		const result = await actOrFail(() => setFollowUpDate(user, params.id, parsed.data.date));
		return result ?? { form: 'followUp', notice: 'rollout.dashboard.followUpSaved' };
	},
	close: async ({ locals, url, params }) => {
		const user = requireUser(locals, url);
		const result = await actOrFail(() => closeRollout(user, params.id));
		return 'publicationId' in result
			? { form: 'close', notice: 'rollout.dashboard.closed' }
			: result;
	},
	collect: async ({ locals, url, params }) => {
		const user = requireUser(locals, url);
		const result = await actOrFail(() => collectFeedback(user, params.id));
		if (typeof result !== 'number') return result;
		const notice = result > 0 ? 'rollout.nextVersion.collected' : 'rollout.nextVersion.nothingNew';
		return { form: 'collect', notice };
	},
	slide: async ({ request, locals, url, params }) => {
		const user = requireUser(locals, url);
		const slide = parseSlideForm(await formValues(request));
		if (!slide) return fail(400, { form: 'slide', message: 'rollout.dashboard.slideInvalid' });
		const result = await actOrFail(() => addSlide(user, params.id, { ...slide, question: null }));
		return result ?? { form: 'slide', notice: 'rollout.dashboard.slideAdded' };
	},
	editSlide: async ({ request, locals, url, params }) => {
		const user = requireUser(locals, url);
		const values = await formValues(request);
		const slide = parseSlideForm(values);
		if (!slide || !values.slideId) {
			return fail(400, { form: 'slide', message: 'rollout.dashboard.slideInvalid' });
		}
		const result = await actOrFail(() => editSlide(user, params.id, values.slideId, slide));
		return result ?? { form: 'slide', notice: 'rollout.slides.saved' };
	},
	deleteSlide: async ({ request, locals, url, params }) => {
		const user = requireUser(locals, url);
		const { slideId } = await formValues(request);
		if (!slideId) return fail(400, { form: 'slide', message: 'rollout.dashboard.slideInvalid' });
		const result = await actOrFail(() => deleteSlide(user, params.id, slideId));
		return result ?? { form: 'slide', notice: 'rollout.slides.deleted' };
	},
	goal: async ({ request, locals, url, params }) => {
		const user = requireUser(locals, url);
		const values = await formValues(request);
		const kind = learningGoalKindSchema.safeParse(values.learningGoal);
		if (!kind.success || !values.stepId) {
			return fail(400, { form: 'goal', message: 'rollout.input.invalidKind' });
		}
		const result = await actOrFail(() =>
			setLearningGoal(user, params.id, values.stepId, kind.data)
		);
		return result ?? { form: 'goal', notice: 'rollout.dashboard.goalSaved' };
	}
} satisfies Actions;
