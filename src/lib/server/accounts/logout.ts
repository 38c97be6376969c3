/** Ending a session from a browser: the one place both logout routes (form and API) go through. */
import type { Cookies } from '@sveltejs/kit';
import { revokeSession } from './sessions.ts';
import { clearSessionCookie } from './session-cookie.ts';

/**
 * Asks the browser to delete everything this origin stored: the offline document cache
 * (IndexedDB), kept pages (Cache Storage) and the service worker. Municipal laptops are shared,
 * so the next person must find no workshop content on the machine. Browsers honour it on https
 * and on localhost; the service worker also drops kept pages on logout for plain-http LAN use.
 */
const CLEAR_SITE_DATA = '"cache", "storage"';

type LogoutEvent = {
	locals: App.Locals;
	cookies: Cookies;
	url: URL;
	setHeaders: (headers: Record<string, string>) => void;
};

/** Revokes the request's session (if any), clears its cookie and the browser's stored data. */
export function endBrowserSession({ locals, cookies, url, setHeaders }: LogoutEvent): void {
	if (locals.sessionToken) revokeSession(locals.sessionToken);
	clearSessionCookie(cookies, url);
	setHeaders({ 'clear-site-data': CLEAR_SITE_DATA });
}
