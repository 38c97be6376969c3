import type { Migration } from './index.ts';

/**
 * Login attempts in flight (issue 10, point 4). Each attempt takes a slot before its password is
 * hashed, so parallel attempts cannot all pass the throttle before any failure is counted.
 * `pending` counts the slots taken and not yet settled; `pending_since` is when the last one was
 * taken, so slots left behind by a crash mid-login stop counting after a minute. A row may now
 * exist with no failures (only attempts in flight): `first_failure_at` is then 0.
 */
export const m007LoginAttemptsInFlight: Migration = {
	version: 7,
	name: 'login-attempts-in-flight',
	sql: `
ALTER TABLE login_failures ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;
ALTER TABLE login_failures ADD COLUMN pending_since INTEGER NOT NULL DEFAULT 0;
`
};
