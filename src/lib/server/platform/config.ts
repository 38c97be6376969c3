/**
 * Runtime configuration from environment variables, read once at start. Documented in README.md
 * and docs/operations.md.
 */
import path from 'node:path';

export type Config = {
	port: number;
	host: string;
	dataDir: string;
	/** Create the demo municipality on an empty database. */
	isDemoEnabled: boolean;
	/** Public origin, normalised (originFromEnv): request URLs, links, the Secure cookie flag, HSTS. */
	origin: string | undefined;
	/** Largest sync frame the collaboration server accepts, in bytes. */
	maxFrameBytes: number;
	sessionIdleSeconds: number | undefined;
	sessionAbsoluteSeconds: number | undefined;
	/** How long a shutdown waits for in-flight requests before cutting them off. */
	shutdownGraceSeconds: number;
	/**
	 * How many reverse proxies in front of the server append to `X-Forwarded-For`
	 * (`FORMVAERK_PROXY_HOPS`, 0 = none: the header is ignored, as any client could send it).
	 * The client address (login and join-code throttles) is then the entry that many hops from
	 * the right, the one the outermost trusted proxy wrote.
	 */
	proxyHops: number;
};

/** More proxies than this in a chain is a misconfiguration rather than a setup. */
export const MAX_PROXY_HOPS = 5;

/** Thrown for a malformed environment value; the message names the variable and what it needs. */
export class ConfigError extends Error {}

/** pino's level names plus `silent`; anything else would make the logger throw at import. */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Ten seconds is long enough for any normal request (a login hashes for ~100 ms) and well inside
 * the 30 s that systemd and Kubernetes wait before they send SIGKILL.
 */
const DEFAULT_SHUTDOWN_GRACE_SECONDS = 10;
/**
 * One hour. Longer than any process manager waits before SIGKILL, and far below what a timer can
 * hold: Node's setTimeout takes at most 2^31-1 ms (24.8 days) and fires after 1 ms beyond that,
 * which would cut every request off at once instead of waiting.
 */
export const MAX_SHUTDOWN_GRACE_SECONDS = 60 * 60;
/**
 * 400 days: browsers keep a cookie at most that long (RFC 6265bis), so a longer session would
 * outlive its cookie anyway. It also keeps `seconds * 1000` an exact millisecond count.
 */
export const MAX_SESSION_SECONDS = 400 * 24 * 60 * 60;
/**
 * 256 MiB: far above any real sync frame (the default is 2 MiB) and below what one Node Buffer
 * and `ws` can hold, so a typo cannot turn the frame limit into no limit.
 */
export const MAX_FRAME_BYTES_LIMIT = 256 * 1024 * 1024;

function intFromEnv(
	env: NodeJS.ProcessEnv,
	name: string,
	fallback: number | undefined,
	{ min = 0, max = Number.MAX_SAFE_INTEGER } = {}
): number | undefined {
	const raw = env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
		throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
	}
	return value;
}

/**
 * The public origin (`FORMVAERK_ORIGIN`), trimmed and normalised by the URL parser (scheme and host
 * in lower case, default port and trailing slash dropped), or undefined when unset. Everything that
 * needs the origin reads it here (the cookie's `Secure` flag, links, the request URL through
 * adapter-node's `ORIGIN`, the socket's origin check, HSTS), never the raw variable: a raw
 * `HTTPS://X.DK ` would lose `Secure` and put the raw text into links.
 * @throws ConfigError when it is set but not an http(s) origin without a path.
 */
export function originFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
	const raw = env.FORMVAERK_ORIGIN?.trim();
	if (!raw) return undefined;
	let url: URL | undefined;
	try {
		url = new URL(raw);
	} catch {
		url = undefined;
	}
	// Links and cookies are built from the origin alone, so a path or query would be silently lost.
	const isOriginOnly = url && url.pathname === '/' && !url.search && !url.hash && !url.username;
	if (!url || !isOriginOnly || !['http:', 'https:'].includes(url.protocol)) {
		throw new ConfigError(
			`FORMVAERK_ORIGIN must be a public origin like https://formvaerk.kommune.dk (no path), got "${raw}"`
		);
	}
	return url.origin;
}

function demoFromEnv(env: NodeJS.ProcessEnv): boolean {
	const raw = env.FORMVAERK_DEMO ?? '';
	// Anything else ("false", "off") is refused rather than guessed: a guess of "on" would put
	// demo accounts with known names into a production database.
	if (!['', '0', '1'].includes(raw.trim())) {
		throw new ConfigError(`FORMVAERK_DEMO must be 0 or 1, got "${raw}"`);
	}
	return raw.trim() !== '0';
}

/** The data directory (`FORMVAERK_DATA_DIR`, default `./data`) as an absolute path. */
export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
	return path.resolve(env.FORMVAERK_DATA_DIR || 'data');
}

/** Reads the configuration. @throws ConfigError with a readable message on a malformed value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const logLevel = env.LOG_LEVEL;
	if (logLevel && !LOG_LEVELS.includes(logLevel)) {
		throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
	}
	const maxFrame = 2 * 1024 * 1024;
	const session = { min: 1, max: MAX_SESSION_SECONDS };
	return {
		port: intFromEnv(env, 'PORT', 3000, { max: 65535 }) ?? 3000,
		host: env.HOST || '0.0.0.0',
		dataDir: dataDirFromEnv(env),
		isDemoEnabled: demoFromEnv(env),
		origin: originFromEnv(env),
		maxFrameBytes:
			intFromEnv(env, 'FORMVAERK_MAX_FRAME_BYTES', maxFrame, {
				min: 1,
				max: MAX_FRAME_BYTES_LIMIT
			}) ?? maxFrame,
		sessionIdleSeconds: intFromEnv(env, 'FORMVAERK_SESSION_IDLE_SECONDS', undefined, session),
		sessionAbsoluteSeconds: intFromEnv(
			env,
			'FORMVAERK_SESSION_ABSOLUTE_SECONDS',
			undefined,
			session
		),
		shutdownGraceSeconds:
			intFromEnv(env, 'FORMVAERK_SHUTDOWN_GRACE_SECONDS', DEFAULT_SHUTDOWN_GRACE_SECONDS, {
				max: MAX_SHUTDOWN_GRACE_SECONDS
			}) ?? DEFAULT_SHUTDOWN_GRACE_SECONDS,
		proxyHops: intFromEnv(env, 'FORMVAERK_PROXY_HOPS', 0, { max: MAX_PROXY_HOPS }) ?? 0
	};
}
