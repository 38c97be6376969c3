/**
 * The walkthrough's steps about the læringsbevis template of a version: its purpose, each
 * competence area with its scale, the rating plan (who rates what when), and the example
 * læringsbevis and progressionsskema filled in for an invented young person (`exampleCase`, the
 * same example the work group saw in the preview).
 */
import { exampleCase } from '../template/example.ts';
import { plannedCells } from '../template/plan.ts';
import { isRichTextEmpty, richTextToPlainText } from '../template/rich-text.ts';
import type { CompetenceArea, MeasurementPoint, Scale, Template } from '../template/schemas.ts';
import type { Drejebog } from '../drejebog/schemas.ts';
import { firstPointRatersQuestion, purposeQuestion, reachedLevelQuestion } from './questions.ts';
import type { Block, Txt, WalkthroughStep } from './schemas.ts';

/** What the walkthrough says about the version itself. */
export type VersionMeta = { number: number; note: string };

const text = (value: string): Txt => ({ text: value });
const key = (k: string, params?: Record<string, string | number>): Txt =>
	params ? { key: k, params } : { key: k };

/** The timing of a measurement point in words (the template's own keys). */
export function timingText(point: MeasurementPoint): Txt {
	const timing = point.timing;
	if (!timing) return key('rollout.walk.timing.unsaid');
	if (timing.kind === 'start' || timing.kind === 'end') {
		return key(`template.timing.${timing.kind}`);
	}
	return key(`template.timing.${timing.kind}`, { count: timing.weeks });
}

function scaleBlock(title: Txt, scale: Scale): Block {
	return {
		type: 'scale',
		title,
		levels: scale.levels.map((level) => ({
			label: level.label,
			description: richTextToPlainText(level.descriptor).trim()
		}))
	};
}

export function purposeStep(template: Template, drejebog: Drejebog, meta: VersionMeta) {
	const id = 'purpose';
	const blocks: Block[] = [
		{
			type: 'paragraph',
			text: key('rollout.walk.purpose.intro', { title: template.title, number: meta.number })
		},
		{
			type: 'definitions',
			items: [
				{
					term: key('rollout.walk.purpose.laeringsbevisTerm'),
					description: key('rollout.walk.purpose.laeringsbevis')
				},
				{
					term: key('rollout.walk.purpose.progressionTerm'),
					description: key('rollout.walk.purpose.progression')
				}
			]
		},
		{
			type: 'list',
			title: key('rollout.walk.purpose.areas'),
			items: template.areas.map((area) => text(area.label))
		}
	];
	if (meta.note.trim() !== '') {
		blocks.push({ type: 'paragraph', text: key('rollout.walk.purpose.note', { note: meta.note }) });
	}
	if (!isRichTextEmpty(drejebog.introduction)) {
		blocks.push({ type: 'rich', content: drejebog.introduction });
	}
	return {
		id,
		kind: 'purpose',
		title: key('rollout.walk.purpose.title'),
		learningGoal: 'role',
		requiresAck: true,
		blocks,
		question: purposeQuestion(id)
	} satisfies WalkthroughStep;
}

/** One step per competence area; the first carries the "when is it reached" question. */
export function areaSteps(template: Template): WalkthroughStep[] {
	return template.areas.map((area: CompetenceArea, index) => {
		const id = `area-${area.id}`;
		const blocks: Block[] = [
			{ type: 'paragraph', text: key(`rollout.walk.area.category.${area.category}`) },
			{
				type: 'list',
				title: key('rollout.walk.area.statements'),
				items: area.statements.map((s) =>
					s.kind === 'formal' ? key('rollout.walk.area.formal', { text: s.text }) : text(s.text)
				)
			},
			scaleBlock(key('rollout.walk.area.scale'), area.scale)
		];
		for (const statement of area.statements) {
			if (statement.scale) {
				blocks.push(
					scaleBlock(key('rollout.walk.area.ownScale', { text: statement.text }), statement.scale)
				);
			}
		}
		return {
			id,
			kind: 'area',
			title: key('rollout.walk.area.title', { label: area.label }),
			learningGoal: 'knowledge',
			requiresAck: true,
			blocks,
			question: index === 0 ? reachedLevelQuestion(id, area) : null
		};
	});
}

