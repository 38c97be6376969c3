/**
 * `npm start` on a copy of the project (so the suite's own build stays untouched): the first
 * start builds because there is no build, the next one starts straight away.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { freePort } from '../support/server.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'formvaerk-start-'));
afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

/** What a clone holds that the build and the server need; node_modules is linked, not copied. */
const PROJECT = [
	'src',
	'static',
	'scripts',
	'server',
	'package.json',
	'package-lock.json',
	'vite.config.ts',
	'svelte.config.js',
	'tsconfig.json'
];

/** Runs `npm start` until the server prints its address, then stops it; returns the output. */
async function npmStart(): Promise<string> {
	const child = spawn('npm', ['start'], {
		cwd: copy,
		env: {
			...process.env,
			PORT: String(await freePort()),
			HOST: '127.0.0.1',
			FORMVAERK_DATA_DIR: path.join(copy, 'data'),
			FORMVAERK_DEMO: '0',
			LOG_LEVEL: 'warn'
		},
		// Its own process group, so stopping it reaches npm, the shell and the server alike.
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
	// A build under a loaded CI machine can take a minute; the test's timeout bounds the wait.
	while (!output.includes('kører på')) {
		if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	process.kill(-child.pid!, 'SIGTERM');
	await exited;
	return output;
}

it(
	'builds when there is no build and skips the build when it is fresh',
	{ timeout: 240_000 },
	async () => {
		for (const entry of PROJECT) {
			fs.cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
		}
		fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
		expect(fs.existsSync(path.join(copy, 'build'))).toBe(false);

		const first = await npmStart();
		expect(first).toContain('Building Formværk');
		expect(fs.existsSync(path.join(copy, 'build', 'handler.js'))).toBe(true);
		expect(first).toMatch(/Formværk kører på http:\/\/localhost:\d+/);

		const second = await npmStart();
		expect(second).not.toContain('Building Formværk');
		expect(second).toMatch(/Formværk kører på http:\/\/localhost:\d+/);
	}
);
