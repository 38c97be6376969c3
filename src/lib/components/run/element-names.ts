/**
 * What run mode's elements are called in the reader's language, for the template and the drejebog
 * alike: the kind of a commented element, the drejebog's sections (whose server-side label is the
 * section's key), a follow target's place, and a locked part. The template's words live where they
 * always did (`comment.kind`, `follow.section`, `locks.*`); the drejebog's under `runDays.*`.
 */
import { t } from '#lib/i18n/index.svelte.ts';
import { TEMPLATE_COMMENTABLE_KINDS, type CommentableKind } from '#lib/domain/comments.ts';
import { DREJEBOG_FOLLOW_SECTIONS, FOLLOW_SECTIONS } from '#lib/domain/follow.ts';
import { DREJEBOG_LOCK_KINDS, type LockKind, type LockTarget } from '#lib/domain/template/locks.ts';
import type { FollowTargetBody } from '#lib/domain/api-schemas.ts';

const isTemplateKind = (kind: CommentableKind) =>
	(TEMPLATE_COMMENTABLE_KINDS as readonly string[]).includes(kind);
const isDrejebogSection = (label: string) =>
	(DREJEBOG_FOLLOW_SECTIONS as readonly string[]).includes(label);

/** The kind of a commented element as a badge ("Område", "Trin"). */
export function commentKindName(kind: CommentableKind): string {
	return isTemplateKind(kind) ? t(`comment.kind.${kind}`) : t(`runDays.kind.${kind}`);
}

/** The kind of a commented element inside a sentence ("området", "trinnet"). */
export function commentKindInline(kind: CommentableKind): string {
	return isTemplateKind(kind)
		? t(`templateComments.kind.${kind}`)
		: t(`runDays.kindInline.${kind}`);
}

/**
 * What a commented element is called: its own text, or for the drejebog's two rule sections
 * (labelled by their kind on the server) their name.
 */
export function commentElementName(kind: CommentableKind, label: string): string {
	return kind === 'cvPlan' || kind === 'reactions' ? t(`runDays.section.${kind}`) : label;
}

/** What a follow target is called, in the reader's language. */
export function followTargetName(target: Pick<FollowTargetBody, 'kind' | 'label'>): string {
	if (target.kind === 'section') {
		if (isDrejebogSection(target.label)) return t(`runDays.section.${target.label}`);
		if ((FOLLOW_SECTIONS as readonly string[]).includes(target.label)) {
			return t(`follow.section.${target.label}`);
		}
		return target.label;
	}
	if (target.kind === 'scale') return t('follow.kind.scale', { label: target.label });
	return target.label;
}

/** True when a follow target is a place in the drejebog (not the template). */
export function isDrejebogTarget(target: Pick<FollowTargetBody, 'kind' | 'label'>): boolean {
	if (target.kind === 'stage' || target.kind === 'step') return true;
	return target.kind === 'section' && isDrejebogSection(target.label);
}

const isDrejebogLock = (kind: LockKind) =>
	(DREJEBOG_LOCK_KINDS as readonly string[]).includes(kind);

/**
 * The facilitator's lock button for a part of `kind`, saying what pressing it does: "Lås området"
 * while open, "Lås området op" while locked ("Lås fasen", "Lås fasen op").
 */
export function lockToggleName(kind: LockKind, isLocked: boolean): string {
	if (isDrejebogLock(kind)) {
		return isLocked ? t(`runDays.locks.unlock.${kind}`) : t(`runDays.locks.toggle.${kind}`);
	}
	return t(`templateLayout.lock.${isLocked ? 'unlock' : 'lock'}.${kind}`);
}

/** What the work group reads on a part of `kind` while it is locked. */
export function lockBadgeText(kind: LockKind): string {
	return isDrejebogLock(kind) ? t(`runDays.locks.badge.${kind}`) : t(`locks.badge.${kind}`);
}

/**
 * A locked part's name in the facilitator's overview; `labels` maps element ids to their text
 * (areas and statements, or stages).
 */
export function lockedPartName(lock: LockTarget, labels: ReadonlyMap<string, string>): string {
	if (lock.kind === 'template') return t('locks.templateLabel');
	if (lock.kind === 'cvPlan' || lock.kind === 'reactions') return t(`runDays.section.${lock.kind}`);
	const label = labels.get(lock.targetId) ?? t('room.locks.unknownPart');
	return lock.kind === 'scale' ? t('follow.kind.scale', { label }) : label;
}
