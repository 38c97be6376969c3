/**
 * What a drejebog holds when nobody has said otherwise: its title, STAR's three stages ("Før
 * praktik", "Under praktik", "Mod afslutningen"; seeds-digest §2 and §6), and the "CV og Min Plan"
 * rule the læringsbevis itself follows. Document content in Danish, not UI text.
 */
import { emptyRichText } from '../template/rich-text.ts';
import type { CvPlan, Drejebog, DrejebogStart } from './schemas.ts';

export const DEFAULT_DREJEBOG_TITLE = 'Drejebog for brug af læringsbeviset';

/** STAR's three columns, in order. */
export const DEFAULT_STAGE_LABELS: readonly string[] = [
	'Før praktik',
	'Under praktik',
	'Mod afslutningen'
];

/**
 * The rule the læringsbevis uses (laeringsbevis.ts): the agreed level at the last point, the upper
 * half of the scale is reached and becomes a CV phrase, the rest goes to Min Plan. No free-text
 * sections are named: which ones go where depends on the template (the starter names them).
 */
export function defaultCvPlan(): CvPlan {
	return {
		basis: { kind: 'agreed' },
		point: { kind: 'last' },
		cvThreshold: { kind: 'upperHalf' },
		minPlanThreshold: { kind: 'upperHalf' },
		minPlanIncludesNotRated: false,
		minPlanIncludesNextStep: true,
		cvSectionIds: [],
		minPlanSectionIds: []
	};
}

/** Ids of the default stages, stable so two documents started empty agree. */
export function defaultStageId(index: number): string {
	return `stage-${index + 1}`;
}

/**
 * A drejebog with only the three default stages and the default rules: what "start empty" writes.
 * `starterId` is null in the value read from a document that was never started.
 */
export function emptyDrejebog(starterId: DrejebogStart | null = 'empty'): Drejebog {
	return {
		title: DEFAULT_DREJEBOG_TITLE,
		starterId,
		introduction: emptyRichText(),
		stages: DEFAULT_STAGE_LABELS.map((label, index) => ({
			id: defaultStageId(index),
			label,
			steps: []
		})),
		cvPlan: defaultCvPlan(),
		reactions: []
	};
}
