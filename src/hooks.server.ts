import { randomUUID } from 'node:crypto';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { loadConfig, originFromEnv } from '#lib/server/platform/config.ts';
import { asApiError, isApiPath } from '#lib/server/http/api.ts';
import { applySecurityHeaders } from '#lib/server/http/security-headers.ts';
import { withEarlySocket } from '#lib/server/http/early-socket-tag.ts';
import { initDatabase } from '#lib/server/platform/db.ts';
import { SESSION_COOKIE, validateSession } from '#lib/server/accounts/sessions.ts';
import { clearSessionCookie } from '#lib/server/accounts/session-cookie.ts';
import { loadSessionUser } from '#lib/server/accounts/accounts.ts';
import { log } from '#lib/server/platform/log.ts';
import { noteDatabaseError } from '#lib/server/platform/db-health.ts';
import { LOCALE_COOKIE, pickLocale } from '#lib/i18n/translate.ts';
import { newRequestAudit, writeHeldReads } from '#lib/server/cases/index.ts';
import { runEventTotal } from '#lib/server/run/run-events.ts';

/** Opens the database when SvelteKit runs without our server entry (vite dev and preview). */
export const init: ServerInit = () => {
	initDatabase(loadConfig().dataDir);
};

export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	event.locals.requestId = randomUUID();
	event.locals.audit = newRequestAudit();
	// Before the session and its rights are read: a run page's stamp is void if anything happens
	// from here on (src/lib/server/run/run-stamps.ts).
	event.locals.runEventsAtStart = runEventTotal();
	const token = event.cookies.get(SESSION_COOKIE);
	const userId = validateSession(token);
	event.locals.user = userId ? loadSessionUser(userId) : null;
	event.locals.sessionToken = event.locals.user ? token : undefined;
	if (token && !event.locals.user) clearSessionCookie(event.cookies, event.url);
	event.locals.locale = event.locals.user?.locale ?? pickLocale(event.cookies.get(LOCALE_COOKIE));

	const resolved = await resolve(event, {
		transformPageChunk: ({ html }) =>
			withEarlySocket(
				html.replace('%lang%', event.locals.locale),
				event.locals.earlySocketDocumentId
			)
	});
	// The page's read of a case, written before the page leaves (one entry per request, issue 14).
	writeHeldReads(event.locals.audit);
	// API clients get JSON even for errors Kit answers itself (a malformed path, for one).
	const response = isApiPath(event.url.pathname)
		? asApiError(resolved, event.locals.locale)
		: resolved;
	applySecurityHeaders(response.headers, originFromEnv());
	response.headers.set('x-request-id', event.locals.requestId);
	log.info({
		requestId: event.locals.requestId,
		method: event.request.method,
		path: withoutLinkToken(event.url.pathname),
		status: response.status,
		userId: event.locals.user?.id,
		ms: Math.round(performance.now() - started)
	});
	return response;
};

/**
 * The path as logged: a case link's token is a bearer secret (the page `/r/<token>` and its API
 * `/api/v1/links/<token>`), so the log never holds one.
 */
function withoutLinkToken(pathname: string): string {
	return pathname.replace(/^(\/r|\/api\/v1\/links)\/[^/]+/, '$1/[token]');
}

/** Unexpected errors: log everything, show the browser only a generic message and a reference. */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const id = event.locals.requestId ?? randomUUID();
	// Kit also reports expected misses here (an unknown route is a 404): no log, its own status text.
	if (status < 500) return { message, id };
	log.error(
		{ requestId: id, err: error, path: withoutLinkToken(event.url.pathname) },
		'unhandled error'
	);
	// A damaged or unreadable database file turns /healthz non-ok from now on.
	noteDatabaseError(error);
	return { message: 'unexpected', id };
};
