/**
 * The list for the next version: the facilitator collects a session's questions and suggestions
 * (`rollout_feedback.collected_at`), and the version library shows, per workshop line, what was
 * collected since its newest version was published. Publishing a newer version is what "uses" the
 * list, so nothing has to be ticked off: items collected before it drop out by themselves.
 */
import { getDb } from '../platform/db.ts';
import { can, type Actor } from '#lib/domain/permissions.ts';
import type { Phase } from '#lib/domain/workshop.ts';
import { loadRollout, requireFacilitator } from './rollout-access.ts';
import { publishRolloutChange } from './rollout-events.ts';

/**
 * Takes the session's questions and suggestions not collected yet into the list for the next
 * version (the facilitator; also after closing, when the questions are often read through).
 * @returns how many were collected now.
 * @throws NotFoundError outside the municipality; ForbiddenError for anyone but the facilitator.
 */
export function collectFeedback(actor: Actor, rolloutId: string): number {
	const rollout = loadRollout(actor, rolloutId);
	requireFacilitator(actor, rollout);
	const { changes } = getDb()
		.prepare(
			'UPDATE rollout_feedback SET collected_at = ? WHERE rollout_id = ? AND collected_at IS NULL'
		)
		.run(Date.now(), rolloutId);
	if (changes > 0) publishRolloutChange(rolloutId, 'feedback');
	return Number(changes);
}

/** One collected question or suggestion, with the version it was asked about. */
export type NextVersionItem = {
	id: string;
	kind: 'question' | 'suggestion';
	text: string;
	versionNumber: number;
	collectedAt: number;
};

/** A workshop line's list for its next version. */
export type NextVersionList = { workshopId: string; title: string; items: NextVersionItem[] };

type Row = {
	id: string;
	kind: 'question' | 'suggestion';
	text: string;
	collected_at: number;
	number: number;
	workshop_id: string;
	title: string;
	phase: Phase;
};

/**
 * The lists for the next version of the organisation's workshop lines that `actor` runs (the
 * facilitator revises the version): items collected after the line's newest version was
 * published, oldest first. Lines with nothing collected are left out.
 */
export function nextVersionLists(actor: Actor, orgId: string): NextVersionList[] {
	const rows = getDb()
		.prepare(
			`SELECT f.id, f.kind, f.text, f.collected_at, p.number, w.id AS workshop_id, w.title, w.phase
			 FROM rollout_feedback f
			 JOIN publications p ON p.id = f.publication_id
			 JOIN workshops w ON w.id = p.workshop_id
			 WHERE p.org_id = ? AND f.collected_at IS NOT NULL
			   AND f.collected_at > (SELECT MAX(n.published_at) FROM publications n WHERE n.workshop_id = w.id)
			 ORDER BY w.title, w.id, f.created_at, f.id`
		)
		.all(orgId) as Row[];
	const lists = new Map<string, NextVersionList>();
	for (const row of rows) {
		const resource = { type: 'workshop', id: row.workshop_id, orgId, phase: row.phase } as const;
		if (!can(actor, 'run', resource)) continue;
		let list = lists.get(row.workshop_id);
		if (!list) {
			list = { workshopId: row.workshop_id, title: row.title, items: [] };
			lists.set(row.workshop_id, list);
		}
		list.items.push({
			id: row.id,
			kind: row.kind,
			text: row.text,
			versionNumber: row.number,
			collectedAt: row.collected_at
		});
	}
	return [...lists.values()];
}
