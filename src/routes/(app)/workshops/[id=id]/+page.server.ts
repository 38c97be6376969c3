import { can } from '#lib/domain/permissions.ts';
import { changePhaseSchema, createInvitationSchema, idSchema } from '#lib/domain/schemas.ts';
import { changePhase, getWorkshop, removeWorkshopMember } from '#lib/server/workshops/workshops.ts';
import {
	createInvitation,
	listInvitations,
	revokeInvitation
} from '#lib/server/workshops/invitations.ts';
import { formValues, loadOrError, requireUser } from '#lib/server/http/guards.ts';
import {
	actFor,
	invalidInput,
	isFailure,
	unknownReference
} from '#lib/server/http/form-actions.ts';
import { publicOrigin } from '#lib/server/accounts/session-cookie.ts';
import { publishSchema } from '#lib/domain/publications/schemas.ts';
import { publishVersion } from '#lib/server/publications/publish.ts';
import { listWorkshopPublications } from '#lib/server/publications/publications.ts';
import { currentDraftOrigin, openDraft } from '#lib/server/publications/drafts.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const workshop = loadOrError(() => getWorkshop(user, params.id));
	const resource = {
		type: 'workshop',
		id: workshop.id,
		orgId: workshop.orgId,
		phase: workshop.phase
	} as const;
	const canManage = can(user, 'manage', resource);
	return {
		workshop,
		canManage,
		canChangePhase: can(user, 'change-phase', resource),
		invitations: canManage ? listInvitations(user, workshop.id) : [],
		userId: user.id,
		canPublish: can(user, 'publish', resource),
		publications: listWorkshopPublications(user, workshop.id),
		draftOrigin: currentDraftOrigin(workshop.id)
	};
}) satisfies PageServerLoad;

export const actions = {
	invite: async ({ request, locals, url, params }) => {
		const user = requireUser(locals, url);
		const values = await formValues(request);
		const kept = { email: values.email ?? '', role: values.role ?? '' };
		const parsed = createInvitationSchema.safeParse(values);
		if (!parsed.success) return invalidInput('invite', parsed.error, kept);
		const result = await actFor(
			'invite',
			() =>
				createInvitation(user, {
					workshopId: params.id,
					...parsed.data,
					origin: publicOrigin(url)
				}),
			kept
		);
		if (isFailure(result)) return result;
		return {
			form: 'invite',
			created: { url: result.url, email: result.email, role: result.role }
		};
	},
	revoke: async ({ request, locals, url }) => {
		const user = requireUser(locals, url);
		const id = idSchema.safeParse((await formValues(request)).invitationId);
		if (!id.success) return unknownReference('revoke');
		const result = await actFor('revoke', () => revokeInvitation(user, id.data));
		return isFailure(result) ? result : { form: 'revoke', notice: 'workshop.invitations.revoked' };
	},
	phase: async ({ request, locals, url, params }) => {
		const user = requireUser(locals, url);
		const parsed = changePhaseSchema.safeParse(await formValues(request));
		if (!parsed.success) return invalidInput('phase', parsed.error);
		const { phase } = parsed.data;
		const result = await actFor('phase', () => changePhase(user, params.id, phase));
		return isFailure(result) ? result : { form: 'phase', notice: 'phaseChange.moved' };
	},
	publish: async ({ request, locals, url, params }) => {
		const user = requireUser(locals, url);
		const values = await formValues(request);
		const kept = { note: values.note ?? '' };
		const parsed = publishSchema.safeParse(values);
		if (!parsed.success) return invalidInput('publish', parsed.error, kept);
		const result = await actFor(
			'publish',
			() => publishVersion(user, params.id, parsed.data),
			kept
		);
		if (isFailure(result)) return result;
		return {
			form: 'publish',
			notice: 'publications.publish.done',
			published: { id: result.id, number: result.number }
		};
	},
	draft: async ({ locals, url, params }) => {
		const user = requireUser(locals, url);
		const result = await actFor('draft', () => openDraft(user, params.id));
		if (isFailure(result)) return result;
		return {
			form: 'draft',
			notice: 'publications.draft.opened',
			published: { id: result.fromPublication.id, number: result.fromPublication.number }
		};
	},
	remove: async ({ request, locals, url, params }) => {
		const user = requireUser(locals, url);
		const id = idSchema.safeParse((await formValues(request)).userId);
		if (!id.success) return unknownReference('remove');
		const result = await actFor('remove', () => removeWorkshopMember(user, params.id, id.data));
		return isFailure(result) ? result : { form: 'remove', notice: 'workshop.members.removed' };
	}
} satisfies Actions;
