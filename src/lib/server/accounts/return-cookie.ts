/**
 * Where a person was going when they were asked to log in, kept for a while in a cookie. A new
 * colleague who opens a Dag 3 join link has no account yet: they create it from the invitation
 * in their e-mail, a link that knows nothing of the join link, and the registration then leads
 * back to the join link instead of into the workshop. The cookie holds only a path that passes
 * `safeReturnPath` (a path on this site), and is checked again when read.
 */
import type { Cookies } from '@sveltejs/kit';
import { DEFAULT_RETURN_PATH, safeReturnPath } from '#lib/domain/return-path.ts';
import { isSecure } from './session-cookie.ts';

export const RETURN_COOKIE = 'formvaerk_return';
/** Long enough to find the invitation e-mail and register; short enough not to surprise later. */
const RETURN_COOKIE_SECONDS = 60 * 60;

/** An invitation page is a step on the way to an account, not where the person was going. */
function isDestination(path: string): boolean {
	return path !== DEFAULT_RETURN_PATH && !path.startsWith('/invitations/');
}

/**
 * Remembers `next` (from `/login?next=…`) when it is a path on this site worth returning to;
 * true when it did.
 */
export function rememberReturnPath(cookies: Cookies, url: URL, next: string | null): boolean {
	const path = safeReturnPath(next);
	if (!isDestination(path)) return false;
	cookies.set(RETURN_COOKIE, path, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: isSecure(url),
		maxAge: RETURN_COOKIE_SECONDS
	});
	return true;
}

function forget(cookies: Cookies, url: URL): void {
	if (cookies.get(RETURN_COOKIE) !== undefined) {
		cookies.delete(RETURN_COOKIE, { path: '/', secure: isSecure(url) });
	}
}

/**
 * After a login that leads to `destination`: the person gets where they were going, so the path
 * is forgotten, unless the login leads to an invitation, whose accepting then takes it.
 */
export function loggedInTowards(cookies: Cookies, url: URL, destination: string): void {
	if (!destination.startsWith('/invitations/')) forget(cookies, url);
}

/** The remembered path, once (it is forgotten here), or null when there is none or it is unsafe. */
export function takeReturnPath(cookies: Cookies, url: URL): string | null {
	const value = cookies.get(RETURN_COOKIE);
	if (value === undefined) return null;
	forget(cookies, url);
	const path = safeReturnPath(value);
	return isDestination(path) ? path : null;
}
