/**
 * Words the rating plan, timing and goal controls share: a timing as the editor says it
 * ("Efter 4 uger"), and the cells of a row or a column of the plan.
 */
import { t } from '#lib/i18n/index.svelte.ts';
import type { PlanCell } from '#lib/domain/template/plan.ts';
import type { Template, Timing } from '#lib/domain/template/index.ts';

/** "Ved start", "Efter 4 uger", "Hver 2. uge", "Ved afslutningen", or null when not decided. */
export function timingText(timing: Timing | null): string | null {
	if (timing === null) return null;
	if (timing.kind === 'start' || timing.kind === 'end') return t(`template.timing.${timing.kind}`);
	return t(`template.timing.${timing.kind}`, { count: timing.weeks });
}

type Parts = Pick<Template, 'raters' | 'areas'>;

/** The cells of one area at one point: every rater (a row of the point's table). */
export function rowCells(template: Parts, measurementPointId: string, areaId: string): PlanCell[] {
	return template.raters.map((r) => ({ measurementPointId, raterId: r.id, areaId }));
}

/** The cells of one rater at one point: every area (a column of the point's table). */
export function columnCells(
	template: Parts,
	measurementPointId: string,
	raterId: string
): PlanCell[] {
	return template.areas.map((a) => ({ measurementPointId, raterId, areaId: a.id }));
}
