/**
 * Logging out from a page with live connections (document sockets, run-event streams): the page
 * closes them itself before the logout request goes out. Otherwise the server ends the session,
 * closes the socket with "session ended" at once, and the page reacts to that by reloading its
 * data, which redirects to the login page and aborts the logout response (and with it the
 * `Clear-Site-Data` that empties the offline cache). Browser-only state: one page, one person.
 */

const listeners = new Set<() => void>();

/** Runs `listener` when this page starts logging out; returns the function that stops it. */
export function onLogout(listener: () => void): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

/** Tells every live connection on this page to close: the person is logging out. */
export function announceLogout(): void {
	for (const listener of [...listeners]) listener();
}
