import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { isBuildStale } from '../../../scripts/ensure-build.ts';

let root: string;
beforeEach(() => {
	root = fs.mkdtempSync(path.join(os.tmpdir(), 'formvaerk-build-'));
	fs.mkdirSync(path.join(root, 'src', 'routes'), { recursive: true });
	fs.writeFileSync(path.join(root, 'src', 'routes', '+page.svelte'), '');
	fs.writeFileSync(path.join(root, 'package.json'), '{}');
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** Sets a file's or folder's modification time to `seconds` after the epoch. */
function touch(relative: string, seconds: number): void {
	fs.utimesSync(path.join(root, relative), seconds, seconds);
}

function build(seconds: number): void {
	fs.mkdirSync(path.join(root, 'build'), { recursive: true });
	fs.writeFileSync(path.join(root, 'build', 'handler.js'), '');
	touch('build/handler.js', seconds);
}

function sourcesAt(seconds: number): void {
	for (const entry of ['src/routes/+page.svelte', 'src/routes', 'src', 'package.json']) {
		touch(entry, seconds);
	}
}

it('builds when there is no build', () => {
	expect(isBuildStale(root)).toBe(true);
});

it('skips when the build is newer than every source', () => {
	sourcesAt(1000);
	build(2000);
	expect(isBuildStale(root)).toBe(false);
});

it('rebuilds when a source file changed after the build', () => {
	sourcesAt(1000);
	build(2000);
	touch('src/routes/+page.svelte', 3000);
	expect(isBuildStale(root)).toBe(true);
});

it('rebuilds when a source file was deleted after the build (the folder changed)', () => {
	sourcesAt(1000);
	build(2000);
	fs.rmSync(path.join(root, 'src', 'routes', '+page.svelte'));
	touch('src/routes', 3000);
	expect(isBuildStale(root)).toBe(true);
});

it('rebuilds when the dependencies changed (package-lock.json)', () => {
	sourcesAt(1000);
	build(2000);
	fs.writeFileSync(path.join(root, 'package-lock.json'), '{}');
	touch('package-lock.json', 3000);
	expect(isBuildStale(root)).toBe(true);
});
