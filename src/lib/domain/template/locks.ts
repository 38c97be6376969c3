/**
 * Locks on parts of a template (issue 5): the facilitator marks an area, a scale or the whole
 * template as agreed, and the work group may no longer change it. This module is the pure part:
 * what a lock names, and which locked parts differ between two readings of a template. The
 * collaboration server runs `changedLockedTargets` on the template before and after a group
 * member's update and refuses the update when the list is not empty. The drejebog's parts are
 * locked the same way (`drejebog/locks.ts`); the kinds of both documents are listed here, since
 * they share one table, one API and one client.
 */
import { z } from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import type { Template } from './schemas.ts';
import type { DocumentKind } from '../workshop.ts';

/**
 * What can be locked in a template: the whole template, one competence area, one scale, the
 * rating plan (who rates what when), or the goal part (goal, sub-goals, followed points, status
 * scale).
 */
export const TEMPLATE_LOCK_KINDS = ['template', 'area', 'scale', 'ratingPlan', 'goals'] as const;
/**
 * What can be locked in a drejebog: one stage with its steps, "CV og Min Plan", or "Hurtig
 * reaktion".
 */
export const DREJEBOG_LOCK_KINDS = ['stage', 'cvPlan', 'reactions'] as const;
export const LOCK_KINDS = [...TEMPLATE_LOCK_KINDS, ...DREJEBOG_LOCK_KINDS] as const;
export type LockKind = (typeof LOCK_KINDS)[number];

/** The kinds whose target is the document itself (there is one of each per document). */
export const DOCUMENT_LOCK_KINDS: readonly LockKind[] = [
	'template',
	'ratingPlan',
	'goals',
	'cvPlan',
	'reactions'
];

/** The lock kinds a document of `kind` has. */
export function lockKindsOf(kind: DocumentKind): readonly LockKind[] {
	return kind === 'template' ? TEMPLATE_LOCK_KINDS : DREJEBOG_LOCK_KINDS;
}

/**
 * One locked part. `targetId` is the document id for `template`, `ratingPlan`, `goals`, `cvPlan`
 * and `reactions`, the area id for `area`, the id of the scale's owner (an area, or a statement
 * with its own scale) for `scale`, and the stage id for `stage`.
 */
export type LockTarget = { kind: LockKind; targetId: string };

export const lockKindSchema = lazySchema(() =>
	z.enum(LOCK_KINDS, { error: 'locks.error.unknownKind' })
);
export const lockTargetIdSchema = lazySchema(() =>
	z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'locks.error.unknownTarget' })
);
/** The path parameters of `PUT|DELETE .../locks/{kind}/{targetId}`. */
export const lockTargetSchema = lazySchema(() =>
	z.object({ kind: lockKindSchema, targetId: lockTargetIdSchema })
);

/** A stable key for a lock target (maps, sets, element ids). */
export function lockKey(target: LockTarget): string {
	return `${target.kind}:${target.targetId}`;
}

/**
 * The locked content of `target` in `template` as a comparable string, or null when the template
 * has no such part. An area's position among the areas is not part of it (moving other areas
 * around a locked one is allowed); its label, category, scale and statements (with their order,
 * texts and CV phrases) are.
 */
export function lockedContent(template: Template, target: LockTarget): string | null {
	switch (target.kind) {
		case 'template':
			return JSON.stringify(template);
		case 'ratingPlan':
			// The decided cells that name current items (cells of a removed rater are gone too).
			return JSON.stringify(template.ratingPlan);
		case 'goals':
			return JSON.stringify(template.goals);
		case 'area': {
			const area = template.areas.find((a) => a.id === target.targetId);
			return area ? JSON.stringify(area) : null;
		}
		case 'scale': {
			for (const area of template.areas) {
				if (area.id === target.targetId) return JSON.stringify(area.scale);
				const statement = area.statements.find((s) => s.id === target.targetId);
				// A statement without a scale of its own: giving it one changes the locked part too.
				if (statement) return JSON.stringify(statement.scale);
			}
			return null;
		}
		default:
			// A drejebog's part: a template has none.
			return null;
	}
}

/**
 * The locked targets whose content differs between `before` and `after` (removed and re-created
 * parts count as changed; a lock on a part that exists in neither protects nothing).
 */
export function changedLockedTargets(
	before: Template,
	after: Template,
	locks: readonly LockTarget[]
): LockTarget[] {
	return locks.filter((lock) => lockedContent(before, lock) !== lockedContent(after, lock));
}

/** True when `part` is covered by `locks`: locked itself, inside a locked area, or the template. */
export function isPartLocked(
	locks: readonly LockTarget[],
	part: LockTarget,
	template?: Pick<Template, 'areas'>
): boolean {
	return locks.some((lock) => {
		if (lock.kind === 'template') return true;
		if (lock.kind === part.kind && lock.targetId === part.targetId) return true;
		// An area lock covers the area's own scale and the scales of its statements.
		if (lock.kind !== 'area' || part.kind !== 'scale') return false;
		if (part.targetId === lock.targetId) return true;
		const area = template?.areas.find((a) => a.id === lock.targetId);
		return area?.statements.some((s) => s.id === part.targetId) ?? false;
	});
}

/** The answer of the locks API (`GET|PUT|DELETE .../documents/{docId}/locks…`). */
export const locksResponseSchema = lazySchema(() =>
	z.object({
		locks: z.array(
			z.object({
				kind: z.enum(LOCK_KINDS),
				targetId: z.string(),
				/** Null when the facilitator's account has since been deleted. */
				lockedByName: z.string().nullable(),
				lockedAt: z.iso.datetime()
			})
		),
		/** True for the facilitator, who may lock and unlock. */
		canChange: z.boolean()
	})
);
export type LocksResponse = z.infer<typeof locksResponseSchema>;
