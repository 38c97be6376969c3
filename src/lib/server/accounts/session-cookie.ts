/** Setting and clearing the session cookie with the same attributes everywhere. */
import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE, sessionLifetimes } from './sessions.ts';
import { originFromEnv } from '../platform/config.ts';

/**
 * `Secure` follows the public origin when one is configured (FORMVAERK_ORIGIN) and otherwise the
 * request's own protocol, so that plain-http access on a LAN address still works in a workshop room.
 */
export function isSecure(url: URL): boolean {
	const origin = originFromEnv();
	return origin ? origin.startsWith('https:') : url.protocol === 'https:';
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure on https. */
export function setSessionCookie(cookies: Cookies, url: URL, token: string): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: isSecure(url),
		maxAge: sessionLifetimes().absoluteSeconds
	});
}

/** Removes the session cookie. */
export function clearSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(SESSION_COOKIE, { path: '/', secure: isSecure(url) });
}

/** The public origin for links (invitations): FORMVAERK_ORIGIN normalised, else the request's. */
export function publicOrigin(url: URL): string {
	return originFromEnv() ?? url.origin;
}
