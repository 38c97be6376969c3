/**
 * The words the exported documents print around the template's own content. They are document
 * content, Danish like the template (the same læringsbevis is printed whatever language the
 * person downloading it reads the app in), so they live here and not in the UI's i18n files.
 */
import type { NextStepKind } from '../template/case-data.ts';
import type { Timing } from '../template/plan-schemas.ts';
import type { StatementKind } from '../template/schemas.ts';

export const LABELS = {
	laeringsbevis: 'Læringsbevis',
	progressionsskema: 'Progressionsskema',
	drejebog: 'Drejebog',
	information: 'Oplysninger',
	competences: 'Kompetencer',
	statement: 'Kompetenceudsagn',
	notAssessed: 'Ikke vurderet',
	notPlanned: 'Vurderes ikke her',
	open: 'Ikke udfyldt',
	agreed: 'Aftalt niveau',
	comment: 'Kommentar eller eksempel',
	subGoals: 'Delmål',
	subGoal: 'Delmål',
	ownSubGoal: 'Eget delmål',
	hoursAndTasks: 'Timer og opgaver',
	hoursPerWeek: 'Timer pr. uge',
	tasks: 'Opgaver',
	nextStep: 'Næste skridt',
	nextStepText: 'Det næste skridt er',
	signatures: 'Underskrifter',
	signatureLine: 'Dato og underskrift',
	/** What prints under a signature line: the role, the person's name if known, or the confirmation. */
	signatureCaption: (s: {
		label: string;
		name: string | null;
		signedBy: string | null;
		signedAt: string | null;
	}) =>
		s.signedBy
			? `${s.label} · ${s.signedAt ? `bekræftet ${s.signedAt}` : 'bekræftet'}`
			: `Dato og underskrift – ${s.label}${s.name ? ` (${s.name})` : ''}`,
	date: 'Dato',
	scales: 'Skalaerne',
	scaleOf: (area: string) => `Niveauerne i ${area}`,
	ownScale: (statement: string) => `Egen skala for »${statement}«`,
	level: (position: number, label: string) => `${position}. ${label}`,
	levelOf: (position: number, count: number, label: string) => `${label} (${position} af ${count})`,
	contents: 'Indhold',
	version: (number: number) => `Version ${number}`,
	publishedOn: (date: string, by: string | null) =>
		by ? `Udgivet ${date} af ${by}.` : `Udgivet ${date}.`,
	changeNote: 'Om denne version',
	page: (current: number, total: number) => `Side ${current} af ${total}`,
	/** The instruction above a blank rating table. */
	tickOne:
		'Sæt ét kryds ved hvert udsagn. Sæt kryds ved »Ikke vurderet«, hvis opgaven ikke har været der endnu, eller hvis den ikke passer til praktikken. Skriv gerne et eksempel eller en kommentar.',
	formTitle: (rater: string, point: string) => `${rater} vurderer ved ${point}`,
	when: 'Hvornår',
	ratingPlan: 'Vurderingsplan',
	ratingPlanCaption:
		'Hvem vurderer hvilke kompetenceområder ved hvert målepunkt, og hvad der ellers følges op på.',
	measurementPoint: 'Målepunkt',
	rater: 'Vurderer',
	areas: 'Kompetenceområder',
	alsoFollowed: 'Følges også',
	youngPersonName: 'Den unges navn',
	filledInBy: 'Udfyldt af',
	followUp: (point: string) => `Opfølgning ved ${point}`,
	tickAgreed: (point: string) =>
		`Sæt ét kryds pr. udsagn ved det niveau, I er blevet enige om ${point}. Sæt kryds i »Ikke vurderet«, hvis opgaven ikke har været der.`,
	tickStatus: (point: string) => `Sæt kryds ved, hvor langt delmålet er nået ${point}.`,
	laeringsbevisFormIntro:
		'Læringsbeviset viser, hvad den unge kan her og nu. Skemaet udfyldes ved praktikkens afslutning, og kompetencerne bliver til sætninger til den unges CV.',
	progressionIntro:
		'Der er ét skema pr. målepunkt og vurderer. Hver vurderer udfylder sit eget skema med de udsagn, vurderingsplanen giver dem. En kommentar kan være et eksempel på, hvad niveauet bygger på.',
	scalesIntro:
		'Niveauerne går fra det laveste (1) til det højeste. Et udsagn med sin egen skala står for sig.',
	caseLaeringsbevisIntro: 'Læringsbeviset viser, hvad jeg kan her og nu efter min praktik.',
	reached: 'Det kan jeg',
	goalAndAchieved: 'Mit mål, og hvad jeg har nået',
	achievedSubGoals: 'Delmål, jeg har nået',
	atEnd: (point: string) => `Ved ${point}`,
	hoursAt: (hours: number, point: string) => `${formatHours(hours)} timer om ugen ved ${point}.`,
	ownWords: 'Med mine egne ord',
	ratings: 'Vurderinger',
	commentsOf: (area: string) => `Kommentarer til ${area}`,
	progressionCaseIntro:
		'Skemaet viser alle vurderinger i praktikken: hvert målepunkt og hver vurderer for sig. Tallet er niveauet på skalaen, hvor 1 er det laveste.',
	statuses: 'Delmålenes status',
	cvPhrases: 'Sætninger til CV',
	cvPhrase: 'Sætning til CV',
	cvPhrasesIntro:
		'Når den unge har nået et udsagn, står det i læringsbeviset som sætningen her. Den unge kan kopiere sætningerne direkte ind i sit CV på Jobnet.'
} as const;

/** The next steps as the documents name them. */
export const NEXT_STEP_LABELS: Record<NextStepKind, string> = {
	internship: 'Ny praktik',
	wageSubsidy: 'Løntilskud',
	job: 'Ordinært job',
	education: 'Uddannelse',
	flexJob: 'Fleksjob',
	other: 'Andet'
};

export const STATEMENT_KIND_LABELS: Record<StatementKind, string> = {
	formal: 'Formel kompetence (med bevis)',
	informal: 'Uformel kompetence'
};

/** When a measurement point happens, as a phrase ("efter 4 uger"), or null when not decided. */
export function timingPhrase(timing: Timing | null): string | null {
	if (timing === null) return null;
	switch (timing.kind) {
		case 'start':
			return 'ved opstart';
		case 'afterWeeks':
			return timing.weeks === 1 ? 'efter 1 uge' : `efter ${timing.weeks} uger`;
		case 'end':
			return 'ved afslutning';
		case 'everyWeeks':
			return timing.weeks === 1 ? 'hver uge' : `hver ${timing.weeks}. uge`;
	}
}

/** Hours with a Danish decimal comma ("12,5"). */
export function formatHours(hours: number): string {
	return new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 }).format(hours);
}

/** A date as Danish documents write it ("6. december 2026"), in Danish time. */
export function formatDanishDate(date: Date): string {
	return new Intl.DateTimeFormat('da-DK', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'Europe/Copenhagen'
	}).format(date);
}
