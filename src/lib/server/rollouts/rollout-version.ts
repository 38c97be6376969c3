/**
 * The published version a rollout shows, and its walkthrough. A version never changes (011's
 * triggers), so its parsed content and generated walkthrough are kept in memory by id: two
 * hundred followers asking for the same steps cost one parse.
 *
 * Reads the `publications` table of migration 011 directly, for the columns a rollout needs;
 * access is decided by the callers (rollouts.ts), which check the organisation with `can()`.
 */
import { getDb } from '../platform/db.ts';
import { NotFoundError } from '#lib/domain/errors.ts';
import { templateSchema, type Template } from '#lib/domain/template/schemas.ts';
import { drejebogSchema, type Drejebog } from '#lib/domain/drejebog/schemas.ts';
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

type Row = {
	id: string;
	workshop_id: string;
	org_id: string;
	number: number;
	note: string;
	content: string;
};

const MAX_CACHED = 32;
const cache = new Map<string, RolloutVersion>();

/**
 * The version with `id` and its walkthrough, without an access check.
 * @throws NotFoundError when there is no such version.
 */
export function loadVersion(id: string): RolloutVersion {
	const cached = cache.get(id);
	if (cached) return cached;
	const row = getDb()
		.prepare('SELECT id, workshop_id, org_id, number, note, content FROM publications WHERE id = ?')
		.get(id) as Row | undefined;
	if (!row) throw new NotFoundError('publication');
	const content = JSON.parse(row.content) as { template: unknown; drejebog: unknown };
	const template = templateSchema.parse(content.template);
	const drejebog = drejebogSchema.parse(content.drejebog);
	const meta = { number: row.number, note: row.note };
	const version: RolloutVersion = {
		id: row.id,
		workshopId: row.workshop_id,
		orgId: row.org_id,
		number: row.number,
		note: row.note,
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
