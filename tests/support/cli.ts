/**
 * Runs the real command-line tool (`server/cli.ts`) as a child process, the way an operator
 * does, and logs in through the real login form, for operations tests.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { nodeCommand } from './server.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

export type RunResult = { code: number | null; stdout: string; stderr: string };

/**
 * Runs a project script (`server/cli.ts`, `server/index.ts`) with this Node and resolves when it
 * exits. `stdin` is written and then closed; without it standard input is empty, as when a script
 * pipes nothing. A process still running after `timeoutMs` (default 20 s, a generous bound for a
 * loaded CI machine) is killed and resolves with code null, so a server that starts when it
 * should have refused fails the test instead of hanging it.
 */
export function runScript(
	script: string,
	args: string[],
	options: {
		stdin?: string;
		env?: Record<string, string>;
		timeoutMs?: number;
		/** Run as this user and group (needs root), e.g. to meet files another user owns. */
		uid?: number;
		gid?: number;
		/** Run under this umask (e.g. `022`) instead of the test runner's. */
		umask?: string;
	} = {}
): Promise<RunResult> {
	const [command, commandArgs] = nodeCommand([script, ...args], options.umask);
	const child = spawn(command, commandArgs, {
		cwd: ROOT,
		env: { ...process.env, ...options.env },
		stdio: ['pipe', 'pipe', 'pipe'],
		uid: options.uid,
		gid: options.gid
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	child.stdin.end(options.stdin ?? '');
	const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
	return new Promise((resolve, reject) => {
		child.on('error', reject);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, stdout, stderr });
		});
	});
}

/** Runs `npm run cli -- ...args` against `dataDir` (see `runScript` for `stdin`). */
export function runCli(
	dataDir: string,
	args: string[],
	options: { stdin?: string; env?: Record<string, string>; umask?: string } = {}
): Promise<RunResult> {
	return runScript('server/cli.ts', args, {
		...options,
		env: { FORMVAERK_DATA_DIR: dataDir, ...options.env }
	});
}

/** Creates an organisation and a user in it through the CLI; returns their ids. */
export async function createUserWithCli(
	dataDir: string,
	user: { email: string; password: string; orgId?: string; isAdmin?: boolean }
): Promise<{ orgId: string; userId: string }> {
	let orgId = user.orgId;
	if (!orgId) {
		const org = await runCli(dataDir, ['create-org', '--name', 'Testkommune']);
		if (org.code !== 0) throw new Error(`create-org failed: ${org.stderr}`);
		orgId = org.stdout.trim();
	}
	const args = ['create-user', '--email', user.email, '--name', 'Test Person', '--org', orgId];
	const created = await runCli(dataDir, user.isAdmin ? [...args, '--admin'] : args, {
		stdin: `${user.password}\n`
	});
	if (created.code !== 0) throw new Error(`create-user failed: ${created.stderr}`);
	return { orgId, userId: created.stdout.trim() };
}

/**
 * Logs in through the login form (no JavaScript, like a plain browser form post) and returns
 * the session cookie, or null when the login was refused. Origin and Accept are sent like a
 * browser would: SvelteKit refuses form posts from other origins and answers JSON without Accept.
 */
export async function formLogin(
	baseUrl: string,
	email: string,
	password: string
): Promise<string | null> {
	const response = await fetch(`${baseUrl}/login`, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			origin: baseUrl
		},
		body: new URLSearchParams({ email, password }),
		redirect: 'manual'
	});
	await response.arrayBuffer();
	const cookie = response.headers
		.getSetCookie()
		.find((c) => c.startsWith('formvaerk_session=') && !c.startsWith('formvaerk_session=;'));
	return response.status === 303 && cookie ? cookie.split(';')[0] : null;
}

/** True when `cookie` is a live session: the workshop list answers instead of redirecting to login. */
export async function isLoggedIn(baseUrl: string, cookie: string): Promise<boolean> {
	const response = await fetch(`${baseUrl}/workshops`, { headers: { cookie }, redirect: 'manual' });
	await response.arrayBuffer();
	return response.status === 200;
}
