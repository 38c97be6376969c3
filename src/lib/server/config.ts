/**
 * Runtime configuration from environment variables, read once at start. Documented in README.md.
 */
import path from 'node:path';

export type Config = {
	port: number;
	host: string;
	dataDir: string;
	/** Create the demo municipality on an empty database. */
	isDemoEnabled: boolean;
	/** Public URL, used for invitation links and the Secure cookie flag. */
	origin: string | undefined;
	/** Largest sync frame the collaboration server accepts, in bytes. */
	maxFrameBytes: number;
	sessionIdleSeconds: number | undefined;
	sessionAbsoluteSeconds: number | undefined;
};

function intFromEnv(name: string, fallback: number | undefined): number | undefined {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 0) {
		throw new Error(`${name} must be a non-negative whole number, got "${raw}"`);
	}
	return value;
}

/** Reads the configuration; throws with a readable message on a malformed value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const origin = env.FORMVAERK_ORIGIN?.replace(/\/$/, '') || undefined;
	return {
		port: intFromEnv('PORT', 3000) ?? 3000,
		host: env.HOST || '0.0.0.0',
		dataDir: path.resolve(env.FORMVAERK_DATA_DIR || 'data'),
		isDemoEnabled: env.FORMVAERK_DEMO !== '0',
		origin,
		maxFrameBytes: intFromEnv('FORMVAERK_MAX_FRAME_BYTES', 2 * 1024 * 1024) ?? 2 * 1024 * 1024,
		sessionIdleSeconds: intFromEnv('FORMVAERK_SESSION_IDLE_SECONDS', undefined),
		sessionAbsoluteSeconds: intFromEnv('FORMVAERK_SESSION_ABSOLUTE_SECONDS', undefined)
	};
}
