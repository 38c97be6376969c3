import type { SessionUser } from '#lib/server/accounts/accounts.ts';
import type { Locale } from '#lib/domain/schemas.ts';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			/** Raw session token, kept so a password change can keep this session alive. */
			sessionToken: string | undefined;
			locale: Locale;
			requestId: string;
		}
		interface Error {
			message: string;
			id?: string;
		}
	}
}

export {};
