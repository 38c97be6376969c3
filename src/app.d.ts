import type { SessionUser } from '#lib/server/accounts/accounts.ts';
import type { Locale } from '#lib/domain/schemas.ts';
import type { RequestAudit } from '#lib/domain/cases/types.ts';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			/** Raw session token, kept so a password change can keep this session alive. */
			sessionToken: string | undefined;
			locale: Locale;
			requestId: string;
			/** This request's accesses to cases: one audit entry per request (issue 14). */
			audit: RequestAudit;
			/**
			 * Set by a document page's load: the page opens this document's collaboration socket
			 * while its HTML is parsed (src/lib/collab/early-socket.ts).
			 */
			earlySocketDocumentId?: string;
			/** Run and access events so far when the request began (src/lib/server/run/run-stamps.ts). */
			runEventsAtStart: number;
		}
		interface Error {
			message: string;
			id?: string;
		}
	}
}

export {};
