/**
 * Puts the early collaboration socket's inline script into a document page (see
 * src/lib/collab/early-socket.ts). app.html holds an empty script element with the page's CSP
 * nonce; it gets the script on a page whose load named its document, and is removed from every
 * other page (an empty inline script would still be checked against the policy).
 */
import { earlySocketScript } from '#lib/collab/early-socket.ts';

const EARLY_SOCKET_TAG = /<script nonce="([^"]*)" data-early-socket><\/script>/;

/** The page's HTML with the placeholder filled for `documentId`, or removed without one. */
export function withEarlySocket(html: string, documentId: string | undefined): string {
	return html.replace(EARLY_SOCKET_TAG, (_, nonce: string) =>
		documentId && nonce ? `<script nonce="${nonce}">${earlySocketScript(documentId)}</script>` : ''
	);
}
