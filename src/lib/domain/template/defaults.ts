/**
 * What a template holds when the work group has not said otherwise, drawn from the source
 * material: the agreements before the internship, the three competence areas, the measurement
 * points start/midtvejs/slut, the three raters, the young person's own words, the goal and
 * sub-goals with their status scale, the progression measures and the signatures. These are
 * document content (Danish, like the rest of the template), not UI text.
 */
import type { AreaCategory, ProgressionMeasures } from './plan-schemas.ts';
import type {
	StarterFreeTextSection,
	StarterHeaderField,
	StarterMeasurementPoint,
	StarterScale,
	StarterSignature
} from './starter-schema.ts';

export const DEFAULT_TEMPLATE_TITLE = 'Læringsbevis';

export const DEFAULT_HEADER_FIELDS: readonly StarterHeaderField[] = [
	{ label: 'Den unges navn', kind: 'person', isRequired: true },
	{ label: 'Virksomhed', kind: 'company', isRequired: true },
	{ label: 'Praktikperiode', kind: 'period', isRequired: true },
	{ label: 'Kontaktperson i virksomheden', kind: 'shortText', isRequired: false },
	{ label: 'Jobkonsulent', kind: 'shortText', isRequired: false }
];

/** The seeds' "faglige, sociale og personlige kompetencer", each with its category. */
export const DEFAULT_AREAS: readonly { label: string; category: AreaCategory }[] = [
	{ label: 'Faglige kompetencer', category: 'professional' },
	{ label: 'Sociale kompetencer', category: 'social' },
	{ label: 'Personlige kompetencer', category: 'personal' }
];
export const DEFAULT_AREA_LABELS: readonly string[] = DEFAULT_AREAS.map((area) => area.label);

/** Start, a follow-up after four weeks (midway in a typical eight-week internship), the end. */
export const DEFAULT_MEASUREMENT_POINTS: readonly StarterMeasurementPoint[] = [
	{ label: 'Start', timing: { kind: 'start' } },
	{ label: 'Midtvejs', timing: { kind: 'afterWeeks', weeks: 4 } },
	{ label: 'Slut', timing: { kind: 'end' } }
];

export const DEFAULT_RATERS: readonly string[] = ['Den unge', 'Virksomheden', 'Jobkonsulenten'];

export const DEFAULT_FREE_TEXT_SECTIONS: readonly StarterFreeTextSection[] = [
	{
		label: 'Det har jeg lært',
		guidance:
			'Skriv med dine egne ord, hvad du har lært i praktikken.\n\n' +
			'Tænk på opgaver, du kan løse nu, og på hvordan du er blevet bedre til at arbejde sammen med andre.'
	},
	{
		label: 'Det vil jeg arbejde videre med',
		guidance:
			'Skriv, hvad du gerne vil blive bedre til, og hvad der skal til.\n\n' +
			'Det bliver en del af din plan for de næste skridt.'
	},
	{
		label: 'Til mit CV',
		guidance:
			'Skriv 3-5 korte sætninger, som du kan sætte direkte ind i dit CV. Skriv i jeg-form, fx:\n\n' +
			'- Jeg modtager og kontrollerer varer\n' +
			'- Jeg møder til tiden og overholder aftaler'
	}
];

/** The raters sign, and the caseworker, who follows the case without rating it. */
export const DEFAULT_SIGNATURE: StarterSignature = {
	isIncluded: true,
	text: 'Vi har gennemgået læringsbeviset sammen og er enige om indholdet.',
	signers: [
		{ label: 'Den unge', rater: 'Den unge' },
		{ label: 'Virksomhedsmentor', rater: 'Virksomheden' },
		{ label: 'Jobkonsulent', rater: 'Jobkonsulenten' },
		{ label: 'Sagsbehandler', rater: null }
	]
};

/** The goal's heading and the guidance above the young person's own words. */
export const DEFAULT_GOAL_LABEL = 'Mit mål';
export const DEFAULT_GOAL_GUIDANCE =
	'Skriv med dine egne ord, hvad du gerne vil med praktikken: et job, en uddannelse eller noget tredje. ' +
	'Målet og delmålene aftaler du med din jobkonsulent, før praktikken begynder.';

/** Hours per week and tasks, the seeds' "progression i timetal, opgaver", are both followed. */
export const DEFAULT_PROGRESSION_MEASURES: ProgressionMeasures = {
	hasHoursPerWeek: true,
	hasTasks: true
};

/** The status scale sub-goals are followed with; the last step means reached. */
export const DEFAULT_GOAL_STATUSES: readonly string[] = ['Ikke påbegyndt', 'I gang', 'Nået'];

/** A five-step scale from help to teaching others; the starters refine it per workplace. */
export const DEFAULT_SCALE: StarterScale = {
	levels: [
		{
			label: 'Kan med hjælp',
			descriptor: 'Løser opgaven, når en kollega viser den og hjælper undervejs.'
		},
		{
			label: 'Kan med lidt hjælp',
			descriptor: 'Løser opgaven, men spørger eller får et skub ved de svære trin.'
		},
		{
			label: 'Kan selv',
			descriptor: 'Løser opgaven **selvstændigt** på en almindelig dag.'
		},
		{
			label: 'Kan selv, også i travlhed',
			descriptor:
				'Løser opgaven selvstændigt, også når der er travlt, eller når noget uventet sker.'
		},
		{
			label: 'Kan lære andre',
			descriptor: 'Kan vise og forklare opgaven for en ny kollega.'
		}
	]
};
