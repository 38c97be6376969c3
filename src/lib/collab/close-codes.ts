/**
 * How the browser reacts to the ways the collaboration server closes a socket. The codes are the
 * server's (lib/domain/collab-close-codes.ts); this module decides what the person is told and
 * whether reconnecting can help.
 */
import { CLOSE_CODES } from '../domain/collab-close-codes.ts';

/** Problems the presence bar explains; each has a message `collab.error.<code>`. */
export type CollabErrorCode =
	'documentTooLarge' | 'updateTooLarge' | 'rejected' | 'offlineCacheFailed';

export type CloseReaction = {
	/** Show this problem until everything is saved again. */
	error: CollabErrorCode | null;
	/** The person's rights or session changed: reload the page data. */
	isAccessChange: boolean;
	/** Do not reconnect: the server would refuse the same way again. */
	isPermanent: boolean;
	/** Reconnect at once instead of backing off (the server asked us to come back). */
	isImmediate: boolean;
};

const TRANSIENT: CloseReaction = {
	error: null,
	isAccessChange: false,
	isPermanent: false,
	isImmediate: false
};

/** What to do after the server (or the network, code undefined/1006) closed the socket. */
export function closeReaction(code: number | undefined): CloseReaction {
	switch (code) {
		case CLOSE_CODES.accessChanged:
			return { ...TRANSIENT, isAccessChange: true, isImmediate: true };
		case CLOSE_CODES.accessRevoked:
		case CLOSE_CODES.sessionEnded:
			return { ...TRANSIENT, isAccessChange: true, isPermanent: true };
		case CLOSE_CODES.documentTooLarge:
			// Reconnecting would send the same edit and be refused again.
			return { ...TRANSIENT, error: 'documentTooLarge', isPermanent: true };
		case CLOSE_CODES.lockedPart:
		case CLOSE_CODES.brokenShape:
			// The page rebuilds the session from the server (locked-part-recovery.svelte.ts).
			return { ...TRANSIENT, isPermanent: true };
		case CLOSE_CODES.badMessage:
			return { ...TRANSIENT, error: 'rejected', isPermanent: true };
		case CLOSE_CODES.messageTooBig:
			// Every reconnect would send the same too-large changes again (see local-reset.ts).
			return { ...TRANSIENT, error: 'updateTooLarge', isPermanent: true };
		default:
			// Going away (restart), server error, rate limit, network loss: back off and retry.
			return TRANSIENT;
	}
}
