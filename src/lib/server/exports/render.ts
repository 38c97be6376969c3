/**
 * The exports as files: pure functions from plain data (a published version's content, or a
 * case on its template) to the bytes of a PDF or Word file, with the file's Danish name. No
 * database access and no access rules here: the caller has read the data through a server
 * function that asked `can()`.
 */
import {
	caseLaeringsbevisDocument,
	caseProgressionDocument,
	youngPersonName,
	type CaseOutputMeta
} from '#lib/domain/exports/case-documents.ts';
import {
	caseFileName,
	EXPORT_CONTENT_TYPES,
	publicationFileName,
	type ExportFormat
} from '#lib/domain/exports/file-names.ts';
import {
	publicationDocument,
	type PublicationMeta
} from '#lib/domain/exports/publication-document.ts';
import type { CvPlan, Drejebog } from '#lib/domain/drejebog/schemas.ts';
import type { CaseData } from '#lib/domain/template/case-data.ts';
import type { Template } from '#lib/domain/template/schemas.ts';
import type { ExportDocument } from '#lib/domain/exports/blocks.ts';
import { writeDocx } from './docx-writer.ts';
import { writePdf } from './pdf-writer.ts';

export type { CaseOutputMeta, PublicationMeta, ExportFormat };

/** A file to send: its bytes, its media type and its Danish name. */
export type ExportFile = { bytes: Uint8Array; contentType: string; fileName: string };

const CONTENT_TYPES = EXPORT_CONTENT_TYPES;

function write(document: ExportDocument, format: ExportFormat): Promise<Uint8Array> {
	return format === 'pdf' ? writePdf(document) : writeDocx(document);
}

/**
 * A published version (its template and drejebog, as the version stores them) as a PDF: the
 * blank læringsbevis, the CV phrases, the blank progressionsskema and the drejebog, tagged, A4,
 * fonts embedded, language Danish, with bookmarks.
 */
export function renderPublicationPdf(
	template: Template,
	drejebog: Drejebog,
	meta: PublicationMeta
): Promise<Uint8Array> {
	return writePdf(publicationDocument(template, drejebog, meta));
}

/** A published version as a Word file with the same content as the PDF. */
export function renderPublicationDocx(
	template: Template,
	drejebog: Drejebog,
	meta: PublicationMeta
): Promise<Uint8Array> {
	return writeDocx(publicationDocument(template, drejebog, meta));
}

/** A published version's export in `format`, named "Læringsbevis-<organisation>-version-<n>". */
export async function publicationExport(
	template: Template,
	drejebog: Drejebog,
	meta: PublicationMeta,
	format: ExportFormat
): Promise<ExportFile> {
	return {
		bytes: await write(publicationDocument(template, drejebog, meta), format),
		contentType: CONTENT_TYPES[format],
		fileName: publicationFileName(meta, format)
	};
}

/**
 * A young person's læringsbevis as a PDF: what they can here and now (the statements the
 * drejebog's "CV og Min Plan" rule turns into CV phrases), the goal and what was achieved, their
 * own words, the next step, signatures. `drejebog` is the case's version's (only its rule is read).
 */
export function renderCaseLaeringsbevisPdf(
	template: Template,
	drejebog: { cvPlan: CvPlan },
	caseData: CaseData,
	meta: CaseOutputMeta
): Promise<Uint8Array> {
	return writePdf(caseLaeringsbevisDocument(template, drejebog, caseData, meta));
}

/** A young person's progressionsskema as a PDF: every rating over time, hours, tasks, sub-goals. */
export function renderCaseProgressionPdf(
	template: Template,
	caseData: CaseData,
	meta: CaseOutputMeta
): Promise<Uint8Array> {
	return writePdf(caseProgressionDocument(template, caseData, meta));
}

/**
 * A case's læringsbevis or progressionsskema PDF, named after the young person; `template` and
 * `drejebog` are those of the version the case uses.
 */
export async function caseExport(
	kind: 'laeringsbevis' | 'progressionsskema',
	template: Template,
	drejebog: { cvPlan: CvPlan },
	caseData: CaseData,
	meta: CaseOutputMeta
): Promise<ExportFile> {
	const bytes =
		kind === 'laeringsbevis'
			? await renderCaseLaeringsbevisPdf(template, drejebog, caseData, meta)
			: await renderCaseProgressionPdf(template, caseData, meta);
	return {
		bytes,
		contentType: CONTENT_TYPES.pdf,
		fileName: caseFileName(kind, youngPersonName(template, caseData), 'pdf')
	};
}
