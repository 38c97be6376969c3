/**
 * Security headers on every response. Pages get SvelteKit's Content-Security-Policy (configured
 * in svelte.config.js, with a fresh nonce per page for Kit's inline script); everything else
 * (API JSON, static files, the service worker, errors outside Kit) gets a fixed policy here.
 * `hooks.server.ts` applies them to Kit's responses and `server/index.ts` to every response,
 * including static files, which never reach the hooks. See docs/architecture.md, "Security headers".
 */

/**
 * The policy of responses that are not pages. Same-origin only, so the service worker (whose
 * script carries this policy) may still fetch the pages it keeps; nothing may frame anything.
 */
export const NON_PAGE_CSP =
	"default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** A year: long enough to matter, and how long a site that drops https would stay unreachable. */
const HSTS = 'max-age=31536000';

/**
 * The headers every response carries, given the configured public origin (FORMVAERK_ORIGIN,
 * normalised). HSTS only when that origin is https: over plain http browsers ignore it anyway,
 * and without a configured origin we cannot know what the public address is.
 */
export function baseSecurityHeaders(origin: string | undefined): Record<string, string> {
	const headers: Record<string, string> = {
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'same-origin',
		'content-security-policy': NON_PAGE_CSP
	};
	if (origin?.startsWith('https:')) headers['strict-transport-security'] = HSTS;
	return headers;
}

/**
 * Adds the collaboration socket's own origin (`wss://host` for https) to `connect-src`. CSP 3
 * lets `'self'` match ws/wss of the page's origin, but Safari before 16 did not; the origin is
 * known only at run time, so it cannot be in svelte.config.js.
 */
export function withSocketOrigin(csp: string, origin: string): string {
	const socketOrigin = origin.replace(/^http/, 'ws');
	return csp.replace(/(^|;\s*)connect-src ([^;]*)/, `$1connect-src $2 ${socketOrigin}`);
}

/**
 * Sets the security headers on a Kit response: the base headers, the non-page policy when Kit
 * set none (everything but pages), and the socket origin in a page's policy.
 */
export function applySecurityHeaders(headers: Headers, origin: string | undefined): void {
	for (const [name, value] of Object.entries(baseSecurityHeaders(origin))) {
		if (name !== 'content-security-policy') headers.set(name, value);
	}
	const csp = headers.get('content-security-policy');
	if (!csp) headers.set('content-security-policy', NON_PAGE_CSP);
	else if (origin) headers.set('content-security-policy', withSocketOrigin(csp, origin));
}
