/**
 * Expected errors thrown by domain and server code. Routes map them to HTTP statuses; anything
 * else is unexpected and reaches `handleError`, which logs it and returns a safe message.
 */

/** Field name → Danish message key; used to re-render forms and to fill `error.fields` in the API. */
export type FieldErrors = Record<string, string>;

/** The thing asked for does not exist, or the actor may not know that it exists. */
export class NotFoundError extends Error {
	readonly code = 'not_found';
	readonly status = 404;
}

/** The actor is known but the role does not allow the action. */
export class ForbiddenError extends Error {
	readonly code = 'forbidden';
	readonly status = 403;
}

/** Input breaks a rule; `fields` names the offending fields with message keys. */
export class ValidationError extends Error {
	readonly code = 'invalid';
	readonly status = 400;
	readonly fields: FieldErrors;
	constructor(message: string, fields: FieldErrors = {}) {
		super(message);
		this.fields = fields;
	}
}

/**
 * One reason behind a refusal that has several (e.g. why a template is not ready yet): a stable
 * code, where it is (ids from the root), and an i18n key with its values.
 */
export type ErrorProblem = {
	code: string;
	path: string[];
	messageKey: string;
	params: Record<string, string | number>;
};

/**
 * The request conflicts with current state (e.g. an invitation already used). `problems` lists
 * every reason when there are several, so the person can fix them all at once.
 */
export class ConflictError extends Error {
	readonly code: string;
	readonly status = 409;
	readonly problems: ErrorProblem[];
	constructor(code: string, message: string, problems: ErrorProblem[] = []) {
		super(message);
		this.code = code;
		this.problems = problems;
	}
}

/** Too many attempts; `retryAfterSeconds` tells the client when to try again. */
export class RateLimitedError extends Error {
	readonly code = 'rate_limited';
	readonly status = 429;
	readonly retryAfterSeconds: number;
	/** `messageKey`: what to say (with `{{minutes}}`); the login's message by default. */
	constructor(retryAfterSeconds: number, messageKey = 'login.throttled') {
		super(messageKey);
		this.retryAfterSeconds = retryAfterSeconds;
	}
}

/**
 * A case was opened without a stated purpose (issue 14): the API answers 428 and says how to send
 * one; pages ask for it before they open the case.
 */
export class PurposeRequiredError extends Error {
	readonly code = 'purpose_required';
	readonly status = 428;
	constructor() {
		super('privacy.purpose.required');
	}
}

/** Any error this module defines: routes translate these and only these into responses. */
export type DomainError =
	| NotFoundError
	| ForbiddenError
	| ValidationError
	| ConflictError
	| RateLimitedError
	| PurposeRequiredError;

/** True when `error` is one of the expected domain errors. */
export function isDomainError(error: unknown): error is DomainError {
	return (
		error instanceof NotFoundError ||
		error instanceof ForbiddenError ||
		error instanceof ValidationError ||
		error instanceof ConflictError ||
		error instanceof RateLimitedError ||
		error instanceof PurposeRequiredError
	);
}
