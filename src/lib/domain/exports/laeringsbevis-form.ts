/**
 * The blank læringsbevis of a template, ready to print and fill in by hand at the end of the
 * internship: the header fields, the goal and sub-goals, per area the statements with the
 * scale's levels as boxes (the level the raters agree on), "ikke vurderet" and a comment line,
 * hours and tasks, the young person's own words, the next step and the signatures.
 */
import { richTextToPlainText, isRichTextEmpty } from '../template/rich-text.ts';
import { effectiveScale, type HeaderFieldKind, type Template } from '../template/schemas.ts';
import { goalPoints } from '../template/plan.ts';
import { inSentence } from '../text.ts';
import { fieldsTable, heading, paragraph, type Block, type ExportPart } from './blocks.ts';
import { ratingTables, statusTable, type FormStatement } from './form-tables.ts';
import { LABELS, NEXT_STEP_LABELS } from './labels.ts';
import { richTextBlocks } from './rich-text-blocks.ts';

/** Lines to write on for a header field of each kind. */
const FIELD_LINES: Record<HeaderFieldKind, number> = {
	person: 1,
	company: 1,
	period: 1,
	date: 1,
	shortText: 1,
	goal: 2,
	subGoals: 3,
	longText: 3
};

/** Rows left empty under the template's sub-goals for the young person's own. */
const BLANK_SUB_GOAL_ROWS = 2;
/** Lines for the young person's own words in each free-text section. */
const OWN_WORDS_LINES = 5;

/** The statements of an area as a form prints them. */
export function formStatements(area: Template['areas'][number]): FormStatement[] {
	return area.statements.map((statement) => ({
		text: statement.text,
		hint: isRichTextEmpty(statement.description)
			? null
			: richTextToPlainText(statement.description),
		levels: effectiveScale(area, statement).levels.map((level) => level.label)
	}));
}

/** "ved slut" for the template's last point, or "ved afslutningen" without points. */
function atLastPoint(points: readonly { label: string }[]): string {
	const last = points.at(-1);
	return last ? `ved ${inSentence(last.label)}` : 'ved afslutningen';
}

function goalBlocks(template: Template): Block[] {
	const { goals } = template;
	if (!goals.isIncluded) return [];
	return [
		heading(2, goals.label),
		...richTextBlocks(goals.guidance, 'hint'),
		{ kind: 'writeIn', lines: 3 },
		heading(3, LABELS.subGoals, false),
		statusTable(
			goals.subGoals.map((subGoal) => subGoal.text),
			goals.statuses.map((status) => status.label),
			BLANK_SUB_GOAL_ROWS,
			LABELS.tickStatus(atLastPoint(goalPoints(template)))
		)
	];
}

function competenceBlocks(template: Template): Block[] {
	const caption = LABELS.tickAgreed(atLastPoint(template.measurementPoints));
	return [
		heading(2, LABELS.competences),
		paragraph(caption, 'hint'),
		...template.areas.flatMap((area) => [
			heading(3, area.label),
			...ratingTables(formStatements(area), null)
		])
	];
}

/** Hours and tasks at the end, when the template follows them. */
export function measureFields(template: Template): Block[] {
	const { hasHoursPerWeek, hasTasks } = template.progressionMeasures;
	if (!hasHoursPerWeek && !hasTasks) return [];
	return [
		fieldsTable([
			...(hasHoursPerWeek ? [{ label: LABELS.hoursPerWeek, value: null }] : []),
			...(hasTasks ? [{ label: LABELS.tasks, value: null, lines: 2 }] : [])
		])
	];
}

function nextStepBlocks(): Block[] {
	const kinds = Object.values(NEXT_STEP_LABELS);
	return [
		heading(2, LABELS.nextStep),
		{
			kind: 'table',
			variant: 'grid',
			caption: null,
			widths: kinds.map(() => 1),
			head: kinds.map((text) => ({ kind: 'header', scope: 'column', text })),
			rows: [{ cells: kinds.map((label) => ({ kind: 'box', label })) }]
		},
		fieldsTable([{ label: LABELS.nextStepText, value: null, lines: 2 }])
	];
}

/**
 * The signatures of a template without their heading: the text above them and a line per signer,
 * with the person's name when a case names them, or the name and date of a signer who has
 * confirmed. Empty without signatures.
 */
export function signatureBlocks(
	template: Template,
	o: {
		names?: ReadonlyMap<string, string>;
		signed?: ReadonlyMap<string, { name: string; at: string }>;
	} = {}
): Block[] {
	const signed = o.signed ?? new Map<string, { name: string; at: string }>();
	const { signature } = template;
	if (!signature.isIncluded) return [];
	return [
		...(signature.text.trim() === '' ? [] : [paragraph(signature.text)]),
		{
			kind: 'signatures',
			signers: signature.signers.map((signer) => ({
				label: signer.label,
				name: o.names?.get(signer.id) ?? null,
				signedBy: signed.get(signer.id)?.name ?? null,
				signedAt: signed.get(signer.id)?.at ?? null
			}))
		}
	];
}

/** The blank læringsbevis of `template` as a part of an export document. */
export function laeringsbevisFormPart(template: Template): ExportPart {
	const measures = measureFields(template);
	return {
		id: 'laeringsbevis',
		title: LABELS.laeringsbevis,
		breakBefore: true,
		blocks: [
			paragraph(LABELS.laeringsbevisFormIntro, 'lead'),
			heading(2, LABELS.information),
			fieldsTable(
				template.headerFields.map((field) => ({
					label: field.label,
					value: null,
					lines: FIELD_LINES[field.kind]
				}))
			),
			...goalBlocks(template),
			...competenceBlocks(template),
			...(measures.length > 0
				? [
						heading(2, `${LABELS.hoursAndTasks} ${atLastPoint(template.measurementPoints)}`),
						...measures
					]
				: []),
			...template.freeTextSections.flatMap((section) => [
				heading(2, section.label),
				...richTextBlocks(section.guidance, 'hint'),
				{ kind: 'writeIn', lines: OWN_WORDS_LINES } satisfies Block
			]),
			...nextStepBlocks(),
			...(template.signature.isIncluded
				? [heading(2, LABELS.signatures), ...signatureBlocks(template)]
				: [])
		]
	};
}
