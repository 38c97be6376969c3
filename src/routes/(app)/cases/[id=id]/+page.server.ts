import { fail } from '@sveltejs/kit';
import { formValues, loadOrError, requireUser } from '#lib/server/http/guards.ts';
import { actFor, isFailure } from '#lib/server/http/form-actions.ts';
import {
	closeCase,
	createCaseLink,
	recordAgreedLevel,
	recordEndForm,
	recordPointProgress,
	revokeCaseLink,
	setSubGoalStatuses,
	signCase
} from '#lib/server/cases/index.ts';
import { loadCasePage } from '#lib/server/cases/ui-view.ts';
import { mayStartCases } from '#lib/server/cases/ui-start.ts';
import { requirePagePurpose, sessionPurpose } from '#lib/server/privacy/purpose.ts';
import {
	createLinkSchema,
	nextStepInputSchema,
	ownWordsInputSchema,
	pointProgressInputSchema,
	signatureInputSchema
} from '#lib/domain/cases/schemas.ts';
import { checked } from '#lib/server/cases/ui-forms.ts';
import { caseLinkUrl } from '#lib/domain/cases/types.ts';
import { NOT_ASSESSED } from '#lib/components/cases/rating-fields.ts';
import type { Actions, PageServerLoad } from './$types';

/** One case: its version, plan, ratings, links, progression, the end and the outputs. */
export const load = ((event) => {
	const { locals, url, params } = event;
	const user = requireUser(locals, url);
	// Asked once per case per session (issue 14): the purpose page comes back here.
	const purpose = requirePagePurpose(event, params.id);
	const ctx = { actor: user, requestId: locals.requestId, purpose, audit: locals.audit };
	const page = loadOrError(() => loadCasePage(user, ctx, params.id));
	return { ...page, now: Date.now(), mayStart: mayStartCases(user) };
}) satisfies PageServerLoad;

type Event = Parameters<Actions[string]>[0];

/** The context and the posted fields of an action. */
async function begin({ locals, url, request, params }: Event) {
	const actor = requireUser(locals, url);
	const purpose = sessionPurpose(locals.sessionToken, params.id);
	return {
		ctx: { actor, requestId: locals.requestId, purpose, audit: locals.audit },
		values: await formValues(request)
	};
}

const levelOf = (value: string | undefined) => (value === NOT_ASSESSED ? null : (value ?? ''));

export const actions = {
	createLink: async (event) => {
		const { ctx, values } = await begin(event);
		const parsed = createLinkSchema.safeParse(
			values.signerId
				? { signerId: values.signerId }
				: { raterId: values.raterId, pointId: values.pointId }
		);
		if (!parsed.success) return fail(400, { form: 'link', message: 'casePages.links.invalid' });
		const created = await actFor('link', () => createCaseLink(ctx, event.params.id, parsed.data));
		if (isFailure(created)) return created;
		return {
			form: 'link',
			createdLink: {
				id: created.id,
				url: caseLinkUrl(event.url.origin, created.token),
				expiresAt: created.expiresAt
			}
		};
	},
	revokeLink: async (event) => {
		const { ctx, values } = await begin(event);
		return actFor('link', () => revokeCaseLink(ctx, values.linkId ?? ''));
	},
	agree: async (event) => {
		const { ctx, values } = await begin(event);
		const input = { statementId: values.statementId ?? '', level: levelOf(values.level) };
		return actFor(`agree-${input.statementId}`, () =>
			recordAgreedLevel(ctx, event.params.id, input)
		);
	},
	progress: async (event) => {
		const { ctx, values } = await begin(event);
		const pointId = values.pointId ?? '';
		const hours = (values.hours ?? '').trim().replace(',', '.');
		const input = {
			pointId,
			hours: hours === '' ? null : Number(hours),
			tasks: values.tasks ?? ''
		};
		return actFor(
			`progress-${pointId}`,
			() => recordPointProgress(ctx, event.params.id, checked(pointProgressInputSchema, input)),
			values
		);
	},
	subGoals: async (event) => {
		const { ctx, values } = await begin(event);
		const pointId = values.pointId ?? '';
		const statuses = Object.entries(values)
			.filter(([name]) => name.startsWith('status-'))
			.map(([name, value]) => ({
				subGoalId: name.slice(7),
				statusId: value === '' ? null : value
			}));
		return actFor(`subGoals-${pointId}`, () =>
			setSubGoalStatuses(ctx, event.params.id, pointId, statuses)
		);
	},
	end: async (event) => {
		const { ctx, values } = await begin(event);
		return actFor(
			'end',
			() => {
				// Everything is checked before anything is stored, so a refusal stores nothing.
				const ownWords = Object.entries(values)
					.filter(([name]) => name.startsWith('ownWords-'))
					.map(([name, text]) =>
						checked(ownWordsInputSchema, { sectionId: name.slice(9), text }, () => name)
					);
				const nextStep = checked(
					nextStepInputSchema,
					{ kind: values.nextStepKind || null, text: values.nextStepText ?? '' },
					(path) => (path === 'kind' ? 'nextStepKind' : 'nextStepText')
				);
				recordEndForm(ctx, event.params.id, { ownWords, nextStep });
				return { form: 'end', saved: true };
			},
			values
		);
	},
	sign: async (event) => {
		const { ctx, values } = await begin(event);
		const signerId = values.signerId ?? '';
		return actFor(
			`sign-${signerId}`,
			() =>
				signCase(
					ctx,
					event.params.id,
					checked(signatureInputSchema, { signerId, name: values.name ?? '' })
				),
			values
		);
	},
	close: async (event) => {
		const { ctx } = await begin(event);
		return actFor('close', () => closeCase(ctx, event.params.id));
	}
} satisfies Actions;
