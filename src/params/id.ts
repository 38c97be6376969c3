/**
 * Route parameter matcher for our row ids. A URL whose parameter does not match falls through to
 * the 404 page before any load runs.
 */
import type { ParamMatcher } from '@sveltejs/kit';

/**
 * Our row ids are base64url (`newId()` makes 22 characters); the same bounds as `idSchema` in
 * lib/domain/schemas.ts, kept as a plain regex so the client bundle does not pull in zod.
 */
const ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

export const match = ((param: string): boolean => ID_PATTERN.test(param)) satisfies ParamMatcher;
