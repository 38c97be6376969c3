/**
 * Part of `npm start`: builds the app when there is no build yet or when a source file is newer
 * than it, so that a fresh clone starts with one command and a rebuilt tree is never stale.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** What the build is made from, relative to the project root. */
const SOURCES = [
	'src',
	'static',
	'package.json',
	'package-lock.json',
	'vite.config.ts',
	'svelte.config.js'
];
/** A file every build writes; its time stamp is the build's. */
const MARKER = path.join('build', 'handler.js');

function newestMtime(entry: string): number {
	const stat = fs.statSync(entry, { throwIfNoEntry: false });
	if (!stat) return 0;
	if (!stat.isDirectory()) return stat.mtimeMs;
	// A directory's own time stamp changes when a file in it is deleted or renamed.
	let newest = stat.mtimeMs;
	for (const child of fs.readdirSync(entry)) {
		newest = Math.max(newest, newestMtime(path.join(entry, child)));
	}
	return newest;
}

/** True when `root` has no build or a source file changed after the last one. */
export function isBuildStale(root: string): boolean {
	const built = fs.statSync(path.join(root, MARKER), { throwIfNoEntry: false })?.mtimeMs ?? 0;
	const sources = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
	return built < sources;
}

if (import.meta.main) {
	const root = path.resolve(import.meta.dirname, '..');
	if (isBuildStale(root)) {
		process.stdout.write('Building Formværk (first start or changed sources)…\n');
		const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
		process.exit(result.status ?? 1);
	}
}
