/**
 * The statistics as the API, the page and the CSV give them (issue 14): the query, the figures
 * of `computeStatistics` with the version's labels, a notice when figures are hidden, and the
 * CSV for evaluation (the same figures, "< 5" where hidden).
 */
import { z } from 'zod';
import { csvCell } from '../rollout/completion.ts';
import { CASE_STAGES, type CaseStage } from '../cases/types.ts';
import { NEXT_STEP_KINDS, type NextStepKind } from '../template/case-data.ts';
import { NEXT_STEP_LABELS } from '../exports/labels.ts';
import type { Template } from '../template/schemas.ts';
import {
	TARGET_GROUPS,
	type Figure,
	type Statistics,
	type StatsShape,
	type TargetGroup
} from './statistics.ts';
import type { statisticsSchema } from './api-schemas.ts';

/** `?publication={id}&targetGroup=` (empty or missing target group: every young person). */
export const statisticsQuerySchema = z.object({
	publication: z.string().trim().min(1, { error: 'statistics.publicationRequired' }).max(64),
	targetGroup: z
		.enum(TARGET_GROUPS, { error: 'statistics.badTargetGroup' })
		.nullable()
		.default(null)
});
export type StatisticsQuery = z.infer<typeof statisticsQuerySchema>;

export type StatisticsView = z.infer<typeof statisticsSchema>;

/** What the statistics count over in `template`: its points, areas with their scales, kinds. */
export function statsShape(template: Template): StatsShape {
	return {
		points: template.measurementPoints.map((p) => ({ id: p.id, label: p.label })),
		areas: template.areas.map((a) => ({
			id: a.id,
			label: a.label,
			levels: a.scale.levels.map((l) => ({ id: l.id, label: l.label }))
		})),
		stages: CASE_STAGES,
		nextSteps: NEXT_STEP_KINDS
	};
}

/**
 * Why figures are hidden, as an i18n key, or null when all are shown: the group asked for has
 * fewer than five young people, or some figures are.
 */
export function statisticsNotice(stats: Statistics): string | null {
	if (stats.youngPeople === null) return 'statistics.notice.groupUnderFive';
	const figures: Figure[] = [
		...stats.casesByStage.map((s) => s.cases),
		...stats.progression.flatMap((p) => [p.youngPeople, p.movedUpShare]),
		...stats.levels.flatMap((l) => l.counts.map((c) => c.youngPeople)),
		...stats.nextSteps.map((n) => n.youngPeople)
	];
	return figures.includes(null) ? 'statistics.notice.someHidden' : null;
}

/** The figures with the version's labels (areas, points, levels). */
export function statisticsView(
	stats: Statistics,
	shape: StatsShape,
	meta: Pick<
		StatisticsView,
		'publicationId' | 'targetGroup' | 'workshopTitle' | 'versionNumber' | 'notice'
	>
): StatisticsView {
	const area = (id: string) => shape.areas.find((a) => a.id === id);
	return {
		...meta,
		minimum: stats.minimum,
		youngPeople: stats.youngPeople,
		points: shape.points.map((p) => ({ id: p.id, label: p.label })),
		casesByStage: stats.casesByStage,
		progression: stats.progression.map((p) => ({ ...p, label: area(p.areaId)?.label ?? '' })),
		levels: stats.levels.map((l) => ({
			...l,
			areaLabel: area(l.areaId)?.label ?? '',
			pointLabel: shape.points.find((p) => p.id === l.pointId)?.label ?? '',
			counts: l.counts.map((c) => ({
				...c,
				label: area(l.areaId)?.levels.find((x) => x.id === c.levelId)?.label ?? ''
			}))
		})),
		nextSteps: stats.nextSteps
	};
}

/** Danish words the CSV prints (the file is for the municipality's evaluators). */
const STAGE_LABELS: Record<CaseStage, string> = {
	before: 'Før praktik',
	during: 'Under praktik',
	ending: 'Mod afslutningen',
	closed: 'Afsluttet'
};
const GROUP_LABELS: Record<TargetGroup, string> = {
	uddannelsesparat: 'Uddannelsesparat',
	aktivitetsparat: 'Aktivitetsparat'
};

const HIDDEN = '< 5';

function shown(figure: Figure, asPercent = false): string | number {
	if (figure === null) return HIDDEN;
	return asPercent ? `${Math.round(figure * 100)} %` : figure;
}

/**
 * The statistics as CSV for a Danish spreadsheet (semicolons, CRLF, BOM): one row per figure,
 * section, what it counts, and the figure ("< 5" where hidden).
 */
export function statisticsCsv(view: StatisticsView): string {
	const lines: (string | number)[][] = [
		['Afsnit', 'Område', 'Målepunkt', 'Kategori', 'Tal'],
		['Version', view.workshopTitle, '', `Version ${view.versionNumber}`, ''],
		[
			'Målgruppe',
			'',
			'',
			view.targetGroup ? GROUP_LABELS[view.targetGroup as TargetGroup] : 'Alle',
			''
		],
		['Unge i alt', '', '', '', shown(view.youngPeople)],
		...view.casesByStage.map((s) => [
			'Forløb pr. fase',
			'',
			'',
			STAGE_LABELS[s.stage as CaseStage],
			shown(s.cases)
		]),
		...view.progression.flatMap((p) => [
			['Unge målt ved første og sidste målepunkt', p.label, '', '', shown(p.youngPeople)],
			[
				'Andel rykket mindst ét niveau',
				p.label,
				'',
				'',
				// A share of nobody is no figure.
				p.youngPeople === 0 ? '–' : shown(p.movedUpShare, true)
			]
		]),
		...view.levels.flatMap((l) =>
			l.counts.map((c) => ['Niveauer', l.areaLabel, l.pointLabel, c.label, shown(c.youngPeople)])
		),
		...view.nextSteps.map((n) => [
			'Næste skridt ved afslutning',
			'',
			'',
			NEXT_STEP_LABELS[n.kind as NextStepKind],
			shown(n.youngPeople)
		])
	];
	return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
