/**
 * The made-up young person of the example case, per workplace starter: company, goal, tasks over
 * the internship, next step and a few rater comments. Danish, because it is document content.
 */
import type { NextStepKind } from './case-data.ts';

export type WorkplaceExample = {
	company: string;
	/** The job or education goal, as a header value. */
	goal: string;
	/** The goal in the young person's own words. */
	ownGoal: string;
	/** The tasks at the start, midway and at the end. */
	tasks: [string, string, string];
	nextStep: { kind: NextStepKind; text: string };
};

export const WORKPLACE_EXAMPLES: Record<string, WorkplaceExample> = {
	detail: {
		company: 'Købmand Hansen',
		goal: 'Job som butiksassistent eller en erhvervsuddannelse i detailhandlen',
		ownGoal:
			'Jeg vil gerne arbejde i en butik og finde ud af, om jeg skal tage en uddannelse i handel.',
		tasks: [
			'Varemodtagelse og opfyldning sammen med en kollega',
			'Opfyldning og datokontrol på egen hånd',
			'Opfyldning, datokontrol og kassen i de stille timer'
		],
		nextStep: {
			kind: 'wageSubsidy',
			text: 'Et løntilskudsjob i butikken, mens jeg søger ind på erhvervsuddannelsen.'
		}
	},
	lager: {
		company: 'Nordlager A/S',
		goal: 'Lager- og logistikuddannelsen',
		ownGoal: 'Jeg vil gerne være lagermedarbejder og tage lageruddannelsen.',
		tasks: [
			'Plukning af ordrer sammen med en kollega',
			'Plukning og pakning af ordrer på egen hånd',
			'Varemodtagelse, plukning og pakning på egen hånd'
		],
		nextStep: { kind: 'education', text: 'Lager- og logistikuddannelsen efter sommerferien.' }
	},
	koekken: {
		company: 'Kantinen på Rådhuset',
		goal: 'Uddannelsen som ernæringsassistent',
		ownGoal: 'Jeg vil gerne lave mad til mange mennesker og uddanne mig til ernæringsassistent.',
		tasks: [
			'Opvask og klargøring af grøntsager',
			'Klargøring og enkle retter efter opskrift',
			'Dagens varme ret efter opskrift og egenkontrollen'
		],
		nextStep: {
			kind: 'education',
			text: 'Uddannelsen som ernæringsassistent. Jeg har været til samtale på skolen.'
		}
	},
	pleje: {
		company: 'Plejecenter Solhøj',
		goal: 'Social- og sundhedsuddannelsen',
		ownGoal: 'Jeg vil gerne arbejde med ældre mennesker og blive social- og sundhedshjælper.',
		tasks: [
			'Borddækning og samvær med beboerne',
			'Servering og aktiviteter med beboerne',
			'Servering, aktiviteter og forflytning sammen med en medarbejder'
		],
		nextStep: { kind: 'education', text: 'Social- og sundhedsuddannelsen ved næste optag.' }
	}
};

export const FALLBACK_EXAMPLE: WorkplaceExample = {
	company: 'Virksomheden ApS',
	goal: 'Job eller uddannelse i branchen',
	ownGoal:
		'Jeg vil gerne finde ud af, om jeg skal have et job eller tage en uddannelse i branchen.',
	tasks: [
		'Faste opgaver sammen med en kollega',
		'Faste opgaver på egen hånd',
		'Flere opgaver og ansvar for en del af dagen'
	],
	nextStep: { kind: 'job', text: 'Jeg søger job i branchen sammen med min jobkonsulent.' }
};

export const PERSON_NAMES = ['Mette Larsen', 'Jonas Holm', 'Sofie Berg'];

/** Names for signers the header does not name (a caseworker, a mentor), unlike PERSON_NAMES. */
export const SIGNER_NAMES = ['Lars Nielsen', 'Fatima Ali', 'Peter Møller', 'Hanne Sørensen'];

/** Comments a rater could write: what the level rests on. */
export const RATING_COMMENTS = [
	'Har vist det flere gange i løbet af ugen.',
	'Gik bedre, efter vi lavede en tjekliste sammen.',
	'Klarede det selv på en travl dag.',
	'Spørger, når noget er nyt, og husker det næste gang.'
];

/** The comment beside an "ikke vurderet": the task has not come up. */
export const NOT_ASSESSED_COMMENT = 'Opgaven har ikke været der endnu.';
