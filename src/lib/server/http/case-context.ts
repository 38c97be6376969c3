/**
 * The case context of a request (who acts, why, which request): what every function of the cases
 * module takes. One place, so the purpose header (issue 14) is read the same way everywhere.
 */
import type { RequestEvent } from '@sveltejs/kit';
import type { CaseContext } from '#lib/domain/cases/types.ts';
import { requireApiUser } from './api.ts';
import { requestPurpose } from '../privacy/purpose.ts';

/**
 * The context of an API request by a signed-in user, with the purpose from `X-Formvaerk-Purpose`
 * (or `?purpose=`), else the one this browser session stated for the case `params.id`.
 * @throws ApiFailure 401 without a session; ValidationError for a purpose that names none.
 */
export function apiCaseContext(
	event: Pick<RequestEvent, 'locals' | 'request' | 'url' | 'params'>
): CaseContext {
	const actor = requireApiUser(event.locals);
	const caseId = (event.params as { id?: string }).id ?? null;
	return { actor, requestId: event.locals.requestId, purpose: requestPurpose(event, caseId) };
}

/**
 * The context of an API request about a young person rather than one case (the access export):
 * the purpose comes only from `X-Formvaerk-Purpose` or `?purpose=`, as no case's session
 * purpose applies. @throws ApiFailure 401 without a session; ValidationError for a bad purpose.
 */
export function apiPersonContext(
	event: Pick<RequestEvent, 'locals' | 'request' | 'url'>
): CaseContext {
	const actor = requireApiUser(event.locals);
	return { actor, requestId: event.locals.requestId, purpose: requestPurpose(event, null) };
}
