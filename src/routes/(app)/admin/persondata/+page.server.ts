import { auditQuerySchema } from '#lib/domain/privacy/audit.ts';
import { retentionSchema } from '#lib/domain/privacy/retention.ts';
import { fieldErrors } from '#lib/domain/schemas.ts';
import { AUDIT_PAGE, searchAudit } from '#lib/server/privacy/audit-log.ts';
import { retentionMonths, setRetentionMonths } from '#lib/server/privacy/retention-settings.ts';
import { lastRetentionRun } from '#lib/server/privacy/retention-job.ts';
import { adminOrg, formValues, requireUser } from '#lib/server/http/guards.ts';
import { actFor, invalidInput, isFailure } from '#lib/server/http/form-actions.ts';
import type { Actions, PageServerLoad } from './$types';

const SEARCH_KEYS = ['case', 'person', 'from', 'to'] as const;

export const load = (({ locals, url }) => {
	const user = requireUser(locals, url);
	const org = adminOrg(user, url);
	const values = Object.fromEntries(SEARCH_KEYS.map((k) => [k, url.searchParams.get(k) ?? '']));
	const filled = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
	const parsed = auditQuerySchema.safeParse(filled);
	const entries = parsed.success
		? searchAudit(user, { ...parsed.data, organisation: org.id }).entries
		: [];
	return {
		org,
		months: retentionMonths(org.id),
		lastRun: lastRetentionRun(),
		search: { values, fields: parsed.success ? {} : fieldErrors(parsed.error) },
		entries,
		isTruncated: entries.length >= AUDIT_PAGE,
		csvQuery: new URLSearchParams({ organisation: org.id, ...filled }).toString()
	};
}) satisfies PageServerLoad;

export const actions = {
	retention: async ({ request, locals, url }) => {
		const user = requireUser(locals, url);
		const org = adminOrg(user, url);
		const values = await formValues(request);
		const months = values.months?.trim() === '' ? Number.NaN : Number(values.months);
		const parsed = retentionSchema.safeParse({ months });
		if (!parsed.success) return invalidInput('retention', parsed.error, values);
		const result = await actFor('retention', () =>
			setRetentionMonths(user, org.id, parsed.data.months)
		);
		return isFailure(result) ? result : { form: 'retention', notice: 'privacy.admin.saved' };
	}
} satisfies Actions;
