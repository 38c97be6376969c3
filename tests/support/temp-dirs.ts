/** Temporary directories for one test file, removed once all its tests have run. */
import fs from 'node:fs';
import { afterAll } from 'vitest';
import { tempDataDir } from './server.ts';

/** Returns `newDir()`, which makes a fresh temporary directory; all of them go after the file. */
export function tempDirsForFile(): () => string {
	const dirs: string[] = [];
	afterAll(() => {
		for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
	});
	return () => {
		const dir = tempDataDir();
		dirs.push(dir);
		return dir;
	};
}
