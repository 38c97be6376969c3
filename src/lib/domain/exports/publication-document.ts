/**
 * A published version as one export document: a front page (version, who published it and when,
 * the change note, the contents), the blank læringsbevis, the CV phrases, the blank
 * progressionsskema and the drejebog (stage by stage, then "CV og Min Plan" and "Hurtig
 * reaktion"), each part on new pages. The PDF, the Word file and the print view all render this.
 * It takes the version's content as plain domain values (`Template`, `Drejebog`), so it prints
 * a published version's stored content and a draft's alike.
 */
import type { Drejebog } from '../drejebog/schemas.ts';
import type { Template } from '../template/schemas.ts';
import { heading, paragraph, plainList, type Block, type ExportDocument } from './blocks.ts';
import { cvPhrasesPart } from './cv-phrases-part.ts';
import { drejebogPart } from './drejebog-part.ts';
import { formatDanishDate, LABELS } from './labels.ts';
import { laeringsbevisFormPart } from './laeringsbevis-form.ts';
import { progressionFormPart } from './progression-form.ts';

/** What the exports print about a published version besides its content. */
export type PublicationMeta = {
	organisationName: string;
	workshopTitle: string;
	/** The version's number within its workshop (1, 2, …). */
	number: number;
	publishedAt: Date;
	/** The name of the facilitator who published it, or null when unknown. */
	publishedBy: string | null;
	/** The change note written when publishing; may be empty. */
	note: string;
};

/** The export document of the version of `template` and `drejebog` that `meta` describes. */
export function publicationDocument(
	template: Template,
	drejebog: Drejebog,
	meta: PublicationMeta
): ExportDocument {
	const parts = [
		laeringsbevisFormPart(template),
		cvPhrasesPart(template),
		progressionFormPart(template),
		drejebogPart(template, drejebog)
	].filter((part) => part !== null);
	const version = LABELS.version(meta.number);
	const front: Block[] = [
		paragraph(`${meta.workshopTitle} · ${meta.organisationName}`, 'lead'),
		paragraph(
			`${version}. ${LABELS.publishedOn(formatDanishDate(meta.publishedAt), meta.publishedBy)}`
		),
		...(meta.note.trim() === ''
			? []
			: [heading(2, LABELS.changeNote, false), paragraph(meta.note)]),
		heading(2, LABELS.contents, false),
		plainList(parts.map((part) => part.title))
	];
	return {
		title: template.title,
		subject: `${parts.map((part) => part.title).join(', ')} – ${version}`,
		author: meta.organisationName,
		keywords: [...parts.map((part) => part.title), meta.workshopTitle, version],
		orientation: 'portrait',
		language: 'da',
		createdAt: meta.publishedAt,
		front,
		parts,
		footer: `${template.title} · ${version}`
	};
}
