/**
 * The publications part of the API table (`api-operations.ts` spreads it in): the version
 * library, one version's canonical JSON, the diff of two versions, publishing and opening a new
 * draft, and a version's PDF and Word exports.
 */
import { publishSchema } from '#lib/domain/publications/schemas.ts';
import { publicationContentSchema } from '#lib/domain/publications/content.ts';
import {
	openedDraftSchema,
	publicationDiffSchema,
	publicationListSchema,
	publicationSummarySchema
} from '#lib/domain/publications/api-schemas.ts';
import { EXPORT_CONTENT_TYPES } from '#lib/domain/exports/file-names.ts';
import type { ApiOperation } from './api-operations.ts';

const V1 = '/api/v1';

export const PUBLICATION_OPERATIONS: readonly ApiOperation[] = [
	{
		method: 'get',
		path: `${V1}/publications`,
		operationId: 'listPublications',
		summary:
			"The published versions of an organisation's workshops, newest first (everyone in the organisation)",
		tag: 'publications',
		query: [
			{
				name: 'organisation',
				description: 'The organisation (municipality) id, as in `GET /api/v1/me`',
				isRequired: true
			}
		],
		success: { status: 200, description: 'The versions', schema: publicationListSchema },
		errors: [400, 401, 404]
	},
	{
		method: 'get',
		path: `${V1}/publications/{id}`,
		operationId: 'getPublication',
		summary:
			"A version's content as canonical JSON: the exact bytes its `sha256` covers (also in the ETag and Repr-Digest headers)",
		tag: 'publications',
		success: { status: 200, description: 'The content', schema: publicationContentSchema },
		errors: [401, 404]
	},
	{
		method: 'get',
		path: `${V1}/publications/{id}.pdf`,
		operationId: 'getPublicationPdf',
		summary:
			'A version as a PDF: the blank læringsbevis, the CV phrases, the blank progressionsskema and the drejebog (tagged, A4, Danish, fonts embedded, bookmarks)',
		tag: 'publications',
		success: { status: 200, description: 'The PDF file', fileType: EXPORT_CONTENT_TYPES.pdf },
		errors: [401, 404]
	},
	{
		method: 'get',
		path: `${V1}/publications/{id}.docx`,
		operationId: 'getPublicationDocx',
		summary: 'A version as a Word file with the same content as its PDF',
		tag: 'publications',
		success: { status: 200, description: 'The Word file', fileType: EXPORT_CONTENT_TYPES.docx },
		errors: [401, 404]
	},
	{
		method: 'get',
		path: `${V1}/publications/{id}/diff/{otherId}`,
		operationId: 'diffPublications',
		summary:
			'What changed from version {id} to version {otherId} of the same workshop, as a change list',
		tag: 'publications',
		success: { status: 200, description: 'The changes', schema: publicationDiffSchema },
		errors: [400, 401, 404]
	},
	{
		method: 'post',
		path: `${V1}/workshops/{id}/publications`,
		operationId: 'publishVersion',
		summary:
			"Publish the workshop's template and drejebog as its next version, with a change note (facilitators)",
		tag: 'publications',
		request: {
			schema: publishSchema,
			example: { note: 'Første version til brug i jobcentret.' }
		},
		success: { status: 201, description: 'Published', schema: publicationSummarySchema },
		errors: [400, 401, 403, 404, 409, 413]
	},
	{
		method: 'post',
		path: `${V1}/workshops/{id}/drafts`,
		operationId: 'openDraft',
		summary:
			'Open a new draft from the latest version: new documents with its content, back to Dag 2 (facilitators)',
		tag: 'publications',
		success: { status: 201, description: 'The new draft', schema: openedDraftSchema },
		errors: [401, 403, 404, 409]
	}
];
