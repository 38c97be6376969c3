/**
 * The server process as an operator sees it: start-up refusals with a plain message and exit
 * code 1, health check, structured request logs, and a graceful shutdown that lets an in-flight
 * request finish. One server per data directory: data-dir-lock.test.ts.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createUserWithCli } from '../support/cli.ts';
import { expectRefusal } from '../support/start-refusal.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { tempDirsForFile } from '../support/temp-dirs.ts';

const newDir = tempDirsForFile();

/** Waits until the server has printed a line matching `pattern` (the server logs as it goes). */
async function waitForOutput(server: TestServer, pattern: RegExp, timeoutMs = 10_000) {
	const deadline = Date.now() + timeoutMs;
	while (!pattern.test(server.output())) {
		if (Date.now() > deadline) throw new Error(`no ${pattern} in:\n${server.output()}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

/** The JSON log lines the server printed so far (other lines are the console banner). */
function logLines(server: TestServer): Record<string, unknown>[] {
	return server
		.output()
		.split('\n')
		.filter((line) => line.startsWith('{'))
		.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('start-up refusals', () => {
	it('refuses a data directory that cannot be written', async () => {
		// Tests run as root, where permission bits do not stop writes; a path below a regular
		// file fails for everyone (ENOTDIR).
		const file = path.join(newDir(), 'a-file');
		fs.writeFileSync(file, '');
		await expectRefusal(
			{ FORMVAERK_DATA_DIR: path.join(file, 'data') },
			/data directory .*a-file\/data cannot be written \(ENOTDIR\)/
		);
	});

	it.each([
		['PORT', 'abc', /PORT must be a whole number/],
		['PORT', '70000', /PORT must be a whole number from 0 to 65535/],
		['FORMVAERK_DEMO', 'nej', /FORMVAERK_DEMO must be 0 or 1/],
		['FORMVAERK_ORIGIN', 'formvaerk.dk/app', /FORMVAERK_ORIGIN must be a public origin/],
		['FORMVAERK_SESSION_IDLE_SECONDS', '-5', /FORMVAERK_SESSION_IDLE_SECONDS must be/],
		[
			'FORMVAERK_SHUTDOWN_GRACE_SECONDS',
			'99999999999',
			/FORMVAERK_SHUTDOWN_GRACE_SECONDS must be a whole number from 0 to 3600/
		],
		['LOG_LEVEL', 'verbose', /LOG_LEVEL must be one of/]
	])('refuses %s=%s', async (name, value, message) => {
		await expectRefusal({ FORMVAERK_DATA_DIR: newDir(), [name]: value }, message);
	});
});

describe('health check and logs', () => {
	it('answers /healthz and logs one JSON line with a request id per request', async () => {
		const server = await startServer({
			dataDir: newDir(),
			env: { FORMVAERK_DEMO: '0', LOG_LEVEL: 'info' }
		});
		try {
			const health = await fetch(`${server.url}/healthz`);
			expect(health.status).toBe(200);
			expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });
			const page = await fetch(`${server.url}/login`);
			await page.arrayBuffer();
			expect(page.status).toBe(200);

			// The child's log line travels through a pipe and may arrive just after the response.
			const requestLines = () => logLines(server).filter((l) => typeof l.requestId === 'string');
			await expect.poll(() => requestLines().length, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
			const requests = requestLines();
			expect(requests.map((l) => [l.method, l.path, l.status])).toEqual([
				['GET', '/healthz', 200],
				['GET', '/login', 200]
			]);
			expect(requests.map((l) => l.requestId)).toEqual([
				health.headers.get('x-request-id'),
				page.headers.get('x-request-id')
			]);
			expect(new Set(requests.map((l) => l.requestId)).size).toBe(2);
			for (const line of requests) {
				expect(line).toMatchObject({ level: 30, service: 'formvaerk' });
				expect(typeof line.ms).toBe('number');
				expect(Date.parse(String(line.time))).not.toBeNaN();
			}
		} finally {
			await server.stop();
		}
	});
});

/**
 * Starts a login whose request line and headers reach the server at once but whose body stops
 * halfway, so the server holds it in flight until `finish()` sends the rest.
 */
function slowLogin(server: TestServer, email: string, password: string) {
	const body = new URLSearchParams({ email, password }).toString();
	const half = Math.floor(body.length / 2);
	const request = http.request({
		host: '127.0.0.1',
		port: server.port,
		method: 'POST',
		path: '/login',
		agent: new http.Agent({ keepAlive: true }),
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			'content-length': Buffer.byteLength(body),
			accept: 'text/html',
			origin: server.url
		}
	});
	const response = new Promise<http.IncomingMessage>((resolve, reject) => {
		request.on('response', (res) => {
			res.resume();
			res.on('end', () => resolve(res));
		});
		request.on('error', reject);
	});
	request.write(body.slice(0, half));
	return { response, finish: () => request.end(body.slice(half)) };
}

describe('graceful shutdown', () => {
	it('stops accepting, finishes the in-flight request, closes and exits 0', async () => {
		const dataDir = newDir();
		const email = 'sent@kommune.dk';
		const password = 'en lang nok adgangskode';
		await createUserWithCli(dataDir, { email, password });
		const server = await startServer({
			dataDir,
			// Debug shows "request received"; a long grace period shows the exit is not a cut-off.
			env: { LOG_LEVEL: 'debug', FORMVAERK_SHUTDOWN_GRACE_SECONDS: '60' }
		});
		const login = slowLogin(server, email, password);
		await waitForOutput(server, /"path":"\/login","msg":"request received"/);

		const started = Date.now();
		const exited = server.stop('SIGTERM');
		await waitForOutput(server, /"msg":"shutting down"/);
		expect(logLines(server).find((l) => l.msg === 'shutting down')).toMatchObject({
			signal: 'SIGTERM',
			inFlight: 1
		});
		await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();

		login.finish();
		const response = await login.response;
		expect(response.statusCode).toBe(303);
		expect(response.headers['set-cookie']?.[0]).toMatch(/^formvaerk_session=[^;]+;/);
		expect(response.headers.connection).toBe('close');
		expect(await exited).toBe(0);
		expect(Date.now() - started).toBeLessThan(20_000);
		expect(logLines(server).at(-1)).toMatchObject({ msg: 'stopped' });
	});

	it('cuts off a request still running after the grace period and still exits 0', async () => {
		const server = await startServer({
			dataDir: newDir(),
			env: { FORMVAERK_DEMO: '0', LOG_LEVEL: 'debug', FORMVAERK_SHUTDOWN_GRACE_SECONDS: '1' }
		});
		const stuck = slowLogin(server, 'x@kommune.dk', 'whatever');
		const cutOff = expect(stuck.response).rejects.toThrow(/socket hang up|ECONNRESET/);
		await waitForOutput(server, /"msg":"request received"/);
		expect(await server.stop('SIGTERM')).toBe(0);
		await cutOff;
		expect(server.output()).toContain('grace period over');
	});

	it('also shuts down gracefully on SIGINT (Ctrl-C)', async () => {
		const server = await startServer({ dataDir: newDir(), env: { FORMVAERK_DEMO: '0' } });
		expect(await server.stop('SIGINT')).toBe(0);
		// The WAL is folded in; the lock file stays (see data-dir-lock.test.ts).
		expect(fs.readdirSync(server.dataDir).sort()).toEqual(['formvaerk.db', 'formvaerk.lock']);
	});
});
