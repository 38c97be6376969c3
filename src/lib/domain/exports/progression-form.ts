/**
 * The blank progressionsskema of a template: first the scales with their descriptions, then per
 * measurement point the hours and tasks and the sub-goals' statuses (when the template follows
 * them there), and per rater the form the rating plan gives them: only the areas they rate at
 * that point, each statement with its levels as boxes, "ikke vurderet" and a comment line.
 */
import { describeRatingForms, type RatingForm } from '../template/rating-forms.ts';
import { effectiveScale, type Scale, type Template } from '../template/schemas.ts';
import { goalPoints } from '../template/plan.ts';
import { inSentence } from '../text.ts';
import { fieldsTable, heading, paragraph, type Block, type ExportPart } from './blocks.ts';
import { ratingTables, statusTable } from './form-tables.ts';
import { formStatements, measureFields } from './laeringsbevis-form.ts';
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

/**
 * A rater's form. Every form but a point's first starts on a new page, and every point does, so
 * each rater's sheets can be handed to them.
 */
function raterForm(template: Template, form: RatingForm, isFirst: boolean): Block[] {
	return [
		...(isFirst ? [] : [{ kind: 'pageBreak' } satisfies Block]),
		heading(3, `${form.measurementPointLabel}: ${form.raterLabel}`),
		fieldsTable([
			{ label: LABELS.raterName, value: null },
			{ label: LABELS.date, value: null }
		]),
		...form.areas.flatMap((formArea) => {
			const area = template.areas.find((a) => a.id === formArea.areaId);
			if (!area) return [];
			return [heading(4, area.label), ...ratingTables(formStatements(area), LABELS.tickOne)];
		})
	];
}

function pointBlocks(template: Template, forms: RatingForm[]): Block[] {
	const followed = new Set(goalPoints(template).map((point) => point.id));
	return template.measurementPoints.flatMap((point) => {
		const pointForms = forms.filter((form) => form.measurementPointId === point.id);
		const measures = measureFields(template);
		const hasGoals = template.goals.isIncluded && followed.has(point.id);
		if (pointForms.length === 0 && measures.length === 0 && !hasGoals) return [];
		const when = timingPhrase(point.timing);
		return [
			{ kind: 'pageBreak' } satisfies Block,
			heading(2, point.label),
			...(when ? [paragraph(`Målepunktet ligger ${when}.`, 'hint')] : []),
			...(measures.length > 0 ? [heading(3, LABELS.hoursAndTasks, false), ...measures] : []),
			...(hasGoals
				? [
						heading(3, LABELS.subGoals, false),
						statusTable(
							template.goals.subGoals.map((subGoal) => subGoal.text),
							template.goals.statuses.map((status) => status.label),
							0,
							LABELS.tickStatus(`ved ${inSentence(point.label)}`)
						)
					]
				: []),
			...pointForms.flatMap((form, index) => raterForm(template, form, index === 0))
		];
	});
}

/** The blank progressionsskema of `template` as a part of an export document. */
export function progressionFormPart(template: Template): ExportPart {
	return {
		id: 'progressionsskema',
		title: LABELS.progressionsskema,
		breakBefore: true,
		blocks: [
			paragraph(LABELS.progressionIntro, 'lead'),
			...scaleBlocks(template),
			...pointBlocks(template, describeRatingForms(template))
		]
	};
}
