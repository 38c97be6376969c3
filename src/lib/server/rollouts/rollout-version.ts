/**
 * The published version a rollout shows, and its walkthrough. A version never changes (011's
 * triggers), so its content and generated walkthrough are kept in memory by id once
 * `getPublication` has loaded it for someone allowed to read it: two hundred followers asking for
 * the same steps cost one parse. The access check is `getPublication`'s on the first load and the
 * caller's (`loadRollout`: the same organisation) afterwards.
 */
import { getPublication } from '../publications/publications.ts';
import type { Actor } from '#lib/domain/permissions.ts';
import type { Template } from '#lib/domain/template/schemas.ts';
import type { Drejebog } from '#lib/domain/drejebog/schemas.ts';
import {
	applySettings,
	generateWalkthrough,
	type Walkthrough,
	type WalkthroughSettings
} from '#lib/domain/rollout/index.ts';

/** What a rollout needs of a version. */
export type RolloutVersion = {
	id: string;
	workshopId: string;
	orgId: string;
	number: number;
	note: string;
	template: Template;
	drejebog: Drejebog;
	/** The generated walkthrough, before the facilitator's settings. */
	walkthrough: Walkthrough;
};

const MAX_CACHED = 32;
const cache = new Map<string, RolloutVersion>();

/**
 * The version with `id` and its walkthrough, for `actor` (everyone in its municipality).
 * @throws NotFoundError when there is no such version, or it is another municipality's.
 */
export function loadVersion(actor: Actor, id: string): RolloutVersion {
	const cached = cache.get(id);
	if (cached && actor.orgRoles[cached.orgId]) return cached;
	const { summary, content } = getPublication(actor, id);
	const { template, drejebog } = content;
	const meta = { number: summary.number, note: summary.note };
	const version: RolloutVersion = {
		id: summary.id,
		workshopId: summary.workshopId,
		orgId: summary.orgId,
		number: summary.number,
		note: summary.note,
		template,
		drejebog,
		walkthrough: generateWalkthrough({ template, drejebog, meta })
	};
	if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
	cache.set(id, version);
	return version;
}

/** The walkthrough of `version` with a session's settings. */
export function walkthroughWith(
	version: RolloutVersion,
	settings: WalkthroughSettings
): Walkthrough {
	if (settings.slides.length === 0 && Object.keys(settings.learningGoals).length === 0) {
		return version.walkthrough;
	}
	return applySettings(version.walkthrough, settings);
}
