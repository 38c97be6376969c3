/**
 * Exports of published versions for the people who may read them: everyone in the version's
 * organisation (the same rule as reading the version, checked by `getPublication`).
 */
import type { ExportDocument } from '#lib/domain/exports/blocks.ts';
import type { ExportFormat } from '#lib/domain/exports/file-names.ts';
import {
	publicationDocument,
	type PublicationMeta
} from '#lib/domain/exports/publication-document.ts';
import type { Actor } from '#lib/domain/permissions.ts';
import { getPublication } from '../publications/publications.ts';
import type { PublicationSummary } from '../publications/publication-rows.ts';
import { publicationExport, type ExportFile } from './render.ts';

function metaOf(summary: PublicationSummary): PublicationMeta {
	return {
		organisationName: summary.organisationName,
		workshopTitle: summary.workshopTitle,
		number: summary.number,
		publishedAt: new Date(summary.publishedAt),
		publishedBy: summary.publishedBy.name,
		note: summary.note
	};
}

/**
 * A published version as a PDF or Word file.
 * @throws NotFoundError when the version is unknown or of another municipality.
 */
export function exportPublicationFile(
	actor: Actor,
	id: string,
	format: ExportFormat
): Promise<ExportFile> {
	const { summary, content } = getPublication(actor, id);
	return publicationExport(content.template, content.drejebog, metaOf(summary), format);
}

/**
 * A published version as the document its print view shows.
 * @throws NotFoundError when the version is unknown or of another municipality.
 */
export function publicationPrintDocument(actor: Actor, id: string): ExportDocument {
	const { summary, content } = getPublication(actor, id);
	return publicationDocument(content.template, content.drejebog, metaOf(summary));
}
