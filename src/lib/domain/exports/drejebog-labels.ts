/**
 * The words the drejebog part of a version's export prints around the drejebog's content, and
 * how it words a step's roles, timing, link and product and the two rule sections. Danish
 * document content like `labels.ts` (the drejebog editor's i18n keys say the same in the app),
 * with every part of the template named by its current label, so a renamed part prints renamed.
 */
import type {
	CvPlan,
	LevelThreshold,
	Link,
	Product,
	ReactionCondition,
	StandardRole,
	When,
	Who
} from '../drejebog/schemas.ts';
import { thresholdIndex } from '../drejebog/cv-plan.ts';
import type { Template } from '../template/schemas.ts';
import { inSentence } from '../text.ts';
import { timingPhrase } from './labels.ts';

export const DREJEBOG_LABELS = {
	drejebog: 'Drejebog',
	intro:
		'Drejebogen siger, hvad der sker før, under og mod slutningen af praktikken: hvem gør hvad, hvornår, og med hvilken del af læringsbeviset.',
	noSteps: 'Der er ingen trin i denne fase.',
	who: 'Hvem',
	when: 'Hvornår',
	link: 'Del af læringsbeviset',
	produces: 'Giver',
	checklist: 'Tjekliste',
	checklistItem: 'Punkt',
	done: 'Gjort',
	cvPlan: 'CV og Min Plan',
	cvPlanIntro:
		'Når praktikken slutter, bliver de udsagn, den unge har nået, til sætninger i CV’et. Det, der ikke er nået endnu, kommer i Min Plan under »det vil jeg arbejde videre med«.',
	basis: 'Hvis vurdering tæller',
	point: 'Ved hvilket målepunkt',
	cvThreshold: 'Kommer i CV’et fra',
	minPlanThreshold: 'Kommer i Min Plan, når niveauet er under',
	notRated: 'Udsagn, der ikke er vurderet',
	nextStep: 'Næste skridt',
	toMinPlan: 'Kommer i Min Plan',
	notToMinPlan: 'Kommer ikke i Min Plan',
	cvSections: 'Den unges egne ord, der kommer i CV’et',
	minPlanSections: 'Den unges egne ord, der kommer i Min Plan',
	none: 'Ingen',
	reactions: 'Hurtig reaktion',
	reactionsIntro: 'Hvornår skal nogen reagere på et forløb, og hvad gør I så?',
	noReactions: 'Der er ingen regler for hurtig reaktion.',
	condition: 'Når',
	action: 'Det gør vi',
	noAction: 'Ikke aftalt endnu',
	gone: 'En del, der er slettet fra læringsbeviset'
} as const;

export const ROLE_LABELS: Record<StandardRole, string> = {
	youngPerson: 'Den unge',
	company: 'Virksomheden / virksomhedsmentor',
	jobConsultant: 'Jobkonsulenten',
	caseworker: 'Sagsbehandleren',
	uuCounsellor: 'UU-vejleder',
	mentor: 'Mentor'
};

export const PRODUCT_LABELS: Record<Product, string> = {
	none: 'Intet',
	cv: 'CV',
	minPlan: 'Min Plan',
	competenceCard: 'Kompetencekort',
	laeringsbevisPdf: 'Læringsbevis (PDF)'
};

/** Who does a step, standard roles first, as one line; "" when nobody is named. */
export function whoPhrase(who: Who): string {
	return [...who.roles.map((role) => ROLE_LABELS[role]), ...who.customRoles.map((r) => r.label)]
		.map((label) => label.trim())
		.filter((label) => label !== '')
		.join(', ');
}

function weeks(count: number): string {
	return count === 1 ? '1 uge' : `${count} uger`;
}

function relative(offsetWeeks: number, moment: string): string {
	if (offsetWeeks === 0) return `Ved ${moment}`;
	return `${weeks(Math.abs(offsetWeeks))} ${offsetWeeks < 0 ? 'før' : 'efter'} ${moment}`;
}

/**
 * When a step happens ("2 uger før start", "Ved midtvejs (efter 4 uger)"), a measurement point
 * by its current name and, when decided, its own timing.
 */
export function whenPhrase(when: When, template: Template): string {
	switch (when.kind) {
		case 'start':
			return relative(when.offsetWeeks, 'start');
		case 'end':
			return relative(when.offsetWeeks, 'slut');
		case 'free':
			return when.text;
		case 'point': {
			const point = template.measurementPoints.find((p) => p.id === when.measurementPointId);
			if (!point) return relative(when.offsetWeeks, inSentence(DREJEBOG_LABELS.gone));
			const timing = timingPhrase(point.timing);
			const at = relative(when.offsetWeeks, inSentence(point.label));
			return timing ? `${at} (${timing})` : at;
		}
	}
}

