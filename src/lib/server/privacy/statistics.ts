/**
 * The team lead's progression statistics of one version (issue 14): the version is read through
 * the publications module (another municipality's is "not found"), its cases through the cases
 * module (which asks `read-statistics`), and the figures come from the one pure rule,
 * `computeStatistics`, which hides every figure of fewer than five young people.
 */
import { getPublication } from '../publications/publications.ts';
import { statisticsCases } from '../cases/index.ts';
import type { Actor } from '#lib/domain/permissions.ts';
import { danishDate } from '#lib/domain/rollout/completion.ts';
import { computeStatistics } from '#lib/domain/privacy/statistics.ts';
import {
	statisticsNotice,
	statisticsView,
	statsShape,
	type StatisticsQuery,
	type StatisticsView
} from '#lib/domain/privacy/statistics-view.ts';

/**
 * The statistics of `query.publication`, narrowed to `query.targetGroup` when given; `notice` is
 * an i18n key (the caller translates it) or null.
 * @throws NotFoundError for an unknown version or another municipality's; ForbiddenError for a
 * person of the municipality who may not read its statistics.
 */
export function versionStatistics(
	actor: Actor,
	query: StatisticsQuery,
	now = Date.now()
): StatisticsView {
	const { summary, content } = getPublication(actor, query.publication);
	const cases = statisticsCases(
		actor,
		summary.orgId,
		summary.id,
		content.template,
		danishDate(now)
	);
	const shape = statsShape(content.template);
	const stats = computeStatistics(cases, shape, query.targetGroup);
	return statisticsView(stats, shape, {
		publicationId: summary.id,
		workshopTitle: summary.workshopTitle,
		versionNumber: summary.number,
		targetGroup: query.targetGroup,
		notice: statisticsNotice(stats)
	});
}
