/**
 * Helpers for pages with several forms (the workshop page has invite, revoke and remove): every
 * result carries the name of the form it belongs to, so the page shows messages next to it.
 */
import { fail, isActionFailure, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import {
	ConflictError,
	ForbiddenError,
	isDomainError,
	NotFoundError,
	ValidationError,
	type FieldErrors
} from '#lib/domain/errors.ts';
import { fieldErrors } from '#lib/domain/schemas.ts';

/** A reason in a failure's list (e.g. what keeps the template from Dag 2): an i18n key and values. */
export type FailureProblem = {
	code: string;
	path: string[];
	messageKey: string;
	params: Record<string, string | number>;
};

/** What a failed form action returns; `message`, `fields` and `problems` hold i18n keys. */
export type TaggedFailure = {
	form: string;
	message?: string;
	fields?: FieldErrors;
	problems?: FailureProblem[];
	values?: Record<string, string>;
};

/** A 400 for input that fails its schema, with the field messages and the values to re-fill. */
export function invalidInput(
	form: string,
	zodError: z.ZodError,
	values: Record<string, string> = {}
): ActionFailure<TaggedFailure> {
	return fail(400, { form, fields: fieldErrors(zodError), values });
}

/**
 * Runs one domain call for the form `form`. Expected domain errors become a failure with a
 * translatable message; anything else propagates to `handleError`.
 */
export async function actFor<T>(
	form: string,
	fn: () => T | Promise<T>,
	values: Record<string, string> = {}
): Promise<T | ActionFailure<TaggedFailure>> {
	try {
		return await fn();
	} catch (e) {
		if (!isDomainError(e)) throw e;
		const problems = e instanceof ConflictError && e.problems.length > 0 ? e.problems : undefined;
		return fail(e.status, { form, message: messageKey(e), fields: fieldsOf(e), problems, values });
	}
}

/** Validation and conflict messages are already i18n keys; the others name only the resource. */
function messageKey(e: Error): string {
	if (e instanceof ForbiddenError) return 'error.forbidden';
	if (e instanceof NotFoundError) return 'error.notFound';
	if (isDomainError(e) && (e.status === 400 || e.status === 409)) return e.message;
	return 'error.unexpected';
}

function fieldsOf(e: Error): FieldErrors | undefined {
	return e instanceof ValidationError && Object.keys(e.fields).length > 0 ? e.fields : undefined;
}

/** True when a form action's domain call failed (narrows `actFor`'s result). */
export function isFailure<T>(
	result: T | ActionFailure<TaggedFailure>
): result is ActionFailure<TaggedFailure> {
	return isActionFailure(result);
}

/** A hidden id field that is not one of ours (tampered or stale): answered like a missing record. */
export function unknownReference(form: string): ActionFailure<TaggedFailure> {
	return fail(404, { form, message: 'error.notFound' });
}