/** The part of the læringsbevis a link names, by the part's current name. */
export function linkPhrase(link: Link, template: Template): string {
	const labelOf = (items: readonly { id: string; label: string }[], id: string) =>
		items.find((item) => item.id === id)?.label ?? DREJEBOG_LABELS.gone;
	switch (link.kind) {
		case 'goals':
			return template.goals.label;
		case 'measurementPoint':
			return `Målepunkt: ${labelOf(template.measurementPoints, link.id)}`;
		case 'area':
			return `Kompetenceområde: ${labelOf(template.areas, link.id)}`;
		case 'freeTextSection':
			return `Egne ord: ${labelOf(template.freeTextSections, link.id)}`;
	}
}

/** The point the rule reads its ratings at, by its current name. */
function cvPlanPoint(plan: CvPlan, template: Template): string {
	if (plan.point.kind === 'last') {
		const last = template.measurementPoints.at(-1);
		return last ? `Det sidste målepunkt (nu ${last.label})` : 'Det sidste målepunkt';
	}
	const { measurementPointId } = plan.point;
	return (
		template.measurementPoints.find((p) => p.id === measurementPointId)?.label ??
		DREJEBOG_LABELS.gone
	);
}

/**
 * A threshold in words, with the level it names when every area's scale agrees on it ("Den
 * øverste halvdel af skalaen: fra »Kan selv«").
 */
function thresholdPhrase(threshold: LevelThreshold, template: Template): string {
	const words =
		threshold.kind === 'upperHalf'
			? 'Den øverste halvdel af skalaen'
			: `Niveau ${threshold.position} på skalaen`;
	const named = new Set(
		template.areas.map(
			(area) => area.scale.levels[thresholdIndex(threshold, area.scale.levels.length)]?.label
		)
	);
	const [label] = named;
	return named.size === 1 && label ? `${words}: fra »${label}«` : words;
}

function sectionLabels(ids: readonly string[], template: Template): string {
	const labels = template.freeTextSections.filter((s) => ids.includes(s.id)).map((s) => s.label);
	return labels.length > 0 ? labels.join(', ') : DREJEBOG_LABELS.none;
}

/** Danish genitive: "Virksomhedens", but "Mads’" after s, x or z. */
function possessive(label: string): string {
	return /[sxz]$/i.test(label) ? `${label}’` : `${label}s`;
}

/** The "CV og Min Plan" rule as label–value pairs, the template's parts by their current names. */
export function cvPlanFields(plan: CvPlan, template: Template): { label: string; value: string }[] {
	const L = DREJEBOG_LABELS;
	const raterId = plan.basis.kind === 'rater' ? plan.basis.raterId : null;
	const rater = template.raters.find((r) => r.id === raterId)?.label ?? L.gone;
	return [
		{
			label: L.basis,
			value: raterId === null ? 'Det niveau, I aftaler sammen' : `${possessive(rater)} vurdering`
		},
		{ label: L.point, value: cvPlanPoint(plan, template) },
		{ label: L.cvThreshold, value: thresholdPhrase(plan.cvThreshold, template) },
		{ label: L.minPlanThreshold, value: thresholdPhrase(plan.minPlanThreshold, template) },
		{ label: L.notRated, value: plan.minPlanIncludesNotRated ? L.toMinPlan : L.notToMinPlan },
		{ label: L.nextStep, value: plan.minPlanIncludesNextStep ? L.toMinPlan : L.notToMinPlan },
		{ label: L.cvSections, value: sectionLabels(plan.cvSectionIds, template) },
		{ label: L.minPlanSections, value: sectionLabels(plan.minPlanSectionIds, template) }
	];
}

/** When a "Hurtig reaktion" rule fires, in words, points and raters by their current names. */
export function conditionPhrase(condition: ReactionCondition, template: Template): string {
	const pointLabel = (id: string) =>
		template.measurementPoints.find((p) => p.id === id)?.label ?? DREJEBOG_LABELS.gone;
	switch (condition.kind) {
		case 'noProgress':
			return `Ingen fremgang fra ${pointLabel(condition.fromPointId)} til ${pointLabel(condition.toPointId)}`;
		case 'missedRating': {
			const days = condition.days === 1 ? '1 dag' : `${condition.days} dage`;
			const { raterId } = condition;
			if (raterId === null) return `En vurdering mangler ${days} efter målepunktet`;
			const rater = template.raters.find((r) => r.id === raterId)?.label ?? DREJEBOG_LABELS.gone;
			return `${rater} har ikke vurderet ${days} efter målepunktet`;
		}
		case 'custom':
			return condition.text;
	}
}
