/** Numeric limits shared by forms, the API, the database layer and the collaboration server. */

/** Longest workshop or organisation name; a long municipal project title fits in 120. */
export const MAX_TITLE_LENGTH = 120;
/** Longest display name of a person. */
export const MAX_NAME_LENGTH = 100;
/** RFC 5321 caps an address at 254 characters. */
export const MAX_EMAIL_LENGTH = 254;
/** NIST SP 800-63B: at least 8 characters; we ask for 10 since these accounts reach citizen data. */
export const MIN_PASSWORD_LENGTH = 10;
/** Upper bound so that hashing cannot be used to burn CPU. */
export const MAX_PASSWORD_LENGTH = 200;

/** A session unused for this long expires (one working week plus a weekend). */
export const SESSION_IDLE_SECONDS = 7 * 24 * 60 * 60;
/** A session expires this long after login, however active. */
export const SESSION_ABSOLUTE_SECONDS = 30 * 24 * 60 * 60;
/** Refresh `last_seen_at` at most this often, so reads do not turn into writes on every request. */
export const SESSION_TOUCH_SECONDS = 60;

/** Failed logins per account within the window before throttling starts. */
export const LOGIN_MAX_FAILURES = 5;
/**
 * Failed logins per client address before throttling starts. Higher than per account because a
 * whole workshop room often shares one address behind the municipality's NAT.
 */
export const LOGIN_MAX_FAILURES_PER_ADDRESS = 30;
/** Window in which failures are counted. */
export const LOGIN_FAILURE_WINDOW_SECONDS = 15 * 60;
/** Lockout after the limit; doubles for every further failure, capped at one hour. */
export const LOGIN_LOCKOUT_SECONDS = 60;
export const LOGIN_LOCKOUT_MAX_SECONDS = 60 * 60;

/** Invitations expire after 14 days unless used or revoked first. */
export const INVITATION_TTL_SECONDS = 14 * 24 * 60 * 60;

/** Largest JSON body the API accepts. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;
