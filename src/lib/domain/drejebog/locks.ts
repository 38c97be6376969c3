/**
 * Locks on parts of a drejebog (issue 11): the facilitator marks a stage with its steps, "CV og
 * Min Plan" or "Hurtig reaktion" as agreed, and the work group may no longer change it. Like the
 * template's locks (`template/locks.ts`, which lists the kinds of both), this is the pure part:
 * what a locked part holds, and which locked parts differ between two readings of a drejebog.
 * The collaboration server runs `changedLockedDrejebogTargets` on the drejebog before and after a
 * group member's update and refuses the update when the list is not empty.
 */
import type { LockTarget } from '../template/locks.ts';
import type { Drejebog } from './schemas.ts';

/**
 * The locked content of `target` in `drejebog` as a comparable string, or null when the drejebog
 * has no such part. A stage means its label and its steps with their order and everything in
 * them, not its position among the stages (moving other stages around a locked one is allowed);
 * moving a step into or out of a locked stage changes it.
 */
export function lockedDrejebogContent(drejebog: Drejebog, target: LockTarget): string | null {
	switch (target.kind) {
		case 'stage': {
			const stage = drejebog.stages.find((s) => s.id === target.targetId);
			return stage ? JSON.stringify(stage) : null;
		}
		case 'cvPlan':
			return JSON.stringify(drejebog.cvPlan);
		case 'reactions':
			return JSON.stringify(drejebog.reactions);
		default:
			// A template's part: a drejebog has none.
			return null;
	}
}

/**
 * The locked targets whose content differs between `before` and `after` (a removed stage counts
 * as changed; a lock on a stage that exists in neither protects nothing).
 */
export function changedLockedDrejebogTargets(
	before: Drejebog,
	after: Drejebog,
	locks: readonly LockTarget[]
): LockTarget[] {
	return locks.filter(
		(lock) => lockedDrejebogContent(before, lock) !== lockedDrejebogContent(after, lock)
	);
}
