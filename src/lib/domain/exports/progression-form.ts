/**
 * The blank progressionsskema of a template: first the rating plan at a glance (who rates which
 * areas at which point, and what else is followed there), the scales with their descriptions,
 * then one form per measurement point and rater (as `describeRatingForms` lists them): only the areas the
 * rating plan gives the rater there, each statement with its levels as boxes, "ikke vurderet"
 * and a comment line, then the point's follow-up (hours per week, tasks and the sub-goals'
 * status boxes, when the template follows them there).
 */
import { describeRatingForms, type RatingForm } from '../template/rating-forms.ts';
import { effectiveScale, type Scale, type Template } from '../template/schemas.ts';
import { inSentence } from '../text.ts';
import {
	fieldsTable,
	heading,
	paragraph,
	type Block,
	type ExportPart,
	type TableCell
} from './blocks.ts';
import { ratingTables, statusTable } from './form-tables.ts';
import { formStatements } from './laeringsbevis-form.ts';
import { LABELS, timingPhrase } from './labels.ts';
import { richTextBlocks } from './rich-text-blocks.ts';

function scaleList(scale: Scale): Block {
	return {
		kind: 'list',
		isOrdered: true,
		items: scale.levels.map((level) => {
			const descriptor = richTextBlocks(level.descriptor).flatMap((block) =>
				block.kind === 'paragraph' ? block.runs : []
			);
			return {
				runs: [
					{ text: level.label, bold: true },
					...(descriptor.length > 0 ? [{ text: ': ' }, ...descriptor] : [])
				],
				children: null
			};
		})
	};
}

/** What a form has the rater note besides the ratings ("Timer pr. uge, Delmål"), or "". */
function followedAt(form: RatingForm): string {
	return [
		...(form.measures.hasHoursPerWeek ? [LABELS.hoursPerWeek] : []),
		...(form.measures.hasTasks ? [LABELS.tasks] : []),
		...(form.subGoals ? [LABELS.subGoals] : [])
	].join(', ');
}

/** The rating plan at a glance: a row per form (point and rater), with its areas. */
function planBlocks(forms: readonly RatingForm[]): Block[] {
	if (forms.length === 0) return [];
	const column = (text: string): TableCell => ({ kind: 'header', scope: 'column', text });
	return [
		heading(2, LABELS.ratingPlan),
		{
			kind: 'table',
			variant: 'grid',
			caption: LABELS.ratingPlanCaption,
			widths: [3, 3, 6, 3],
			head: [
				column(LABELS.measurementPoint),
				column(LABELS.rater),
				column(LABELS.areas),
				column(LABELS.alsoFollowed)
			],
			rows: forms.map((form) => ({
				cells: [
					{
						kind: 'header',
						scope: 'row',
						text: form.measurementPointLabel,
						hint: timingPhrase(form.timing) ?? undefined
					},
					{ kind: 'text', text: form.raterLabel },
					{ kind: 'text', text: form.areas.map((area) => area.areaLabel).join(', ') },
					{ kind: 'text', text: followedAt(form) }
				]
			}))
		}
	];
}

/** Every area's scale and every statement's own scale, with the levels' descriptions. */
function scaleBlocks(template: Template): Block[] {
	return [
		heading(2, LABELS.scales),
		paragraph(LABELS.scalesIntro, 'hint'),
		...template.areas.flatMap((area) => [
			heading(3, LABELS.scaleOf(inSentence(area.label)), false),
			scaleList(area.scale),
			...area.statements
				.filter((statement) => statement.scale !== null)
				.flatMap((statement) => [
					heading(4, LABELS.ownScale(statement.text), false),
					scaleList(effectiveScale(area, statement))
				])
		])
	];
}

/** The follow-up at a form's point: hours, tasks and the sub-goals' status boxes, if followed. */
function followUpBlocks(form: RatingForm): Block[] {
	const { hasHoursPerWeek, hasTasks } = form.measures;
	if (!hasHoursPerWeek && !hasTasks && !form.subGoals) return [];
	return [
		heading(3, LABELS.followUp(inSentence(form.measurementPointLabel)), false),
		...(hasHoursPerWeek || hasTasks
			? [
					fieldsTable([
						...(hasHoursPerWeek ? [{ label: LABELS.hoursPerWeek, value: null }] : []),
						...(hasTasks ? [{ label: LABELS.tasks, value: null, lines: 2 }] : [])
					])
				]
			: []),
		...(form.subGoals
			? [
					statusTable(
						form.subGoals.items.map((subGoal) => subGoal.text),
						form.subGoals.statuses.map((status) => status.label),
						0,
						LABELS.statuses
					)
				]
			: [])
	];
}

/**
 * A rater's form at a point, on pages of its own so it can be handed to the rater: who fills it
 * in and when, the statements of the areas the rating plan gives them, then the point's
 * follow-up.
 */
function raterForm(template: Template, form: RatingForm): Block[] {
	const when = timingPhrase(form.timing);
	return [
		{ kind: 'pageBreak' },
		heading(2, LABELS.formTitle(form.raterLabel, inSentence(form.measurementPointLabel))),
		...(when ? [paragraph(`${LABELS.when}: ${when}`, 'hint')] : []),
		fieldsTable([
			{ label: LABELS.youngPersonName, value: null },
			{ label: LABELS.filledInBy, value: null },
			{ label: LABELS.date, value: null }
		]),
		paragraph(LABELS.tickOne, 'hint'),
		...form.areas.flatMap((formArea) => {
			const area = template.areas.find((a) => a.id === formArea.areaId);
			if (!area) return [];
			return [heading(3, area.label, false), ...ratingTables(formStatements(area), null)];
		}),
		...followUpBlocks(form)
	];
}

/** The blank progressionsskema of `template` as a part of an export document. */
export function progressionFormPart(template: Template): ExportPart {
	const forms = describeRatingForms(template);
	return {
		id: 'progressionsskema',
		title: LABELS.progressionsskema,
		breakBefore: true,
		blocks: [
			paragraph(LABELS.progressionIntro, 'lead'),
			...planBlocks(forms),
			...scaleBlocks(template),
			...forms.flatMap((form) => raterForm(template, form))
		]
	};
}
