/**
 * Where to send someone after they log in (`/login?next=…`). The value comes from the address
 * bar, so anyone can put anything there: it is accepted only as a path on this site.
 */

/** Where a login leads when `next` is missing or not a path on this site. */
export const DEFAULT_RETURN_PATH = '/workshops';

/** Any base will do: it only tells whether a path stays on the origin it is resolved against. */
const BASE = 'http://formvaerk.invalid';

/**
 * Backslashes and C0 control characters (tab, newline, NUL…) and DEL. Browsers read `\` as `/`
 * and drop tabs and newlines from URLs, so `/\evil.example` and `/<tab>/evil.example` would be
 * read as `//evil.example`, another site; neither belongs in a path we link to.
 */
function hasUnsafeCharacter(path: string): boolean {
	for (let i = 0; i < path.length; i++) {
		const code = path.charCodeAt(i);
		if (code < 0x20 || code === 0x7f || code === 0x5c) return true;
	}
	return false;
}

/**
 * The path to go to after logging in: `next` when it is a path on this site (normalised, so the
 * redirect's Location header is plain ASCII), else DEFAULT_RETURN_PATH. Refuses absolute URLs,
 * scheme-relative `//host`, backslashes, control characters and anything that resolves elsewhere.
 */
export function safeReturnPath(next: string | null | undefined): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || hasUnsafeCharacter(next)) {
		return DEFAULT_RETURN_PATH;
	}
	let url: URL;
	try {
		url = new URL(next, BASE);
	} catch {
		return DEFAULT_RETURN_PATH;
	}
	if (url.origin !== BASE) return DEFAULT_RETURN_PATH;
	const path = url.pathname + url.search + url.hash;
	// Dot segments can collapse a path into `//host` again (`/.//evil`); it must stay single-slash.
	return path.startsWith('//') ? DEFAULT_RETURN_PATH : path;
}
