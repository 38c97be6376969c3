/**
 * The form actions of running the day, shared by the two pages that offer them: the presenter
 * page ("Kør dagen") and every workshop document page with its run panel. Each action parses its
 * form, calls one `#lib/server/run` function (which checks `can()` itself) and answers a result
 * tagged with its form, so the components (src/lib/components/run) post to `?/timer`, `?/dot`…
 * on whichever page they sit, with or without JavaScript.
 */
import { fail, type RequestEvent } from '@sveltejs/kit';
import { idSchema } from '#lib/domain/schemas.ts';
import { castDotsSchema, openVoteSchema, VOTE_SUBJECTS } from '#lib/domain/votes.ts';
import { keepVoteSchema } from '#lib/domain/vote-keep.ts';
import { createCommentSchema } from '#lib/domain/comments.ts';
import {
	agendaSchema,
	applyAgendaEdit,
	readAgendaForm,
	timerActionSchema
} from '#lib/domain/run-mode.ts';
import { castDots, closeVote, openVote, templateDocumentOf } from '../run/votes.ts';
import { keepVote } from '../run/vote-keep.ts';
import { createComment, resolveThread } from '../run/comments.ts';
import { changeTimer, saveAgenda } from '../run/run-mode.ts';
import { formValues, requireUser } from './guards.ts';
import { actFor, invalidInput, isFailure, unknownReference } from './form-actions.ts';

/** The request of an action on a page below `/workshops/{id}`. */
type RunEvent = RequestEvent<{ id: string }>;

/** A string field of a form ('' when missing or a file). */
function field(data: FormData, name: string): string {
	const value = data.get(name);
	return typeof value === 'string' ? value : '';
}

/**
 * The document a comment form is about: the one it names (the drejebog's thread forms do), else
 * the workshop's template. '' when there is none: the comment functions refuse it as unknown.
 */
function commentDocument(workshopId: string, named: string | undefined): string {
	if (named) return idSchema.safeParse(named).success ? named : '';
	return templateDocumentOf(workshopId) ?? '';
}

export const runFormActions = {
	timer: async ({ request, locals, url, params }: RunEvent) => {
		const user = requireUser(locals, url);
		const values = await formValues(request);
		const minutes = values.minutes ? Number(values.minutes) : undefined;
		const parsed = timerActionSchema.safeParse({ action: values.action, minutes });
		if (!parsed.success) return fail(400, { form: 'timer', message: 'run.field.action' });
		const result = await actFor('timer', () => changeTimer(user, params.id, parsed.data));
		return isFailure(result) ? result : { form: 'timer' };
	},
	agenda: async ({ request, locals, url, params }: RunEvent) => {
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
	openVote: async ({ request, locals, url, params }: RunEvent) => {
		const user = requireUser(locals, url);
		const data = await request.formData();
		const kept = {
			title: field(data, 'title'),
			dotsPerPerson: field(data, 'dotsPerPerson'),
			candidates: field(data, 'candidates')
		};
		const ids = (name: string) =>
			data.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');
		// Beside the drejebog the vote is about its steps (the form says so), else statements.
		const subject = VOTE_SUBJECTS.find((s) => s === field(data, 'subject'));
		const parsed = openVoteSchema.safeParse({
			title: kept.title,
			subject,
			dotsPerPerson: Number(kept.dotsPerPerson),
			candidates: [
				...ids('statementId').map((statementId) => ({ statementId })),
				...ids('stepId').map((stepId) => ({ stepId })),
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
	dot: async ({ request, locals, url, params }: RunEvent) => {
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
	closeVote: async ({ request, locals, url, params }: RunEvent) => {
		const user = requireUser(locals, url);
		const voteId = idSchema.safeParse((await formValues(request)).voteId);
		if (!voteId.success) return unknownReference('closeVote');
		const result = await actFor('closeVote', () => closeVote(user, params.id, voteId.data));
		if (isFailure(result)) return fail(result.status, { ...result.data, voteId: voteId.data });
		return { form: 'closeVote', voteId: voteId.data, notice: 'vote.closedNotice' };
	},
	keep: async ({ request, locals, url, params }: RunEvent) => {
		const user = requireUser(locals, url);
		const data = await request.formData();
		const voteId = idSchema.safeParse(data.get('voteId'));
		if (!voteId.success) return unknownReference('keep');
		const areaId = field(data, 'areaId');
		const stageId = field(data, 'stageId');
		const parsed = keepVoteSchema.safeParse({
			candidateIds: data.getAll('candidateId'),
			areaId: areaId || undefined,
			stageId: stageId || undefined,
			// An unticked checkbox sends nothing: removing is only ever what was asked for.
			removeOthers: field(data, 'removeOthers') === 'on'
		});
		if (!parsed.success) {
			const message = parsed.error.issues[0].message;
			return fail(400, { form: 'keep', voteId: voteId.data, message });
		}
		const result = await actFor('keep', () => keepVote(user, params.id, voteId.data, parsed.data));
		if (isFailure(result)) return fail(result.status, { ...result.data, voteId: voteId.data });
		const notice = result.subject === 'steps' ? 'runDays.keep.kept' : 'voteKeep.kept';
		return { form: 'keep', voteId: voteId.data, notice };
	},
	comment: async ({ request, locals, url, params }: RunEvent) => {
		const user = requireUser(locals, url);
		const values = await formValues(request);
		const parsed = createCommentSchema.safeParse({
			elementId: values.elementId,
			text: values.text,
			parentId: values.parentId || undefined
		});
		if (!parsed.success) {
			return fail(400, { form: 'comment', message: parsed.error.issues[0].message });
		}
		const documentId = commentDocument(params.id, values.documentId);
		const result = await actFor('comment', () =>
			createComment(user, params.id, documentId, parsed.data)
		);
		return isFailure(result) ? result : { form: 'comment', notice: 'comment.new.saved' };
	},
	resolve: async ({ request, locals, url, params }: RunEvent) => {
		const user = requireUser(locals, url);
		const values = await formValues(request);
		const threadId = idSchema.safeParse(values.threadId);
		if (!threadId.success) return unknownReference('resolve');
		const documentId = commentDocument(params.id, values.documentId);
		const result = await actFor('resolve', () =>
			resolveThread(user, params.id, documentId, threadId.data)
		);
		return isFailure(result) ? result : { form: 'resolve' };
	}
};
