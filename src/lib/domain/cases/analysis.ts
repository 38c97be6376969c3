/**
 * What a case's ratings say: where raters disagree (for the agreed level), the progression chart's
 * series (per area, per rater, over the points), and which of the drejebog's "hurtig reaktion"
 * rules the case meets.
 */
import type { Reaction } from '../drejebog/rule-schemas.ts';
import type { Template } from '../template/schemas.ts';
import { statementIndex, type CasePlanCell } from './plan.ts';
import type { Attention, Disagreement, ProgressionSeries } from './types.ts';

/** A stored rating as the rules read it. */
export type RatingFact = {
	pointId: string;
	raterId: string;
	statementId: string;
	level: string | null;
};

/** The 1-based position of `level` on the statement's scale, or null (unknown, "ikke vurderet"). */
function positionOf(
	index: ReturnType<typeof statementIndex>,
	statementId: string,
	level: string | null
): number | null {
	if (level === null) return null;
	const at = index.get(statementId)?.levels.findIndex((l) => l.id === level) ?? -1;
	return at < 0 ? null : at + 1;
}

/**
 * Every point and statement where two or more raters gave different levels ("ikke vurderet" is
 * not a level), in template order of points and statements.
 */
export function disagreements(template: Template, ratings: readonly RatingFact[]): Disagreement[] {
	const index = statementIndex(template);
	const result: Disagreement[] = [];
	for (const point of template.measurementPoints) {
		for (const statementId of index.keys()) {
			const levels = ratings
				.filter((r) => r.pointId === point.id && r.statementId === statementId)
				.flatMap((r) => {
					const position = positionOf(index, statementId, r.level);
					return position === null || r.level === null
						? []
						: [{ raterId: r.raterId, level: r.level, position }];
				});
			if (new Set(levels.map((l) => l.level)).size < 2) continue;
			const positions = levels.map((l) => l.position);
			result.push({
				pointId: point.id,
				statementId,
				levels,
				spread: Math.max(...positions) - Math.min(...positions)
			});
		}
	}
	return result;
}

/**
 * The progression chart's data: for every area and rater with at least one planned statement,
 * the mean position of the area's rated statements at each point (null where nothing is rated).
 */
export function progressionSeries(
	template: Template,
	plan: readonly CasePlanCell[],
	ratings: readonly RatingFact[]
): ProgressionSeries[] {
	const index = statementIndex(template);
	const planned = new Set(plan.flatMap((c) => c.statementIds.map((s) => `${c.raterId}\u0000${s}`)));
	const series: ProgressionSeries[] = [];
	for (const area of template.areas) {
		const statementIds = new Set(area.statements.map((s) => s.id));
		for (const rater of template.raters) {
			if (![...statementIds].some((s) => planned.has(`${rater.id}\u0000${s}`))) continue;
			const points = template.measurementPoints.map((point) => {
				const positions = ratings
					.filter(
						(r) =>
							r.pointId === point.id && r.raterId === rater.id && statementIds.has(r.statementId)
					)
					.map((r) => positionOf(index, r.statementId, r.level))
					.filter((p): p is number => p !== null);
				const sum = positions.reduce((a, b) => a + b, 0);
				return {
					pointId: point.id,
					value: positions.length === 0 ? null : Math.round((sum / positions.length) * 100) / 100,
					count: positions.length
				};
			});
			series.push({ areaId: area.id, raterId: rater.id, points });
		}
	}
	return series;
}

/**
 * True when nothing moved up from `fromPointId` to `toPointId`: among the ratings of the same
 * rater and statement at both points (levels, not "ikke vurderet"), none is higher at the later
 * point. Undecided (false) while no such pair exists.
 */
function hasNoProgress(
	template: Template,
	ratings: readonly RatingFact[],
	fromPointId: string,
	toPointId: string
): boolean {
	const index = statementIndex(template);
	let pairs = 0;
	for (const later of ratings) {
		if (later.pointId !== toPointId) continue;
		const earlier = ratings.find(
			(r) =>
				r.pointId === fromPointId &&
				r.raterId === later.raterId &&
				r.statementId === later.statementId
		);
		const before = earlier && positionOf(index, earlier.statementId, earlier.level);
		const after = positionOf(index, later.statementId, later.level);
		if (before == null || after === null) continue;
		pairs++;
		if (after > before) return false;
	}
	return pairs > 0;
}

/**
 * The "hurtig reaktion" rules the case meets on `today`: no progress between two points, or a
 * planned rating (of one rater, or anyone's) still missing `days` days after its point's date.
 * A rule in the group's own words cannot be checked and is never reported.
 */
export function needsAttention(
	reactions: readonly Reaction[],
	template: Template,
	plan: readonly CasePlanCell[],
	ratings: readonly RatingFact[],
	pointDates: ReadonlyMap<string, readonly string[]>,
	today: string
): Attention[] {
	const given = new Set(ratings.map((r) => `${r.pointId}\u0000${r.raterId}\u0000${r.statementId}`));
	const missingBy = (raterId: string | null, pointId: string): boolean =>
		plan.some(
			(c) =>
				c.pointId === pointId &&
				(raterId === null || c.raterId === raterId) &&
				c.statementIds.some((s) => !given.has(`${pointId}\u0000${c.raterId}\u0000${s}`))
		);
	const result: Attention[] = [];
	for (const reaction of reactions) {
		const condition = reaction.condition;
		let isMet = false;
		if (condition.kind === 'noProgress') {
			isMet = hasNoProgress(template, ratings, condition.fromPointId, condition.toPointId);
		} else if (condition.kind === 'missedRating') {
			isMet = template.measurementPoints.some((point) => {
				const first = pointDates.get(point.id)?.[0];
				if (first === undefined) return false;
				const limit = new Date(Date.parse(`${first}T00:00:00Z`) + condition.days * 86_400_000)
					.toISOString()
					.slice(0, 10);
				return today > limit && missingBy(condition.raterId, point.id);
			});
		}
		if (isMet) {
			result.push({
				reactionId: reaction.id,
				kind: condition.kind as Attention['kind'],
				action: reaction.action
			});
		}
	}
	return result;
}
