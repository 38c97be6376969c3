/**
 * Turns a starter (as written in its JSON file) into a complete template. Item ids are derived
 * from the starter id and the item's position, so two people who start the same blank document
 * from the same starter at the same moment write the same keys and end with one copy, not two.
 */
import {
	DEFAULT_FREE_TEXT_SECTIONS,
	DEFAULT_HEADER_FIELDS,
	DEFAULT_MEASUREMENT_POINTS,
	DEFAULT_RATERS,
	DEFAULT_SIGNATURE
} from './defaults.ts';
import { toRichText } from './rich-text.ts';
import type { Scale, Template } from './schemas.ts';
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

/** The template a starter describes, with the defaults filled in and deterministic ids. */
export function starterToTemplate(starter: StarterTemplate): Template {
	const p = starter.id;
	const raterLabels = starter.raters ?? DEFAULT_RATERS;
	const raters = raterLabels.map((label, index) => ({ id: `${p}-r${index + 1}`, label }));
	const signature = starter.signature ?? DEFAULT_SIGNATURE;
	let statementCount = 0;
	return {
		title: starter.title,
		starterId: starter.id,
		headerFields: (starter.headerFields ?? DEFAULT_HEADER_FIELDS).map((field, index) => ({
			id: `${p}-h${index + 1}`,
			...field
		})),
		areas: starter.areas.map((area, areaIndex) => {
			const areaId = `${p}-a${areaIndex + 1}`;
			return {
				id: areaId,
				label: area.label,
				scale: toScale(area.scale ?? starter.scale, areaId),
				statements: area.statements.map((statement) => {
					// Statement ids run across areas so that a moved statement keeps a unique id.
					const id = `${p}-s${++statementCount}`;
					return {
						id,
						text: statement.text,
						kind: statement.kind,
						description: toRichText(statement.description),
						scale: statement.scale ? toScale(statement.scale, id) : null
					};
				})
			};
		}),
		measurementPoints: (starter.measurementPoints ?? DEFAULT_MEASUREMENT_POINTS).map(
			(label, index) => ({ id: `${p}-m${index + 1}`, label })
		),
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
				.filter((rater) => signature.signers.includes(rater.label))
				.map((rater) => rater.id)
		}
	};
}
