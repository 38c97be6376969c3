/**
 * Starts the real production server (`server/index.ts` on the built app) as a child process on a
 * free port with a temporary data directory, the way integration and browser tests use it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export type DemoLogin = { email: string; password: string };
export type TestServer = {
	url: string;
	port: number;
	dataDir: string;
	/**
	 * Demo logins by description (administrator, facilitator, arbejdsgruppe, medarbejder,
	 * jobkonsulent, sagsbehandler).
	 */
	logins: Record<string, DemoLogin[]>;
	/** Everything the server printed so far. */
	output: () => string;
	process: ChildProcess;
	/** Sends a signal and waits for the exit code. */
	stop: (signal?: NodeJS.Signals) => Promise<number | null>;
};

/** Asks the OS for a free TCP port on loopback. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const address = srv.address();
			srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/** A fresh temporary data directory. */
export function tempDataDir(): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), 'formvaerk-test-'));
}

function parseLogins(output: string): Record<string, DemoLogin[]> {
	const logins: Record<string, DemoLogin[]> = {};
	for (const match of output.matchAll(/^ {2}(\S+)\s+(\S+@\S+)\s+(\S+)$/gm)) {
		(logins[match[1]] ??= []).push({ email: match[2], password: match[3] });
	}
	return logins;
}

export type StartOptions = {
	/** Reuse a data directory (restart tests); a new temporary one by default. */
	dataDir?: string;
	/** Extra environment; LOG_LEVEL defaults to warn so test output stays readable. */
	env?: Record<string, string>;
	/** How long to wait for "listening" before failing; the first start hashes seven passwords. */
	timeoutMs?: number;
	/** The port to listen on (see freePort), when the test must know it in advance, e.g. for
	 * FORMVAERK_ORIGIN; a free one by default. */
	port?: number;
	/** Start under this umask (e.g. `022`, the usual default) instead of the test runner's. */
	umask?: string;
};

/** Runs `node <args>` directly, or under `umask` through a shell that then becomes node. */
export function nodeCommand(args: string[], umask?: string): [string, string[]] {
	if (!umask) return [process.execPath, args];
	return ['/bin/sh', ['-c', `umask ${umask} && exec "$0" "$@"`, process.execPath, ...args]];
}

/** Starts the server and resolves once it accepts requests. */
export async function startServer(options: StartOptions = {}): Promise<TestServer> {
	const port = options.port ?? (await freePort());
	const dataDir = options.dataDir ?? tempDataDir();
	const [command, args] = nodeCommand(['server/index.ts'], options.umask);
	const child = spawn(command, args, {
		cwd: ROOT,
		env: {
			...process.env,
			// As `npm start` sets it (docs/operations.md, "Memory").
			MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
			PORT: String(port),
			HOST: '127.0.0.1',
			FORMVAERK_DATA_DIR: dataDir,
			LOG_LEVEL: 'warn',
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

	const deadline = Date.now() + (options.timeoutMs ?? 30_000);
	while (!/kører på/.test(output)) {
		if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`server did not start in time:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 25));
	}
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		dataDir,
		logins: parseLogins(output),
		output: () => output,
		process: child,
		stop: async (signal = 'SIGTERM') => {
			if (child.exitCode === null) child.kill(signal);
			return exited;
		}
	};
}
