/**
 * The two outputs of one young person's case as export documents. The læringsbevis says what
 * they can here and now: the statements reached, as CV phrases, the goal and what was achieved,
 * hours and tasks at the end, their own words, the next step and the signatures; what was not
 * reached is simply not there. Which statements are reached is the drejebog's "CV og Min Plan"
 * rule (`applyCvPlan`), the same rule that gives the young person's CV phrases for Jobnet; the
 * rest comes from the template's description (`describeLaeringsbevis`). The progressionsskema
 * holds every rating over time, for staff (`describeProgression`).
 */
import { applyCvPlan } from '../drejebog/cv-plan.ts';
import type { CvPlan } from '../drejebog/schemas.ts';
import type { CaseData } from '../template/case-data.ts';
import { describeLaeringsbevis } from '../template/laeringsbevis.ts';
import { describeProgression } from '../template/progression.ts';
import type { Template } from '../template/schemas.ts';
import { inSentence } from '../text.ts';
import {
	fieldsTable,
	heading,
	paragraph,
	plainList,
	type Block,
	type ExportDocument,
	type ExportPart
} from './blocks.ts';
import { formatDanishDate, LABELS, NEXT_STEP_LABELS } from './labels.ts';
import { signatureBlocks } from './laeringsbevis-form.ts';
import { progressionParts } from './case-progression.ts';

/** What the case outputs print besides the case: where they come from and who has signed. */
export type CaseOutputMeta = {
	organisationName: string;
	/** The number of the published version the case uses. */
	versionNumber: number;
	/** When the output was made. */
	createdAt: Date;
	/** The signers who have confirmed the læringsbevis, by the template's signer id. */
	signatures: { signerId: string; name: string; signedAt: Date }[];
};

/** The young person's name: the value of the template's first person field, or "". */
export function youngPersonName(template: Template, caseData: CaseData): string {
	const field = template.headerFields.find((f) => f.kind === 'person');
	return caseData.header.find((h) => h.fieldId === field?.id)?.value.trim() ?? '';
}

function part(id: string, title: string, blocks: Block[]): ExportPart[] {
	return blocks.length === 0 ? [] : [{ id, title, breakBefore: false, blocks }];
}

function caseDocument(
	template: Template,
	caseData: CaseData,
	meta: CaseOutputMeta,
	o: {
		kind: string;
		title: string;
		intro: string;
		parts: ExportPart[];
		orientation: ExportDocument['orientation'];
	}
): ExportDocument {
	const name = youngPersonName(template, caseData);
	const title = name === '' ? o.title : `${o.title} – ${name}`;
	const header = template.headerFields
		.map((field) => ({
			label: field.label,
			value: caseData.header.find((h) => h.fieldId === field.id)?.value.trim() ?? ''
		}))
		.filter((field) => field.value !== '');
	return {
		title,
		subject: `${o.kind} · ${LABELS.version(meta.versionNumber)}`,
		author: meta.organisationName,
		keywords: [o.kind, ...(name === '' ? [] : [name])],
		orientation: o.orientation,
		language: 'da',
		createdAt: meta.createdAt,
		front: [
			...(o.title === template.title ? [] : [paragraph(template.title, 'lead')]),
			paragraph(o.intro),
			...(header.length > 0 ? [fieldsTable(header)] : [])
		],
		parts: o.parts,
		footer: `${title} · ${meta.organisationName}`
	};
}

/**
 * The CV phrases `plan` gives `caseData`, per area in template order (areas with none left out).
 */
export function reachedByArea(
	plan: CvPlan,
	template: Template,
	caseData: CaseData
): { areaLabel: string; cvPhrases: string[] }[] {
	const phrases = new Map(applyCvPlan(plan, template, caseData).cv.map((c) => [c.statementId, c]));
	return template.areas.flatMap((area) => {
		const cvPhrases = area.statements.flatMap((statement) => {
			const phrase = phrases.get(statement.id)?.cvPhrase ?? '';
			return phrase === '' ? [] : [phrase];
		});
		return cvPhrases.length === 0 ? [] : [{ areaLabel: area.label, cvPhrases }];
	});
}

/**
 * The læringsbevis of a case, "kan her og nu" (see the module comment); `drejebog` is the case's
 * version's, of which only the "CV og Min Plan" rule is read.
 */
export function caseLaeringsbevisDocument(
	template: Template,
	drejebog: { cvPlan: CvPlan },
	caseData: CaseData,
	meta: CaseOutputMeta
): ExportDocument {
	const bevis = describeLaeringsbevis(template, caseData);
	const signed = new Map(
		meta.signatures.map((s) => [s.signerId, { name: s.name, at: formatDanishDate(s.signedAt) }])
	);
	const measures = [
		...(bevis.hoursPerWeek
			? [
					paragraph(
						LABELS.hoursAt(
							bevis.hoursPerWeek.hours,
							inSentence(bevis.hoursPerWeek.measurementPointLabel)
						)
					)
				]
			: []),
		...(bevis.tasks ? [paragraph(`${LABELS.tasks}: ${bevis.tasks.text}`)] : [])
	];
	const parts = [
		...part('goal', LABELS.goalAndAchieved, [
			...(bevis.goal ? [heading(2, bevis.goal.label, false), paragraph(bevis.goal.text)] : []),
			...(bevis.achievedSubGoals.length > 0
				? [
						heading(2, LABELS.achievedSubGoals, false),
						plainList(bevis.achievedSubGoals.map((subGoal) => subGoal.text))
					]
				: [])
		]),
		...part('competences', LABELS.reached, [
			...reachedByArea(drejebog.cvPlan, template, caseData).flatMap((area) => [
				heading(2, area.areaLabel),
				plainList(area.cvPhrases)
			]),
			...(measures.length > 0 ? [heading(2, LABELS.hoursAndTasks), ...measures] : [])
		]),
		...part(
			'own-words',
			LABELS.ownWords,
			bevis.ownWords.flatMap((section) => [
				heading(2, section.label, false),
				paragraph(section.text)
			])
		),
		...part(
			'next-step',
			LABELS.nextStep,
			bevis.nextStep
				? [
						{
							kind: 'paragraph',
							tone: 'normal',
							runs: [
								...(bevis.nextStep.kind
									? [{ text: `${NEXT_STEP_LABELS[bevis.nextStep.kind]}. `, bold: true }]
									: []),
								{ text: bevis.nextStep.text }
							]
						}
					]
				: []
		),
		...part(
			'signatures',
			LABELS.signatures,
			signatureBlocks(template, {
				signed,
				names: new Map(
					(bevis.signature?.signers ?? []).flatMap((s) => (s.name ? [[s.signerId, s.name]] : []))
				)
			})
		)
	];
	return caseDocument(template, caseData, meta, {
		kind: LABELS.laeringsbevis,
		title: template.title,
		intro: LABELS.caseLaeringsbevisIntro,
		parts,
		orientation: 'portrait'
	});
}

/** The progressionsskema of a case: every rating over time, hours, tasks and sub-goals. */
export function caseProgressionDocument(
	template: Template,
	caseData: CaseData,
	meta: CaseOutputMeta
): ExportDocument {
	return caseDocument(template, caseData, meta, {
		kind: LABELS.progressionsskema,
		title: LABELS.progressionsskema,
		intro: LABELS.progressionCaseIntro,
		parts: progressionParts(template, describeProgression(template, caseData)),
		// Every rater at every point is a column: the table needs the width of a lying page.
		orientation: 'landscape'
	});
}
