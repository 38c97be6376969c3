/**
 * WebSocket close codes of the collaboration endpoint, shared by the server (which sends them)
 * and the browser client (which turns them into a message or a reconnect).
 *
 * y-websocket's default `shouldReconnect` treats 4400-4499 as permanent ("reconnecting cannot
 * fix this") and everything else as transient, so the codes follow that split: the 44xx codes
 * mirror HTTP 4xx, the 45xx codes mean "reconnect and you will be served under new terms".
 */
export const CLOSE_CODES = {
	/** The server is shutting down or the room was unloaded; reconnect. */
	goingAway: 1001,
	/** A frame was larger than the frame limit (sent by `ws` itself). */
	messageTooBig: 1009,
	/** The server could not store an update (database error); reconnect and resync. */
	serverError: 1011,
	/** The session ended (logged out, expired); sign in again. */
	sessionEnded: 4401,
	/** A frame could not be decoded or broke the protocol. */
	badMessage: 4400,
	/** Read access to the document was withdrawn. */
	accessRevoked: 4403,
	/** The document would grow past the maximum document size; the edit was refused. */
	documentTooLarge: 4413,
	/**
	 * The update would break the template's shape (a wrong type or id where the template expects
	 * another); it was not stored. Permanent, handled like `lockedPart`: the client discards it.
	 */
	brokenShape: 4422,
	/**
	 * The update changed a part of the template the facilitator has locked; it was not stored.
	 * Permanent: resending the same state would be refused again, so the client discards it.
	 */
	lockedPart: 4423,
	/** Write access changed (granted or withdrawn); reconnect to get the new rights. */
	accessChanged: 4503,
	/** The connection sent too much too fast; reconnect after a pause. */
	rateLimited: 4529
} as const;

export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];

/** True when reconnecting cannot help (the 4400-4499 range, as in y-websocket's default). */
export function isPermanentClose(code: number): boolean {
	return code >= 4400 && code < 4500;
}
