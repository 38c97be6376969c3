import { fail } from '@sveltejs/kit';
import { can } from '#lib/domain/permissions.ts';
import { idSchema } from '#lib/domain/schemas.ts';
import { castDotsSchema, openVoteSchema } from '#lib/domain/votes.ts';
import { castDots, closeVote, listVotes, openVote } from '#lib/server/run/votes.ts';
import { keepVote } from '#lib/server/run/vote-keep.ts';
import { keepVoteSchema } from '#lib/domain/vote-keep.ts';
import { createCommentSchema } from '#lib/domain/comments.ts';
import { createComment, listComments, resolveThread } from '#lib/server/run/comments.ts';
import {
	agendaSchema,
	applyAgendaEdit,
	readAgendaForm,
	timerActionSchema
} from '#lib/domain/run-mode.ts';
import { getWorkshop } from '#lib/server/workshops/workshops.ts';
import { changeTimer, getRunView, saveAgenda } from '#lib/server/run/run-mode.ts';
import { formValues, loadOrError, requireUser } from '#lib/server/http/guards.ts';
import {
	actFor,
	invalidInput,
	isFailure,
	unknownReference
} from '#lib/server/http/form-actions.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url, params, depends }) => {
	// The page reloads by invalidating this key when the run-event stream says so (RunTimer.svelte).
	depends('app:run-state');
	const user = requireUser(locals, url);
	const workshop = loadOrError(() => getWorkshop(user, params.id));
	const resource = {
		type: 'workshop',
		id: workshop.id,
		orgId: workshop.orgId,
		phase: workshop.phase
	} as const;
	const templateId = workshop.documents.find((d) => d.kind === 'template')?.id;
	return {
		workshop: { id: workshop.id, title: workshop.title },
		run: getRunView(user, workshop.id),
		votes: listVotes(user, workshop.id),
		canVote: can(user, 'vote', resource),
		canComment: can(user, 'comment', resource),
		comments: templateId ? listComments(user, workshop.id, templateId) : null
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
	},
	openVote: async ({ request, locals, url, params }) => {
		const user = requireUser(locals, url);
		const data = await request.formData();
		const field = (name: string) => {
			const value = data.get(name);
			return typeof value === 'string' ? value : '';
		};
		const kept = {
			title: field('title'),
			dotsPerPerson: field('dotsPerPerson'),
			candidates: field('candidates')
		};
		const statementIds = data.getAll('statementId').filter((v) => typeof v === 'string');
		const parsed = openVoteSchema.safeParse({
			title: kept.title,
			dotsPerPerson: Number(kept.dotsPerPerson),
			candidates: [
				...statementIds.map((statementId) => ({ statementId })),
				...kept.candidates
					.split('\n')
					.map((line) => line.trim())
					.filter(Boolean)
					.map((text) => ({ text }))
			]
		});
		if (!parsed.success) {
			const failure = invalidInput('openVote', parsed.error, kept);
			// A problem with one candidate is shown at the candidates field.
			const fields = failure.data.fields ?? {};
			for (const key of Object.keys(fields)) {
				if (key.startsWith('candidates.')) fields.candidates ??= fields[key];
			}
			return failure;
		}
		const result = await actFor('openVote', () => openVote(user, params.id, parsed.data), kept);
		return isFailure(result) ? result : { form: 'openVote', notice: 'vote.open.opened' };
	},
	dot: async ({ request, locals, url, params }) => {
		const user = requireUser(locals, url);
		const values = await formValues(request);
		const voteId = idSchema.safeParse(values.voteId);
		if (!voteId.success) return unknownReference('dot');
		const parsed = castDotsSchema.safeParse({
			candidateId: values.candidateId,
			dots: Number(values.dots)
		});
		if (!parsed.success) {
			return fail(400, {
				form: 'dot',
				voteId: voteId.data,
				message: parsed.error.issues[0].message
			});
		}
		const result = await actFor('dot', () => castDots(user, params.id, voteId.data, parsed.data));
		if (isFailure(result)) return fail(result.status, { ...result.data, voteId: voteId.data });
		return { form: 'dot', voteId: voteId.data };
	},
	closeVote: async ({ request, locals, url, params }) => {
		const user = requireUser(locals, url);
		const voteId = idSchema.safeParse((await formValues(request)).voteId);
		if (!voteId.success) return unknownReference('closeVote');
		const result = await actFor('closeVote', () => closeVote(user, params.id, voteId.data));
		if (isFailure(result)) return fail(result.status, { ...result.data, voteId: voteId.data });
		return { form: 'closeVote', voteId: voteId.data, notice: 'vote.closedNotice' };
	},
	keep: async ({ request, locals, url, params }) => {
		const user = requireUser(locals, url);
		const data = await request.formData();
		const voteId = idSchema.safeParse(data.get('voteId'));
		if (!voteId.success) return unknownReference('keep');
		const areaId = data.get('areaId');
		const parsed = keepVoteSchema.safeParse({
			candidateIds: data.getAll('candidateId'),
			areaId: typeof areaId === 'string' && areaId ? areaId : undefined
		});
		if (!parsed.success) {
			const message = parsed.error.issues[0].message;
			return fail(400, { form: 'keep', voteId: voteId.data, message });
		}
		const result = await actFor('keep', () => keepVote(user, params.id, voteId.data, parsed.data));
		if (isFailure(result)) return fail(result.status, { ...result.data, voteId: voteId.data });
		return { form: 'keep', voteId: voteId.data, notice: 'voteKeep.kept' };
	},
	comment: async ({ request, locals, url, params }) => {
		const user = requireUser(locals, url);
		const values = await formValues(request);
		const templateId = templateDocumentId(user, params.id);
		const parsed = createCommentSchema.safeParse({
			elementId: values.elementId,
			text: values.text,
			parentId: values.parentId || undefined
		});
		if (!parsed.success) {
			return fail(400, { form: 'comment', message: parsed.error.issues[0].message });
		}
		const result = await actFor('comment', () =>
			createComment(user, params.id, templateId, parsed.data)
		);
		return isFailure(result) ? result : { form: 'comment', notice: 'comment.new.saved' };
	},
	resolve: async ({ request, locals, url, params }) => {
		const user = requireUser(locals, url);
		const threadId = idSchema.safeParse((await formValues(request)).threadId);
		if (!threadId.success) return unknownReference('resolve');
		const templateId = templateDocumentId(user, params.id);
		const result = await actFor('resolve', () =>
			resolveThread(user, params.id, templateId, threadId.data)
		);
		return isFailure(result) ? result : { form: 'resolve' };
	}
} satisfies Actions;

/** The workshop's template document id ('' when missing, which the comment functions refuse). */
function templateDocumentId(user: App.Locals['user'] & object, workshopId: string): string {
	const workshop = loadOrError(() => getWorkshop(user, workshopId));
	return workshop.documents.find((d) => d.kind === 'template')?.id ?? '';
}
