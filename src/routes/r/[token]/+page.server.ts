import { error, fail, redirect } from '@sveltejs/kit';
import { openCaseLink, signThroughLink, submitCaseLink } from '#lib/server/cases/index.ts';
import { linkRefusal } from '#lib/server/cases/ui-link.ts';
import { parseRatingForm } from '#lib/server/cases/ui-forms.ts';
import { fieldErrors } from '#lib/domain/schemas.ts';
import { linkSignatureSchema } from '#lib/domain/cases/schemas.ts';
import { isDomainError } from '#lib/domain/errors.ts';
import type { RatingArea } from '#lib/components/cases/rating-fields.ts';
import type { CaseLinkOpened } from '#lib/domain/cases/types.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/**
 * A rating or signing link for someone without an account (the young person, the company
 * mentor, a signer). Public: outside the (app) group, so no session is needed. The page shows
 * only what the cases module opens for the token; a refused link explains itself with its status.
 */
function open(event: RequestEvent): CaseLinkOpened {
	try {
		return openCaseLink(request(event), event.params.token);
	} catch (e) {
		const refusal = linkRefusal(e);
		if (refusal) error(refusal.status, `casePages.link.reason.${refusal.reason}`);
		throw e;
	}
}

function request(event: RequestEvent) {
	const { requestId, audit } = event.locals;
	return { requestId, address: event.getClientAddress(), audit };
}

/** The link's statements grouped by area, in the order the module gives them. */
function areasOf(opened: CaseLinkOpened): RatingArea[] {
	const areas: RatingArea[] = [];
	for (const s of opened.statements) {
		let area = areas.at(-1);
		if (area?.areaLabel !== s.areaLabel) {
			area = { areaId: `area-${areas.length}`, areaLabel: s.areaLabel, statements: [] };
			areas.push(area);
		}
		area.statements.push({
			statementId: s.id,
			text: s.text,
			levels: s.levels.map((l) => ({ levelId: l.id, label: l.label }))
		});
	}
	return areas;
}

export const load = ((event) => {
	const opened = open(event);
	// A bearer secret's page: never kept by a shared browser's cache or a proxy.
	event.setHeaders({ 'cache-control': 'no-store' });
	return {
		kind: opened.kind,
		firstName: opened.youngPersonFirstName,
		company: opened.company,
		organisationName: opened.organisationName,
		rater: opened.rater?.label ?? null,
		point: opened.point?.label ?? null,
		signer: opened.signer?.label ?? null,
		signatureText: opened.signatureText,
		expiresAt: opened.expiresAt,
		areas: areasOf(opened)
	};
}) satisfies PageServerLoad;

/** Runs a link's one write; refusals become the page's explanation, field errors a 400. */
function submit(event: RequestEvent, write: () => void) {
	try {
		write();
	} catch (e) {
		const refusal = linkRefusal(e);
		if (refusal) error(refusal.status, `casePages.link.reason.${refusal.reason}`);
		if (isDomainError(e) && e.status === 400) {
			const fields = 'fields' in e ? (e.fields as Record<string, string>) : {};
			return fail(400, { message: e.message, fields });
		}
		throw e;
	}
	redirect(303, `/r/tak`);
}

export const actions = {
	rate: async (event) => {
		const areas = areasOf(open(event));
		const parsed = parseRatingForm(await event.request.formData(), areas, true);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, answers: parsed.values });
		return submit(event, () =>
			submitCaseLink(request(event), event.params.token, { answers: parsed.answers })
		);
	},
	sign: async (event) => {
		open(event);
		const name = (await event.request.formData()).get('name');
		const values = { name: typeof name === 'string' ? name : '' };
		const parsed = linkSignatureSchema.safeParse(values);
		if (!parsed.success) return fail(400, { fields: fieldErrors(parsed.error), values });
		const { name: signedName } = parsed.data;
		return submit(event, () => signThroughLink(request(event), event.params.token, signedName));
	}
} satisfies Actions;
