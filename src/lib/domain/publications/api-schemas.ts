/**
 * Shapes the publications API answers with (the library, one version's summary, a diff, a new
 * draft). A version's content itself is `publicationContentSchema` (content.ts), sent as the
 * exact canonical JSON its SHA-256 covers.
 */
import { z } from 'zod';
import { documentKindSchema, phaseSchema } from '../schemas.ts';
import { CHANGE_KINDS } from './diff-core.ts';

const timestampSchema = z.iso.datetime();

export const publicationSummarySchema = z.object({
	id: z.string(),
	/** 1, 2, … per workshop. */
	number: z.number().int().min(1),
	workshopId: z.string(),
	workshopTitle: z.string(),
	orgId: z.string(),
	note: z.string(),
	/** Who published it, with their name at the time. */
	publishedBy: z.object({ id: z.string(), name: z.string() }),
	publishedAt: timestampSchema,
	/** SHA-256 (hex) of the canonical JSON that `GET /api/v1/publications/{id}` answers with. */
	sha256: z.string().regex(/^[0-9a-f]{64}$/),
	/** Version of the content's JSON format. */
	format: z.number().int(),
	/** Shape versions of the documents the content was read from. */
	shapeVersions: z.object({ template: z.number().int(), drejebog: z.number().int() }),
	/** The workshop's newest version. */
	isLatest: z.boolean(),
	/** The version the municipality has in operation (marked on Dag 3). */
	isInOperation: z.boolean()
});
export type PublicationSummaryView = z.infer<typeof publicationSummarySchema>;

export const publicationListSchema = z.array(publicationSummarySchema);

export const versionChangeSchema = z.object({
	kind: z.enum(CHANGE_KINDS),
	/** What changed: `area`, `statement`, `level`, `ratingPlanCell`, `subGoal`, … */
	subject: z.string(),
	/** The change in words, in the requester's language. */
	message: z.string(),
	/** Ids from the content's root, e.g. `["template", "areas", "<areaId>"]`. */
	path: z.array(z.string()),
	/** For a changed text: its words, marked `same`, `added` (new) or `removed` (old). */
	words: z
		.array(z.object({ text: z.string(), change: z.enum(['same', 'added', 'removed']) }))
		.optional(),
	/** A rich text whose words are unchanged but whose formatting changed. */
	isFormattingOnly: z.boolean().optional()
});
export type VersionChangeView = z.infer<typeof versionChangeSchema>;

export const publicationDiffSchema = z.object({
	from: publicationSummarySchema,
	to: publicationSummarySchema,
	changes: z.array(versionChangeSchema)
});
export type PublicationDiffView = z.infer<typeof publicationDiffSchema>;

export const openedDraftSchema = z.object({
	id: z.string(),
	fromPublication: publicationSummarySchema,
	/** The workshop's new documents, filled with the version's content. */
	documents: z.array(z.object({ id: z.string(), kind: documentKindSchema })),
	phase: phaseSchema
});
export type OpenedDraftView = z.infer<typeof openedDraftSchema>;
