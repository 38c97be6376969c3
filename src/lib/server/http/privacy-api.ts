/**
 * Reading the privacy routes' query strings and turning the privacy module's records into JSON.
 */
import { auditQuerySchema, type AuditEntry, type AuditQuery } from '#lib/domain/privacy/audit.ts';
import type { AuditEntryView } from '#lib/domain/privacy/api-schemas.ts';
import {
	statisticsQuerySchema,
	type StatisticsQuery
} from '#lib/domain/privacy/statistics-view.ts';
import { fieldErrors } from '#lib/domain/schemas.ts';
import { ApiFailure } from './api.ts';

/** The audit search from a URL's query. @throws ApiFailure 400 naming the wrong fields. */
export function auditQueryFrom(url: URL): AuditQuery {
	const keys = ['organisation', 'case', 'person', 'youngPerson', 'from', 'to'];
	const raw = Object.fromEntries(
		keys.flatMap((key) => {
			const value = url.searchParams.get(key);
			return value === null || value === '' ? [] : [[key, value]];
		})
	);
	const parsed = auditQuerySchema.safeParse(raw);
	if (!parsed.success) {
		throw new ApiFailure(400, 'invalid', 'api.error.invalid', {
			fields: fieldErrors(parsed.error)
		});
	}
	return parsed.data;
}

/** One audit entry as the API shows it. */
export function auditEntryView(entry: AuditEntry): AuditEntryView {
	return { ...entry, at: new Date(entry.at).toISOString() };
}

/** The statistics query from a URL. @throws ApiFailure 400 naming the wrong fields. */
export function statisticsQueryFrom(url: URL): StatisticsQuery {
	const targetGroup = url.searchParams.get('targetGroup');
	const parsed = statisticsQuerySchema.safeParse({
		publication: url.searchParams.get('publication') ?? '',
		targetGroup: targetGroup === '' ? null : targetGroup
	});
	if (!parsed.success) {
		throw new ApiFailure(400, 'invalid', 'api.error.invalid', {
			fields: fieldErrors(parsed.error)
		});
	}
	return parsed.data;
}
