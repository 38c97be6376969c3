/**
 * Part of `npm start`: builds the app when there is no build yet or when a source file is newer
 * than it, so that a fresh clone starts with one command and a rebuilt tree is never stale.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const marker = path.join(root, 'build', 'handler.js');
const SOURCES = [
	'src',
	'static',
	'package.json',
	'package-lock.json',
	'vite.config.ts',
	'svelte.config.js'
];

function newestMtime(entry: string): number {
	const stat = fs.statSync(entry, { throwIfNoEntry: false });
	if (!stat) return 0;
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const child of fs.readdirSync(entry)) {
		newest = Math.max(newest, newestMtime(path.join(entry, child)));
	}
	return newest;
}

const built = fs.statSync(marker, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const sources = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
if (built < sources) {
	process.stdout.write('Building Formværk (first start or changed sources)…\n');
	const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
	process.exit(result.status ?? 1);
}
