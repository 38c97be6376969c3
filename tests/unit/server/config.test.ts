import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	ConfigError,
	loadConfig,
	MAX_FRAME_BYTES_LIMIT,
	MAX_SESSION_SECONDS,
	MAX_SHUTDOWN_GRACE_SECONDS,
	originFromEnv
} from '../../../src/lib/server/platform/config.ts';

describe('loadConfig', () => {
	it('has working defaults for an empty environment', () => {
		expect(loadConfig({})).toEqual({
			port: 3000,
			host: '0.0.0.0',
			dataDir: path.resolve('data'),
			isDemoEnabled: true,
			origin: undefined,
			maxFrameBytes: 2 * 1024 * 1024,
			sessionIdleSeconds: undefined,
			sessionAbsoluteSeconds: undefined,
			shutdownGraceSeconds: 10,
			proxyHops: 0
		});
	});

	it('reads every variable', () => {
		const config = loadConfig({
			PORT: '8080',
			HOST: '127.0.0.1',
			FORMVAERK_DATA_DIR: '/var/lib/formvaerk',
			FORMVAERK_DEMO: '0',
			FORMVAERK_ORIGIN: 'https://Formvaerk.Kommune.dk/',
			FORMVAERK_MAX_FRAME_BYTES: '1000',
			FORMVAERK_SESSION_IDLE_SECONDS: '60',
			FORMVAERK_SESSION_ABSOLUTE_SECONDS: '120',
			FORMVAERK_SHUTDOWN_GRACE_SECONDS: '30',
			FORMVAERK_PROXY_HOPS: '1',
			LOG_LEVEL: 'silent'
		});
		expect(config).toEqual({
			port: 8080,
			host: '127.0.0.1',
			dataDir: '/var/lib/formvaerk',
			isDemoEnabled: false,
			origin: 'https://formvaerk.kommune.dk',
			maxFrameBytes: 1000,
			sessionIdleSeconds: 60,
			sessionAbsoluteSeconds: 120,
			shutdownGraceSeconds: 30,
			proxyHops: 1
		});
	});

	it.each([
		['PORT', 'abc'],
		['PORT', '3000.5'],
		['PORT', '-1'],
		['PORT', '65536'],
		['PORT', '0x10'],
		['FORMVAERK_DEMO', 'false'],
		['FORMVAERK_ORIGIN', 'formvaerk.kommune.dk'],
		['FORMVAERK_ORIGIN', 'https://kommune.dk/formvaerk'],
		['FORMVAERK_ORIGIN', 'ftp://kommune.dk'],
		['FORMVAERK_MAX_FRAME_BYTES', '0'],
		['FORMVAERK_SESSION_ABSOLUTE_SECONDS', '1e6'],
		['FORMVAERK_SHUTDOWN_GRACE_SECONDS', 'ti'],
		['FORMVAERK_PROXY_HOPS', '6'],
		['FORMVAERK_PROXY_HOPS', 'ja'],
		['LOG_LEVEL', 'loud']
	])('refuses %s=%s with a message naming it', (name, value) => {
		expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
		expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^${name} must `));
	});

	// A timer holds at most 2^31-1 ms; Node fires a longer one after 1 ms, so 99999999999 s of
	// grace cut every request off at once. Numbers that big are refused, not clamped.
	it.each([
		['FORMVAERK_SHUTDOWN_GRACE_SECONDS', '99999999999', MAX_SHUTDOWN_GRACE_SECONDS],
		['FORMVAERK_SHUTDOWN_GRACE_SECONDS', '2147484', MAX_SHUTDOWN_GRACE_SECONDS],
		['FORMVAERK_SESSION_IDLE_SECONDS', '99999999999', MAX_SESSION_SECONDS],
		['FORMVAERK_SESSION_ABSOLUTE_SECONDS', '9007199254740993', MAX_SESSION_SECONDS],
		['FORMVAERK_MAX_FRAME_BYTES', '99999999999', MAX_FRAME_BYTES_LIMIT]
	])('refuses %s=%s above its documented maximum', (name, value, max) => {
		expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
		expect(() => loadConfig({ [name]: value })).toThrow(
			`${name} must be a whole number from ${name === 'FORMVAERK_SHUTDOWN_GRACE_SECONDS' ? 0 : 1} to ${max}, got "${value}"`
		);
	});

	it('accepts each maximum itself', () => {
		const config = loadConfig({
			FORMVAERK_SHUTDOWN_GRACE_SECONDS: String(MAX_SHUTDOWN_GRACE_SECONDS),
			FORMVAERK_SESSION_IDLE_SECONDS: String(MAX_SESSION_SECONDS),
			FORMVAERK_SESSION_ABSOLUTE_SECONDS: String(MAX_SESSION_SECONDS),
			FORMVAERK_MAX_FRAME_BYTES: String(MAX_FRAME_BYTES_LIMIT)
		});
		expect(config).toMatchObject({
			shutdownGraceSeconds: 3600,
			sessionIdleSeconds: 400 * 86400,
			sessionAbsoluteSeconds: 400 * 86400,
			maxFrameBytes: 256 * 1024 * 1024
		});
		// The grace period in ms fits a timer.
		expect(MAX_SHUTDOWN_GRACE_SECONDS * 1000).toBeLessThanOrEqual(2 ** 31 - 1);
	});
});

describe('originFromEnv', () => {
	it.each([
		['HTTPS://FORMVAERK.EXAMPLE ', 'https://formvaerk.example'],
		['  https://Formvaerk.Kommune.dk:443/  ', 'https://formvaerk.kommune.dk'],
		['http://127.0.0.1:8080', 'http://127.0.0.1:8080']
	])('normalises %j to %j, the one value the cookie, links and headers use', (raw, origin) => {
		expect(originFromEnv({ FORMVAERK_ORIGIN: raw })).toBe(origin);
		expect(loadConfig({ FORMVAERK_ORIGIN: raw }).origin).toBe(origin);
	});

	it('is undefined when unset or blank', () => {
		expect(originFromEnv({})).toBeUndefined();
		expect(originFromEnv({ FORMVAERK_ORIGIN: '  ' })).toBeUndefined();
	});
});
