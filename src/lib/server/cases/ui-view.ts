/**
 * The case page's view (cases-ui): the case as the cases module returns it, beside the version's
 * template narrowed to the statements chosen for this internship, and the progressionsskema's data
 * drawn from them with the template's own `describeProgression`. Only reads through exported
 * functions (`getCaseWithCv`, `getPublication`); no SQL, no rules of its own.
 */
import type { CasePurpose } from '#lib/domain/privacy/purposes.ts';
import type { SessionUser } from '../accounts/accounts.ts';
import { getPublication } from '../publications/publications.ts';
import { getCaseWithCv } from './index.ts';
import type { CaseContext, CaseCv, CaseView } from '#lib/domain/cases/types.ts';
import {
	describeProgression,
	goalPoints,
	type Progression,
	type Template
} from '#lib/domain/template/index.ts';
import { effectiveScale } from '#lib/domain/template/schemas.ts';

/** Everything the case page shows. */
export type CasePage = {
	kase: CaseView;
	version: { number: number; workshopTitle: string; isInOperation: boolean };
	/** The version's template with only the chosen statements. */
	template: Template;
	progression: Progression;
	/** The points at which sub-goal statuses are recorded. */
	goalPointIds: string[];
	/** The CV phrases and Min Plan text, or null while the module cannot give them yet. */
	cv: CaseCv | null;
};

/**
 * Reads a case and its version for the case page, as `ctx` (with the purpose this session
 * stated and the request's audit: the log records the read). @throws NotFoundError like `getCase`.
 */
export function loadCasePage(
	user: SessionUser,
	ctx: CaseContext & { purpose: CasePurpose },
	caseId: string
): CasePage {
	// One read, one audit entry: the CV text comes with the case, not as an export of its own.
	const { kase, cv } = getCaseWithCv(ctx, caseId);
	const { summary, content } = getPublication(user, kase.publicationId);
	const chosen = new Set(kase.statementIds);
	const template: Template = {
		...content.template,
		areas: content.template.areas
			.map((area) => ({ ...area, statements: area.statements.filter((s) => chosen.has(s.id)) }))
			.filter((area) => area.statements.length > 0)
	};
	const progression = describeProgression(template, {
		ratings: kase.ratings.map((r) => ({
			statementId: r.statementId,
			measurementPointId: r.pointId,
			raterId: r.raterId,
			levelId: r.level,
			comment: r.comment
		})),
		agreedLevels: kase.agreedLevels.map((a) => ({ statementId: a.statementId, levelId: a.level })),
		hoursPerWeek: kase.pointProgress.map((p) => ({
			measurementPointId: p.pointId,
			hours: p.hours
		})),
		tasks: kase.pointProgress.map((p) => ({ measurementPointId: p.pointId, text: p.tasks })),
		subGoals: kase.subGoals,
		subGoalStatuses: kase.subGoalStatuses.map((s) => ({
			subGoalId: s.subGoalId,
			measurementPointId: s.pointId,
			statusId: s.statusId
		}))
	});
	return {
		kase,
		version: {
			number: summary.number,
			workshopTitle: summary.workshopTitle,
			isInOperation: summary.isInOperation
		},
		template,
		progression,
		goalPointIds: template.goals.isIncluded ? goalPoints(template).map((p) => p.id) : [],
		cv
	};
}

/** What a rater rates at a point in this case: the plan's statements, with their scales. */
export function ratingAreas(
	page: Pick<CasePage, 'kase' | 'template'>,
	pointId: string,
	raterId: string
) {
	const planned = new Set(
		page.kase.plan.find((p) => p.pointId === pointId && p.raterId === raterId)?.statementIds ?? []
	);
	return page.template.areas
		.map((area) => ({
			areaId: area.id,
			areaLabel: area.label,
			statements: area.statements
				.filter((s) => planned.has(s.id))
				.map((s) => ({
					statementId: s.id,
					text: s.text,
					levels: effectiveScale(area, s).levels.map((l) => ({ levelId: l.id, label: l.label }))
				}))
		}))
		.filter((area) => area.statements.length > 0);
}
