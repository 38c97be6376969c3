/**
 * Access to the collaboration endpoint, decided before the WebSocket upgrade with the same
 * session cookie and the same `can()` as every page: there is no second, looser check.
 */
import type { IncomingMessage } from 'node:http';
import { SESSION_COOKIE, validateSession } from '../../src/lib/server/accounts/sessions.ts';
import { loadSessionUser } from '../../src/lib/server/accounts/accounts.ts';
import { loadDocumentResource } from '../../src/lib/server/workshops/workshops.ts';
import { can } from '../../src/lib/domain/permissions.ts';

/** What an accepted connection may do, and on whose behalf. */
export type Access = {
	userId: string;
	userName: string;
	sessionToken: string;
	documentId: string;
	workshopId: string;
	canWrite: boolean;
	/** The facilitator (`run`): updates are not checked against the template's locks. */
	canBypassLocks: boolean;
};

export type UpgradeDecision = { status: 200; access: Access } | { status: 401 | 403 };

/** Document ids are 22-character base64url strings (ids.ts); anything else is not ours. */
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const PATH_PREFIX = '/collab/';

/** The document id of a `/collab/<documentId>` request path (query ignored), else null. */
export function documentIdFromUrl(url: string | undefined): string | null {
	if (!url?.startsWith(PATH_PREFIX)) return null;
	const end = url.indexOf('?');
	const id = url.slice(PATH_PREFIX.length, end === -1 ? undefined : end);
	return DOCUMENT_ID.test(id) ? id : null;
}

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
	if (!header) return undefined;
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq === -1) continue;
		if (part.slice(0, eq).trim() === name) {
			const value = part.slice(eq + 1).trim();
			try {
				return decodeURIComponent(value);
			} catch {
				return value;
			}
		}
	}
	return undefined;
}

/**
 * Browsers always send Origin on WebSocket upgrades; a page on another site must not ride on
 * the user's cookie (cross-site WebSocket hijacking). Non-browser clients send none. With a
 * configured public origin that origin is the only one, as for pages and the API (a proxy may
 * pass its upstream address as Host); without one, the page must come from the Host it asks.
 */
function isAllowedOrigin(req: IncomingMessage, publicOrigin: string | undefined): boolean {
	const origin = req.headers.origin;
	if (!origin) return true;
	if (publicOrigin) return origin === publicOrigin;
	try {
		return new URL(origin).host === req.headers.host;
	} catch {
		return false;
	}
}

/**
 * Decides an upgrade: 401 without a live session, 403 when the user may not read the document
 * or it does not exist (the two look the same, so ids leak nothing), else the access.
 */
export function authorizeUpgrade(
	req: IncomingMessage,
	documentId: string,
	publicOrigin?: string
): UpgradeDecision {
	const token = readCookie(req.headers.cookie, SESSION_COOKIE);
	const userId = validateSession(token);
	const user = userId ? loadSessionUser(userId) : null;
	if (!token || !user) return { status: 401 };
	if (!isAllowedOrigin(req, publicOrigin)) return { status: 403 };
	const doc = loadDocumentResource(documentId);
	if (!doc || !can(user, 'read', doc)) return { status: 403 };
	return {
		status: 200,
		access: {
			userId: user.id,
			userName: user.name,
			sessionToken: token,
			documentId,
			workshopId: doc.workshop.id,
			canWrite: can(user, 'write', doc),
			canBypassLocks: can(user, 'run', doc.workshop)
		}
	};
}

/**
 * How an open connection's rights compare with what it was granted. `write-changed` also covers
 * gaining or losing the right to bypass locks: either way the client reconnects under new rights.
 * The end of the session itself is the session watch's (`connection.ts`, session-watch.ts).
 */
export type Recheck = 'unchanged' | 'revoked' | 'write-changed';

/** Re-decides an open connection's rights (after an access change, and periodically). */
export function recheckAccess(access: Access): Recheck {
	const user = loadSessionUser(access.userId);
	const doc = loadDocumentResource(access.documentId);
	if (!user || !doc || !can(user, 'read', doc)) return 'revoked';
	const isSame =
		can(user, 'write', doc) === access.canWrite &&
		can(user, 'run', doc.workshop) === access.canBypassLocks;
	return isSame ? 'unchanged' : 'write-changed';
}
