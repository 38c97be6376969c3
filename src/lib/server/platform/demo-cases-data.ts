/**
 * The invented young people of the demo's cases and what is recorded about them. The names are
 * plainly made up (no real person, no CPR number anywhere); dates are weeks from the first start.
 */
import type { NextStepKind } from '#lib/domain/template/case-data.ts';
import type { TargetGroup } from '#lib/domain/cases/schemas.ts';

/** What is recorded about one case (`seedCase`). */
export type CaseSpec = {
	firstName: string;
	lastName: string;
	company: string;
	mentorName: string;
	targetGroup: TargetGroup;
	start: string;
	end: string;
	isClosed: boolean;
	/** How many measurement points are rated when the case is still open. */
	pointsRated: number;
	goal: string;
	/** Hours per week and tasks at each measurement point recorded. */
	hours: number[];
	tasks: string[];
	/** The young person's own words, per free-text section of the template in order. */
	ownWords: string[];
	nextStep: { kind: NextStepKind; text: string };
};

/** A demo case: its start and end in weeks from the first start (negative: in the past). */
export type DemoCase = Omit<CaseSpec, 'start' | 'end'> & { startWeeks: number; endWeeks: number };

export const DEMO_CASES: readonly DemoCase[] = [
	{
		firstName: 'Emma',
		lastName: 'Demosen',
		company: 'Plejecenter Solsikken (demo)',
		mentorName: 'Bente Mentorsen',
		targetGroup: 'aktivitetsparat',
		startWeeks: -4,
		endWeeks: 4,
		isClosed: false,
		pointsRated: 2,
		goal: 'Jeg vil finde ud af, om jeg vil være social- og sundhedshjælper.',
		hours: [12, 16],
		tasks: [
			'Dække bord og servere frokost sammen med en medarbejder.',
			'Stå for eftermiddagskaffen og en gåtur med to beboere.'
		],
		ownWords: [''],
		nextStep: { kind: 'education', text: '' }
	},
	{
		firstName: 'Oliver',
		lastName: 'Eksempelsen',
		company: 'Plejehjemmet Lærkereden (demo)',
		mentorName: 'Karsten Mentorsen',
		targetGroup: 'uddannelsesparat',
		startWeeks: -20,
		endWeeks: -12,
		isClosed: true,
		pointsRated: 3,
		goal: 'Jeg vil vise, at jeg kan passe et arbejde med mennesker og komme ind på SOSU-skolen.',
		hours: [15, 20, 25],
		tasks: [
			'Dække bord, servere og rydde op i fællesrummet.',
			'Hjælpe ved forflytning sammen med en medarbejder; højtlæsning for beboerne.',
			'Stå for formiddagens aktivitet og tale med pårørende ved besøg.'
		],
		ownWords: [
			'Jeg har lært at tale roligt med beboerne og at sige til, når jeg er i tvivl.',
			'Jeg vil blive bedre til at sige fra, når en opgave er for svær, og starte på SOSU-skolen.'
		],
		nextStep: {
			kind: 'education',
			text: 'Søger ind på social- og sundhedshjælperuddannelsen til sommer.'
		}
	}
];
