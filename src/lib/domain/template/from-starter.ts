/**
 * Turns a starter (as written in its JSON file) into a complete template. Item ids are derived
 * from the starter id and the item's position, so two people who start the same blank document
 * from the same starter at the same moment write the same keys and end with one copy, not two.
 */
import {
	DEFAULT_FREE_TEXT_SECTIONS,
	DEFAULT_HEADER_FIELDS,
	DEFAULT_MEASUREMENT_POINTS,
	DEFAULT_PROGRESSION_MEASURES,
	DEFAULT_RATERS,
	DEFAULT_SIGNATURE
} from './defaults.ts';
import { starterGoals, starterRatingPlan, starterSigners } from './from-starter-plan.ts';
import { toRichText } from './rich-text.ts';
import type { CompetenceArea, Scale, Template } from './schemas.ts';
import type { StarterScale, StarterTemplate } from './starter-schema.ts';

function toScale(scale: StarterScale, idPrefix: string): Scale {
	return {
		levels: scale.levels.map((level, index) => ({
			id: `${idPrefix}-l${index + 1}`,
			label: level.label,
			descriptor: toRichText(level.descriptor)
		}))
	};
}

function toAreas(starter: StarterTemplate): CompetenceArea[] {
	const p = starter.id;
	let statementCount = 0;
	return starter.areas.map((area, areaIndex) => {
		const areaId = `${p}-a${areaIndex + 1}`;
		return {
			id: areaId,
			label: area.label,
			category: area.category,
			scale: toScale(area.scale ?? starter.scale, areaId),
			statements: area.statements.map((statement) => {
				// Statement ids run across areas so that a moved statement keeps a unique id.
				const id = `${p}-s${++statementCount}`;
				return {
					id,
					text: statement.text,
					kind: statement.kind,
					cvPhrase: statement.cvPhrase,
					description: toRichText(statement.description),
					scale: statement.scale ? toScale(statement.scale, id) : null
				};
			})
		};
	});
}

/** The template a starter describes, with the defaults filled in and deterministic ids. */
export function starterToTemplate(starter: StarterTemplate): Template {
	const p = starter.id;
	const raterLabels = starter.raters ?? DEFAULT_RATERS;
	const raters = raterLabels.map((label, index) => ({ id: `${p}-r${index + 1}`, label }));
	const measurementPoints = (starter.measurementPoints ?? DEFAULT_MEASUREMENT_POINTS).map(
		(point, index) => ({ id: `${p}-m${index + 1}`, label: point.label, timing: point.timing })
	);
	const areas = toAreas(starter);
	const built = { areas, measurementPoints, raters };
	const signature = starter.signature ?? DEFAULT_SIGNATURE;
	const signers = starterSigners(starter, built);
	return {
		title: starter.title,
		starterId: starter.id,
		headerFields: (starter.headerFields ?? DEFAULT_HEADER_FIELDS).map((field, index) => ({
			id: `${p}-h${index + 1}`,
			...field
		})),
		areas,
		measurementPoints,
		raters,
		freeTextSections: (starter.freeTextSections ?? DEFAULT_FREE_TEXT_SECTIONS).map(
			(section, index) => ({
				id: `${p}-f${index + 1}`,
				label: section.label,
				guidance: toRichText(section.guidance)
			})
		),
		signature: {
			isIncluded: signature.isIncluded,
			text: signature.text,
			signerRaterIds: raters
				.filter((rater) => signers.some((signer) => signer.raterId === rater.id))
				.map((rater) => rater.id),
			signers
		},
		ratingPlan: starterRatingPlan(starter, built),
		goals: starterGoals(starter, built),
		progressionMeasures: starter.progressionMeasures ?? DEFAULT_PROGRESSION_MEASURES
	};
}