/** The rating plan as a table: a row per measurement point, a column per rater. */
export function ratingPlanStep(template: Template): WalkthroughStep {
	const id = 'rating-plan';
	const cells = plannedCells(template);
	const areaLabel = new Map(template.areas.map((a) => [a.id, a.label]));
	const rows = template.measurementPoints.map((point) => ({
		header: key('rollout.walk.plan.point', { label: point.label }),
		cells: [
			timingText(point),
			...template.raters.map((rater) => {
				const areas = cells
					.filter((c) => c.measurementPointId === point.id && c.raterId === rater.id)
					.map((c) => areaLabel.get(c.areaId) ?? '');
				return areas.length === template.areas.length && areas.length > 0
					? key('rollout.walk.plan.allAreas')
					: areas.length > 0
						? text(areas.join(', '))
						: key('rollout.walk.plan.none');
			})
		]
	}));
	const blocks: Block[] = [
		{ type: 'paragraph', text: key('rollout.walk.plan.intro') },
		{
			type: 'table',
			caption: key('rollout.walk.plan.caption'),
			columns: [key('rollout.walk.plan.when'), ...template.raters.map((r) => text(r.label))],
			rows
		}
	];
	if (template.signature.isIncluded && template.signature.signers.length > 0) {
		blocks.push({
			type: 'list',
			title: key('rollout.walk.plan.signers'),
			items: template.signature.signers.map((s) => text(s.label))
		});
	}
	return {
		id,
		kind: 'ratingPlan',
		title: key('rollout.walk.plan.title'),
		learningGoal: 'method',
		requiresAck: true,
		blocks,
		question: firstPointRatersQuestion(id, template)
	};
}

/** The example læringsbevis, and the example progressionsskema, of the same invented case. */
export function exampleSteps(template: Template): WalkthroughStep[] {
	const example = exampleCase(template);
	const { laeringsbevis, progression } = example;
	const person = example.header.find((h) =>
		template.headerFields.some((f) => f.id === h.fieldId && f.kind === 'person')
	);
	const bevisBlocks: Block[] = [
		{
			type: 'paragraph',
			text: key('rollout.walk.example.intro', { name: person?.value ?? '' })
		},
		{
			type: 'definitions',
			items: laeringsbevis.header.map((h) => ({ term: text(h.label), description: text(h.value) }))
		},
		...laeringsbevis.competences.map((area): Block => ({
			type: 'list',
			title: text(area.areaLabel),
			items: area.statements.map((s) => text(s.cvPhrase))
		})),
		...laeringsbevis.ownWords.map((words): Block => ({
			type: 'list',
			title: text(words.label),
			items: [text(words.text)]
		}))
	];
	if (laeringsbevis.nextStep) {
		bevisBlocks.push({
			type: 'paragraph',
			text: key('rollout.walk.example.nextStep', { text: laeringsbevis.nextStep.text })
		});
	}
	const columns = progression.columns.map((c) =>
		key('rollout.walk.example.column', { point: c.measurementPointLabel, rater: c.raterLabel })
	);
	const progressionBlocks: Block[] = [
		{ type: 'paragraph', text: key('rollout.walk.example.progressionIntro') },
		{
			type: 'table',
			caption: key('rollout.walk.example.progressionCaption', { name: person?.value ?? '' }),
			columns: [key('rollout.walk.example.statement'), ...columns],
			rows: progression.rows.map((row) => ({
				header: text(row.statementText),
				cells: row.cells.map((cell) =>
					cell.status === 'rated'
						? text(cell.levelLabel ?? '')
						: key(`rollout.walk.example.cell.${cell.status}`)
				)
			}))
		}
	];
	return [
		{
			id: 'example-laeringsbevis',
			kind: 'laeringsbevis',
			title: key('rollout.walk.example.laeringsbevisTitle'),
			learningGoal: 'knowledge',
			requiresAck: true,
			blocks: bevisBlocks,
			question: null
		},
		{
			id: 'example-progression',
			kind: 'progression',
			title: key('rollout.walk.example.progressionTitle'),
			learningGoal: 'method',
			requiresAck: true,
			blocks: progressionBlocks,
			question: null
		}
	];
}
