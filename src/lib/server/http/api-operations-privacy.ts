/**
 * The privacy part of the API table (`api-operations.ts` spreads it in): the audit log and its
 * CSV, the retention period, and (with the cases) the statistics and a young person's access
 * export.
 */
import { retentionSchema } from '#lib/domain/privacy/retention.ts';
import {
	auditSearchSchema,
	retentionViewSchema,
	statisticsSchema
} from '#lib/domain/privacy/api-schemas.ts';
import type { ApiOperation } from './api-operations.ts';

const V1 = '/api/v1';

const AUDIT_QUERY: ApiOperation['query'] = [
	{
		name: 'organisation',
		description:
			'The organisation whose log to search; may be left out by the administrator of one',
		isRequired: false
	},
	{ name: 'case', description: 'Only entries about this case', isRequired: false },
	{ name: 'person', description: 'Only entries by this staff user id', isRequired: false },
	{ name: 'youngPerson', description: 'Only entries about this young person', isRequired: false },
	{ name: 'from', description: 'From this Danish date (YYYY-MM-DD), inclusive', isRequired: false },
	{ name: 'to', description: 'To this Danish date (YYYY-MM-DD), inclusive', isRequired: false }
];

const STATISTICS_QUERY: ApiOperation['query'] = [
	{ name: 'publication', description: 'The version (publication id)', isRequired: true },
	{
		name: 'targetGroup',
		description: 'uddannelsesparat or aktivitetsparat; empty or left out for every young person',
		isRequired: false
	}
];

export const PRIVACY_OPERATIONS: readonly ApiOperation[] = [
	{
		method: 'get',
		path: `${V1}/statistics`,
		operationId: 'getStatistics',
		summary:
			'A version\'s progression statistics; every figure from fewer than five young people is null ("< 5") (team leads and administrators)',
		tag: 'privacy',
		query: STATISTICS_QUERY,
		success: { status: 200, description: 'The statistics', schema: statisticsSchema },
		errors: [400, 401, 403, 404]
	},
	{
		method: 'get',
		path: `${V1}/statistics.csv`,
		operationId: 'getStatisticsCsv',
		summary: 'The same statistics as CSV, "< 5" where hidden (team leads and administrators)',
		tag: 'privacy',
		query: STATISTICS_QUERY,
		success: { status: 200, description: 'The CSV file', fileType: 'text/csv' },
		errors: [400, 401, 403, 404]
	},
	{
		method: 'get',
		path: `${V1}/audit`,
		operationId: 'searchAudit',
		summary:
			"Search the organisation's audit log of case access, newest first, at most 500 entries (administrators)",
		tag: 'privacy',
		query: AUDIT_QUERY,
		success: { status: 200, description: 'The entries', schema: auditSearchSchema },
		errors: [400, 401, 403]
	},
	{
		method: 'get',
		path: `${V1}/audit.csv`,
		operationId: 'searchAuditCsv',
		summary: 'The same search as CSV with every matching entry (administrators)',
		tag: 'privacy',
		query: AUDIT_QUERY,
		success: { status: 200, description: 'The CSV file', fileType: 'text/csv' },
		errors: [400, 401, 403]
	},
	{
		method: 'get',
		path: `${V1}/young-people/{id}/export`,
		operationId: 'exportYoungPerson',
		summary:
			'Everything held about one young person (their access request, indsigt) as a ZIP: person.json, a folder per case with case.json and both PDFs, adgangslog.json and LAES-MIG.txt; one export entry per case in the audit log. Needs a purpose (X-Formvaerk-Purpose or ?purpose=) (administrators)',
		tag: 'privacy',
		query: [
			{
				name: 'purpose',
				description: 'The purpose, when not sent as X-Formvaerk-Purpose',
				isRequired: false
			}
		],
		success: { status: 200, description: 'The ZIP file', fileType: 'application/zip' },
		errors: [400, 401, 403, 404, 428]
	},
	{
		method: 'put',
		path: `${V1}/organisations/{id}/retention`,
		operationId: 'setRetention',
		summary:
			'How many months closed cases are kept before the retention job deletes them, 1 to 120 (administrators)',
		tag: 'privacy',
		request: { schema: retentionSchema, example: { months: 12 } },
		success: { status: 200, description: 'The new period', schema: retentionViewSchema },
		errors: [400, 401, 403, 413]
	}
];
