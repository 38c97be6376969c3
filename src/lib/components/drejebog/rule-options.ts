/**
 * The choices of the rule sections as select values, with their Danish labels: whose rating counts,
 * at which point, from which level, and the parts of a reaction rule. A value names a template
 * item by id; one the template no longer has is offered as "deleted" until someone changes it.
 */
import { t } from '#lib/i18n/index.svelte.ts';
import {
	MAX_LEVEL_POSITION,
	type LevelThreshold,
	type PointRef,
	type RatingBasis
} from '#lib/domain/drejebog/index.ts';
import type { Template } from '#lib/domain/template/schemas.ts';

export type Choice = { value: string; label: string };

export function encodeBasis(basis: RatingBasis): string {
	return basis.kind === 'agreed' ? 'agreed' : `rater:${basis.raterId}`;
}
export function decodeBasis(value: string): RatingBasis {
	return value === 'agreed' ? { kind: 'agreed' } : { kind: 'rater', raterId: value.slice(6) };
}
export function encodePoint(point: PointRef): string {
	return point.kind === 'last' ? 'last' : `point:${point.measurementPointId}`;
}
export function decodePoint(value: string): PointRef {
	return value === 'last'
		? { kind: 'last' }
		: { kind: 'point', measurementPointId: value.slice(6) };
}
export function encodeThreshold(threshold: LevelThreshold): string {
	return threshold.kind === 'upperHalf' ? 'upperHalf' : `position:${threshold.position}`;
}
export function decodeThreshold(value: string): LevelThreshold {
	return value === 'upperHalf'
		? { kind: 'upperHalf' }
		: { kind: 'position', position: Number(value.slice(9)) };
}

/** `choices` with the current value first when it is not among them (a deleted item). */
export function withCurrent(choices: Choice[], current: string): Choice[] {
	return choices.some((c) => c.value === current)
		? choices
		: [{ value: current, label: t('drejebog.link.gone') }, ...choices];
}

export function basisChoices(template: Template | null): Choice[] {
	return [
		{ value: 'agreed', label: t('drejebog.cvPlan.basisAgreed') },
		...(template?.raters ?? []).map((r) => ({
			value: `rater:${r.id}`,
			label: t('drejebog.cvPlan.basisRater', { rater: r.label })
		}))
	];
}

export function pointChoices(template: Template | null): Choice[] {
	const points = template?.measurementPoints ?? [];
	const last = points.at(-1);
	return [
		{
			value: 'last',
			label: last
				? t('drejebog.cvPlan.pointLastNamed', { point: last.label })
				: t('drejebog.cvPlan.pointLast')
		},
		...points.map((p) => ({ value: `point:${p.id}`, label: p.label }))
	];
}

export function thresholdChoices(template: Template | null): Choice[] {
	const longest = Math.max(2, ...(template?.areas ?? []).map((a) => a.scale.levels.length));
	const positions = Array.from({ length: Math.min(longest, MAX_LEVEL_POSITION) }, (_, i) => i + 1);
	return [
		{ value: 'upperHalf', label: t('drejebog.cvPlan.upperHalf') },
		...positions.map((n) => ({
			value: `position:${n}`,
			label: t('drejebog.cvPlan.position', { position: n })
		}))
	];
}

/** One sentence for a threshold, for the read-only view. */
export function describeThreshold(threshold: LevelThreshold): string {
	return threshold.kind === 'upperHalf'
		? t('drejebog.cvPlan.upperHalf')
		: t('drejebog.cvPlan.position', { position: threshold.position });
}

/** The label of a choice among `choices`, or "deleted". */
export function labelOf(choices: readonly Choice[], value: string): string {
	return choices.find((c) => c.value === value)?.label ?? t('drejebog.link.gone');
}
