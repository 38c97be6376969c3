/** Starting the real server where it must refuse: exit code 1 and one plain line on stderr. */
import { expect } from 'vitest';
import { runScript, type RunResult } from './cli.ts';
import { freePort } from './server.ts';

/**
 * Starts `server/index.ts` with `env` (plus a free port on loopback) and expects it to refuse
 * with `message`: exit code 1, one line `Formværk cannot start: …`, no stack trace, no banner.
 */
export async function expectRefusal(
	env: Record<string, string>,
	message: RegExp,
	options: { uid?: number; gid?: number } = {}
): Promise<RunResult> {
	const result = await runScript('server/index.ts', [], {
		env: { HOST: '127.0.0.1', PORT: String(await freePort()), LOG_LEVEL: 'warn', ...env },
		...options
	});
	expect(result.code, result.stdout + result.stderr).toBe(1);
	expect(result.stderr).toMatch(/^Formværk cannot start: [^\n]+\n$/);
	expect(result.stderr).toMatch(message);
	expect(result.stdout).not.toContain('kører på');
	return result;
}
