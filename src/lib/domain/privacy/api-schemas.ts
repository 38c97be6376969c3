/**
 * Response shapes of the privacy routes (audit log, retention, statistics, access export), for
 * the OpenAPI document and the views that build them.
 */
import { z } from 'zod';
import { AUDIT_ACTIONS } from './audit.ts';
import { PURPOSE_KINDS } from './purposes.ts';

/** One audit entry as JSON (times ISO 8601). */
export const auditEntrySchema = z.object({
	id: z.number().int(),
	at: z.string(),
	caseId: z.string().nullable(),
	youngPersonId: z.string().nullable(),
	action: z.enum(AUDIT_ACTIONS),
	actor: z.object({
		userId: z.string().nullable(),
		name: z.string().nullable(),
		role: z.string(),
		linkId: z.string().nullable()
	}),
	purpose: z.enum(PURPOSE_KINDS).nullable(),
	purposeText: z.string(),
	requestId: z.string(),
	detail: z.string()
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

/** A search of the log: the organisation searched and its entries, newest first. */
export const auditSearchSchema = z.object({
	organisation: z.string(),
	entries: z.array(auditEntrySchema),
	/** True when more entries matched than were returned (the CSV has them all). */
	isTruncated: z.boolean()
});

/** The retention period after a change. */
export const retentionViewSchema = z.object({ organisation: z.string(), months: z.number().int() });

const figure = z.number().nullable();

/** The statistics of one version (null figures are hidden: "< 5"). */
export const statisticsSchema = z.object({
	publicationId: z.string(),
	workshopTitle: z.string(),
	versionNumber: z.number().int(),
	targetGroup: z.string().nullable(),
	minimum: z.number().int(),
	/** Why figures are hidden (in the requester's language), or null when all are shown. */
	notice: z.string().nullable(),
	youngPeople: figure,
	points: z.array(z.object({ id: z.string(), label: z.string() })),
	casesByStage: z.array(z.object({ stage: z.string(), cases: figure })),
	progression: z.array(
		z.object({ areaId: z.string(), label: z.string(), youngPeople: figure, movedUpShare: figure })
	),
	levels: z.array(
		z.object({
			pointId: z.string(),
			pointLabel: z.string(),
			areaId: z.string(),
			areaLabel: z.string(),
			counts: z.array(z.object({ levelId: z.string(), label: z.string(), youngPeople: figure }))
		})
	),
	nextSteps: z.array(z.object({ kind: z.string(), youngPeople: figure }))
});
