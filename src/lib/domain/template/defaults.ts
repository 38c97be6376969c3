/**
 * What a template holds when the work group has not said otherwise, drawn from the source
 * material: the header agreed before the internship, the three competence areas, the measurement
 * points start/midtvejs/slut, the three raters, the free-text sections and the signatures. These
 * are document content (Danish, like the rest of the template), not UI text.
 */
import type {
	StarterFreeTextSection,
	StarterHeaderField,
	StarterScale,
	StarterSignature
} from './starter-schema.ts';

export const DEFAULT_TEMPLATE_TITLE = 'Læringsbevis';

export const DEFAULT_HEADER_FIELDS: readonly StarterHeaderField[] = [
	{ label: 'Den unges navn', kind: 'person', isRequired: true },
	{ label: 'Virksomhed', kind: 'company', isRequired: true },
	{ label: 'Praktikperiode', kind: 'period', isRequired: true },
	{ label: 'Jobmål eller uddannelsesmål', kind: 'goal', isRequired: true },
	{ label: 'Delmål', kind: 'subGoals', isRequired: true },
	{ label: 'Kontaktperson i virksomheden', kind: 'shortText', isRequired: false },
	{ label: 'Jobkonsulent', kind: 'shortText', isRequired: false }
];

export const DEFAULT_AREA_LABELS: readonly string[] = [
	'Faglige kompetencer',
	'Sociale kompetencer',
	'Personlige kompetencer'
];

export const DEFAULT_MEASUREMENT_POINTS: readonly string[] = ['Start', 'Midtvejs', 'Slut'];

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
			'Skriv 3-5 korte sætninger, som du kan sætte direkte ind i dit CV. Start gerne med et udsagnsord, fx:\n\n' +
			'- Modtager og kontrollerer varer\n' +
			'- Møder til tiden og overholder aftaler'
	}
];

export const DEFAULT_SIGNATURE: StarterSignature = {
	isIncluded: true,
	text: 'Vi har gennemgået læringsbeviset sammen og er enige om indholdet.',
	signers: [...DEFAULT_RATERS]
};

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
