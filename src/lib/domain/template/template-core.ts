/**
 * Templates stored before the second pass hold no categories, CV phrases, timings, rating plan,
 * signers, goals or progression measures. `completeTemplate` gives such a template those parts,
 * derived from what it has, so old documents open, read and validate; a template that has them
 * keeps them. `templateCore` is the other way: the parts the first-pass document layout stores.
 */
import { DEFAULT_GOAL_GUIDANCE, DEFAULT_GOAL_LABEL, DEFAULT_GOAL_STATUSES } from './defaults.ts';
import { AREA_CATEGORIES, type AreaCategory, type Goals, type Timing } from './plan-schemas.ts';
import { toRichText } from './rich-text.ts';
import type {
	CompetenceArea,
	MeasurementPoint,
	Signer,
	Template,
	TemplateCore
} from './schemas.ts';
import { inSentence } from '../text.ts';
import { normalizeLabel } from './validate-labels.ts';

/**
 * The category an area's label names ("Faglige kompetencer" → professional), for areas that have
 * none yet; anything else is "other". Only a default: the category is the work group's choice.
 */
export function categoryFromLabel(label: string): AreaCategory {
	const normalized = normalizeLabel(label);
	if (normalized.includes('faglig')) return 'professional';
	if (normalized.includes('social')) return 'social';
	if (normalized.includes('personlig')) return 'personal';
	return 'other';
}

/** Third-person pronouns of a statement and their first-person form in a CV phrase. */
const TO_FIRST_PERSON: [RegExp, string][] = [
	[/(?<!\p{L})sig(?!\p{L})/gu, 'mig'],
	[/(?<!\p{L})sin(?!\p{L})/gu, 'min'],
	[/(?<!\p{L})sit(?!\p{L})/gu, 'mit'],
	[/(?<!\p{L})sine(?!\p{L})/gu, 'mine']
];

/**
 * A first-person CV phrase made from a statement ("Kan passe på sig selv" → "Jeg kan passe på mig
 * selv"), for statements that have none yet. Statements are written without a subject, so "Jeg"
 * in front and first-person pronouns read right in nearly every case.
 */
export function cvPhraseFromStatement(text: string): string {
	const trimmed = text.trim().replace(/\s+/g, ' ');
	if (trimmed === '') return '';
	if (/^jeg(?!\p{L})/iu.test(trimmed)) return `Jeg${trimmed.slice(3)}`;
	return TO_FIRST_PERSON.reduce(
		(phrase, [pattern, word]) => phrase.replace(pattern, word),
		`Jeg ${inSentence(trimmed)}`
	);
}

/** The timing a point of an old template gets: the first is the start, the last the end. */
function defaultTiming(index: number, count: number): Timing | null {
	if (index === 0) return { kind: 'start' };
	if (index === count - 1) return { kind: 'end' };
	return null;
}

/**
 * The goal part of a template that has none: switched off (old templates keep the goal in their
 * header fields), with the default heading and statuses, followed at every point.
 */
export function defaultGoals(measurementPoints: readonly { id: string }[]): Goals {
	return {
		isIncluded: false,
		label: DEFAULT_GOAL_LABEL,
		guidance: toRichText(DEFAULT_GOAL_GUIDANCE),
		subGoals: [],
		statuses: DEFAULT_GOAL_STATUSES.map((label, index) => ({ id: `status-${index + 1}`, label })),
		measurementPointIds: measurementPoints.map((point) => point.id)
	};
}

/** `value[key]` when `value` has it; the input may be a whole template or an old one. */
function part<T>(value: object, key: string): T | undefined {
	return key in value ? ((value as Record<string, unknown>)[key] as T) : undefined;
}

function completeArea(area: TemplateCore['areas'][number]): CompetenceArea {
	const category = part<AreaCategory>(area, 'category');
	return {
		...area,
		category:
			category && AREA_CATEGORIES.includes(category) ? category : categoryFromLabel(area.label),
		statements: area.statements.map((statement) => ({
			...statement,
			cvPhrase: part<string>(statement, 'cvPhrase') ?? cvPhraseFromStatement(statement.text)
		}))
	};
}

/**
 * `template` with every second-pass part it lacks, derived from what it has: categories from area
 * labels, CV phrases from statements, "start" and "end" for the first and last point, a plan in
 * which everybody rates everything, the signing raters as signers, the goal part switched off and
 * no progression measures. Parts it has are kept as they are.
 */
export function completeTemplate(template: TemplateCore): Template {
	const measurementPoints: MeasurementPoint[] = template.measurementPoints.map((point, index) => ({
		...point,
		// Null is a timing too ("not decided yet"), so only a missing one is derived.
		timing:
			'timing' in point
				? (point.timing as Timing | null)
				: defaultTiming(index, template.measurementPoints.length)
	}));
	const signerRaterIds = new Set(template.signature.signerRaterIds);
	const signers: Signer[] =
		part<Signer[]>(template.signature, 'signers') ??
		template.raters
			.filter((rater) => signerRaterIds.has(rater.id))
			.map((rater) => ({ id: rater.id, label: rater.label, raterId: rater.id }));
	return {
		...template,
		areas: template.areas.map(completeArea),
		measurementPoints,
		signature: { ...template.signature, signers },
		ratingPlan: part<Template['ratingPlan']>(template, 'ratingPlan') ?? [],
		goals: part<Goals>(template, 'goals') ?? defaultGoals(measurementPoints),
		progressionMeasures: part<Template['progressionMeasures']>(template, 'progressionMeasures') ?? {
			hasHoursPerWeek: false,
			hasTasks: false
		}
	};
}

/** The parts of `template` that the first-pass document layout stores (the rest left out). */
export function templateCore(template: Template): TemplateCore {
	return {
		title: template.title,
		starterId: template.starterId,
		headerFields: template.headerFields,
		areas: template.areas.map((area) => ({
			id: area.id,
			label: area.label,
			scale: area.scale,
			statements: area.statements.map((s) => ({
				id: s.id,
				text: s.text,
				description: s.description,
				kind: s.kind,
				scale: s.scale
			}))
		})),
		measurementPoints: template.measurementPoints.map((p) => ({ id: p.id, label: p.label })),
		raters: template.raters,
		freeTextSections: template.freeTextSections,
		signature: {
			isIncluded: template.signature.isIncluded,
			text: template.signature.text,
			signerRaterIds: template.signature.signerRaterIds
		}
	};
}
