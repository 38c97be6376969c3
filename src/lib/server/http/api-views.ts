/**
 * Turns server records into the JSON the API answers with. The return types come from the
 * response schemas in `#lib/domain/api-schemas.ts`, so the compiler keeps the two in step.
 */
import type {
	CreatedInvitationView,
	InvitationView,
	MeView,
	TemplateStartedBody,
	UserView,
	WorkshopDetailView,
	WorkshopSummaryView
} from '#lib/domain/api-schemas.ts';
import type { SessionUser, User } from '../accounts/accounts.ts';
import type { WorkshopDetail, WorkshopSummary } from '../workshops/workshops.ts';
import type { CreatedInvitation, Invitation } from '../workshops/invitations.ts';
import type { TemplateStarted } from '../documents/template-starter.ts';
import type {
	OpenedDraftView,
	PublicationDiffView,
	PublicationSummaryView
} from '#lib/domain/publications/api-schemas.ts';
import type { Translate } from '#lib/i18n/translate.ts';
import { sayChange } from '#lib/domain/publications/diff.ts';
import type { PublicationDiff, PublicationSummary } from '../publications/publications.ts';
import type { OpenedDraft } from '../publications/drafts.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/** A user's public identity. */
export function userView(user: User): UserView {
	return { id: user.id, email: user.email, name: user.name, locale: user.locale };
}

/** The signed-in user with their organisations and workshop roles. */
export function meView(user: SessionUser): MeView {
	return {
		...userView(user),
		orgs: user.orgs.map((m) => ({ id: m.orgId, name: m.orgName, role: m.role })),
		workshopRoles: { ...user.workshopRoles }
	};
}

/** A workshop as listed. */
export function workshopSummaryView(w: WorkshopSummary): WorkshopSummaryView {
	return {
		id: w.id,
		title: w.title,
		orgId: w.orgId,
		orgName: w.orgName,
		phase: w.phase,
		role: w.role,
		createdAt: iso(w.createdAt)
	};
}

/** A workshop with its format, members and documents. */
export function workshopDetailView(w: WorkshopDetail): WorkshopDetailView {
	return {
		...workshopSummaryView(w),
		format: w.format,
		members: w.members.map((m) => ({
			userId: m.userId,
			name: m.name,
			email: m.email,
			role: m.role
		})),
		documents: w.documents.map((d) => ({ id: d.id, kind: d.kind }))
	};
}

/** An invitation without its secret. */
export function invitationView(i: Invitation): InvitationView {
	return {
		id: i.id,
		workshopId: i.workshopId,
		email: i.email,
		role: i.role,
		status: i.status,
		createdAt: iso(i.createdAt),
		expiresAt: iso(i.expiresAt),
		acceptedAt: i.acceptedAt === null ? null : iso(i.acceptedAt),
		acceptedBy: i.acceptedBy && { userId: i.acceptedBy.id, name: i.acceptedBy.name }
	};
}

/** A new invitation with its token and link, shown once to its creator. */
export function createdInvitationView(i: CreatedInvitation): CreatedInvitationView {
	return { ...invitationView(i), token: i.token, url: i.url };
}

/** Which starter a template now holds. */
export function templateStartedView(started: TemplateStarted): TemplateStartedBody {
	return { documentId: started.documentId, starterId: started.starterId };
}

/** A published version as listed (publications API). */
export function publicationView(p: PublicationSummary): PublicationSummaryView {
	return {
		id: p.id,
		number: p.number,
		workshopId: p.workshopId,
		workshopTitle: p.workshopTitle,
		orgId: p.orgId,
		note: p.note,
		publishedBy: { id: p.publishedBy.id, name: p.publishedBy.name },
		publishedAt: iso(p.publishedAt),
		sha256: p.sha256,
		format: p.format,
		shapeVersions: { ...p.shapeVersions },
		isLatest: p.isLatest,
		isInOperation: p.isInOperation
	};
}

/** The changes between two versions, each said in the requester's language by `t`. */
export function publicationDiffView(diff: PublicationDiff, t: Translate): PublicationDiffView {
	return {
		from: publicationView(diff.from),
		to: publicationView(diff.to),
		changes: diff.changes.map((c) => ({
			kind: c.kind,
			subject: c.subject,
			message: sayChange(t, c),
			path: c.path,
			...(c.words ? { words: c.words } : {}),
			...(c.isFormattingOnly ? { isFormattingOnly: true } : {})
		}))
	};
}

/** A new draft opened from a version. */
export function openedDraftView(draft: OpenedDraft): OpenedDraftView {
	return {
		id: draft.id,
		fromPublication: publicationView(draft.fromPublication),
		documents: draft.documents.map((d) => ({ id: d.id, kind: d.kind })),
		phase: draft.phase
	};
}
