/**
 * The drejebog of a published version as a part of its export: its introduction, then stage by
 * stage each step (what happens, who does it, when, the part of the læringsbevis it is about by
 * that part's current name, what it produces, its guidance and its checklist with boxes to
 * tick), then the "CV og Min Plan" rule and the "Hurtig reaktion" rules.
 */
import type { Drejebog, Stage, Step } from '../drejebog/schemas.ts';
import type { Template } from '../template/schemas.ts';
import {
	fieldsTable,
	heading,
	pairTable,
	paragraph,
	type Block,
	type ExportPart,
	type TableBlock
} from './blocks.ts';
import {
	conditionPhrase,
	cvPlanFields,
	DREJEBOG_LABELS as L,
	linkPhrase,
	PRODUCT_LABELS,
	whenPhrase,
	whoPhrase
} from './drejebog-labels.ts';
import { richTextBlocks } from './rich-text-blocks.ts';

/** A checklist as a table: each item a row header with a box to tick beside it. */
function checklistTable(step: Step): TableBlock {
	return pairTable(
		[L.checklistItem, L.done],
		[12, 2],
		step.checklist.map((item) => ({ header: item.text, cell: { kind: 'box', label: L.done } }))
	);
}

function stepBlocks(step: Step, template: Template): Block[] {
	const who = whoPhrase(step.who);
	const fields = [
		...(who === '' ? [] : [{ label: L.who, value: who }]),
		{ label: L.when, value: whenPhrase(step.when, template) },
		...(step.link ? [{ label: L.link, value: linkPhrase(step.link, template) }] : []),
		...(step.produces === 'none'
			? []
			: [{ label: L.produces, value: PRODUCT_LABELS[step.produces] }])
	];
	return [
		heading(3, step.title),
		fieldsTable(fields),
		...richTextBlocks(step.guidance),
		...(step.checklist.length > 0 ? [heading(4, L.checklist), checklistTable(step)] : [])
	];
}

function stageBlocks(stage: Stage, template: Template): Block[] {
	return [
		heading(2, stage.label),
		...(stage.steps.length === 0
			? [paragraph(L.noSteps, 'hint')]
			: stage.steps.flatMap((step) => stepBlocks(step, template)))
	];
}

function reactionBlocks(drejebog: Drejebog, template: Template): Block[] {
	return [
		heading(2, L.reactions),
		paragraph(L.reactionsIntro, 'hint'),
		drejebog.reactions.length === 0
			? paragraph(L.noReactions)
			: pairTable(
					[L.condition, L.action],
					[1, 1],
					drejebog.reactions.map((reaction) => ({
						header: conditionPhrase(reaction.condition, template),
						cell: { kind: 'text', text: reaction.action.trim() || L.noAction }
					}))
				)
	];
}

/** The drejebog as a part of a published version's export (see the module comment). */
export function drejebogPart(template: Template, drejebog: Drejebog): ExportPart {
	const introduction = richTextBlocks(drejebog.introduction);
	return {
		id: 'drejebog',
		title: drejebog.title.trim() || L.drejebog,
		breakBefore: true,
		blocks: [
			paragraph(L.intro, 'lead'),
			...introduction,
			...drejebog.stages.flatMap((stage) => stageBlocks(stage, template)),
			heading(2, L.cvPlan),
			paragraph(L.cvPlanIntro, 'hint'),
			fieldsTable(cvPlanFields(drejebog.cvPlan, template)),
			...reactionBlocks(drejebog, template)
		]
	};
}
