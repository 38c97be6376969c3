/**
 * Building what staff see of a case from its rows and its version: the summary of "Mine forløb"
 * (stage, due this week, needs attention) and the whole case view. Internal to the cases module.
 */
import { danishDate } from '#lib/domain/rollout/completion.ts';
import {
	disagreements,
	needsAttention,
	progressionSeries,
	type RatingFact
} from '#lib/domain/cases/analysis.ts';
import { casePlan, type CasePlanCell } from '#lib/domain/cases/plan.ts';
import { caseStage, dueThisWeek, pointDates } from '#lib/domain/cases/schedule.ts';
import type { CaseSummary, CaseView } from '#lib/domain/cases/types.ts';
import type { StoredCase } from '#lib/domain/cases/case-data.ts';
import { can, type Actor } from '#lib/domain/permissions.ts';
import type { PublicationContent } from '#lib/domain/publications/content.ts';
import type { CaseRow, StaffRow } from './case-rows.ts';

/** Whether every planned rating at `pointId` has been given (a level or "ikke vurderet"). */
function completeAt(plan: readonly CasePlanCell[], ratings: readonly RatingFact[]) {
	const given = new Set(ratings.map((r) => `${r.pointId}\u0000${r.raterId}\u0000${r.statementId}`));
	return (pointId: string) =>
		plan
			.filter((c) => c.pointId === pointId)
			.every((c) =>
				c.statementIds.every((s) => given.has(`${pointId}\u0000${c.raterId}\u0000${s}`))
			);
}

/**
 * What a summary needs of an open case to say what is due and what needs attention: its plan
 * (`casePlan` of its chosen statements) and its ratings. A closed case has nothing due and needs
 * no attention, so "Mine forløb" passes null for it and neither reads nor plans anything.
 */
export type OpenCaseFacts = { plan: readonly CasePlanCell[]; ratings: readonly RatingFact[] };

/**
 * The summary of one case for `actor` on `today` (`danishDate(now)`, computed once by a caller
 * that summarises many cases). `open` is required for an open case and ignored for a closed one.
 */
export function caseSummary(
	actor: Actor,
	row: CaseRow,
	staff: readonly StaffRow[],
	content: PublicationContent,
	today: string,
	open: OpenCaseFacts | null
): CaseSummary {
	const { template, drejebog } = content;
	const period = { start: row.start_date, end: row.end_date, closedAt: row.closed_at };
	let due: CaseSummary['dueThisWeek'] = [];
	let attention: CaseSummary['needsAttention'] = [];
	if (row.closed_at === null) {
		if (!open) throw new Error(`caseSummary: the open case ${row.id} needs its plan and ratings`);
		const dates = new Map(
			template.measurementPoints.map((p) => [p.id, pointDates(p, row.start_date, row.end_date)])
		);
		due = dueThisWeek(
			template.measurementPoints,
			period,
			today,
			completeAt(open.plan, open.ratings)
		);
		attention = needsAttention(drejebog.reactions, template, open.plan, open.ratings, dates, today);
	}
	return {
		id: row.id,
		youngPerson: { id: row.young_person_id, firstName: row.first_name, lastName: row.last_name },
		company: row.company,
		start: row.start_date,
		end: row.end_date,
		targetGroup: row.target_group,
		stage: caseStage(period, today),
		publicationId: row.publication_id,
		versionNumber: row.version_number,
		workshopTitle: row.workshop_title,
		closedAt: row.closed_at,
		dueThisWeek: due,
		needsAttention: attention,
		myRole: staff.find((s) => s.userId === actor.id)?.role ?? null
	};
}

/** The whole case as `actor` sees it. */
export function caseView(
	actor: Actor,
	row: CaseRow,
	staff: StaffRow[],
	content: PublicationContent,
	stored: StoredCase,
	extra: {
		ratings: CaseView['ratings'];
		signatures: CaseView['signatures'];
		links: CaseView['links'];
	},
	now: number
): CaseView {
	const plan = casePlan(content.template, stored.statementIds);
	const summary = caseSummary(actor, row, staff, content, danishDate(now), {
		plan,
		ratings: stored.ratings
	});
	const resource = { type: 'case', id: row.id, orgId: row.org_id, staff } as const;
	return {
		...summary,
		plan,
		orgId: row.org_id,
		mentorName: row.mentor_name,
		hoursAtStart: row.hours_at_start,
		previousCaseId: row.previous_case_id,
		staff,
		statementIds: stored.statementIds,
		goal: { text: stored.goal, agreedOn: stored.goalAgreedOn },
		subGoals: stored.subGoals,
		subGoalStatuses: stored.subGoalStatuses,
		ratings: extra.ratings,
		agreedLevels: stored.agreedLevels,
		pointProgress: stored.pointProgress,
		ownWords: stored.ownWords,
		nextStep: stored.nextStep,
		signatures: extra.signatures,
		links: extra.links,
		disagreements: disagreements(content.template, stored.ratings),
		progression: progressionSeries(content.template, plan, stored.ratings),
		may: {
			write: can(actor, 'write', resource) && row.closed_at === null,
			manageLinks: can(actor, 'manage-links', resource) && row.closed_at === null,
			close: can(actor, 'close', resource) && row.closed_at === null,
			delete: can(actor, 'delete', resource)
		}
	};
}
