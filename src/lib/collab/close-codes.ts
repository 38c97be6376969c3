/**
 * How the browser reacts to the ways the collaboration server closes a socket. The codes are the
 * server's (server/collab); this module only decides what the person sees and whether to retry.
 */

/** Problems the presence bar explains; each has a message `collab.error.<code>`. */
export type CollabErrorCode = 'documentTooLarge' | 'updateTooLarge' | 'offlineCacheFailed';

/** Close codes the server uses (RFC 6455 private range 4000-4999, plus 1009 from `ws`). */
export const CloseCode = {
	/** The person's rights changed (removed, phase locked, role changed): reconnect and reload. */
	AccessChanged: 4403,
	/** A frame could not be decoded. */
	BadMessage: 4400,
	/** The document would exceed its maximum size; the update was not stored. */
	DocumentTooLarge: 4413,
	/** A frame exceeded the maximum frame size (`ws` closes with 1009 itself). */
	MessageTooBig: 1009
} as const;

export type CloseReaction = {
	/** Show this problem until the next confirmed save. */
	error: CollabErrorCode | null;
	/** Reload the page data: rights may be different now. */
	isAccessChange: boolean;
	/** Never reconnect (reconnecting would repeat the same refusal). */
	isPermanent: boolean;
};

/** What to do after the server (or the network) closed the socket with `code`. */
export function closeReaction(code: number | undefined): CloseReaction {
	switch (code) {
		case CloseCode.AccessChanged:
			return { error: null, isAccessChange: true, isPermanent: false };
		case CloseCode.DocumentTooLarge:
			return { error: 'documentTooLarge', isAccessChange: false, isPermanent: false };
		case CloseCode.MessageTooBig:
			return { error: 'updateTooLarge', isAccessChange: false, isPermanent: false };
		default:
			return { error: null, isAccessChange: false, isPermanent: false };
	}
}
