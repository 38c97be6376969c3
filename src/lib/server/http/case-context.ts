/**
 * The case context of a request (who acts, why, which request): what every function of the cases
 * module takes. One place, so the purpose header (issue 14) is read the same way everywhere.
 */
import type { RequestEvent } from '@sveltejs/kit';
import type { CaseContext } from '#lib/domain/cases/types.ts';
import { requireApiUser } from './api.ts';

/** The context of an API request by a signed-in user. @throws ApiFailure 401 without a session. */
export function apiCaseContext(event: Pick<RequestEvent, 'locals' | 'request'>): CaseContext {
	return { actor: requireApiUser(event.locals), requestId: event.locals.requestId, purpose: null };
}
