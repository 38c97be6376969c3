/**
 * Prints what a person needs after the very first start: the demo logins, or the one-time link
 * for creating the first administrator. Printed once on the console, never logged to a file.
 */
import type { Config } from '../src/lib/server/platform/config.ts';
import { isEmpty, issueSetupToken, seedDemo } from '../src/lib/server/platform/first-start.ts';

/** Seeds the demo or issues a setup link when the database has no users yet. */
export async function runFirstStart(config: Config, publicUrl: string): Promise<void> {
	if (!isEmpty()) return;
	if (config.isDemoEnabled) {
		const { logins } = await seedDemo();
		const lines = logins.map(
			(l) => `  ${l.description.padEnd(14)} ${l.email.padEnd(34)} ${l.password}`
		);
		process.stdout.write(
			[
				'',
				'Demo Kommune er oprettet med et demo-udviklingsforløb. Log ind med (vises kun denne ene gang):',
				...lines,
				''
			].join('\n') + '\n'
		);
		return;
	}
	const token = issueSetupToken();
	process.stdout.write(
		`\nOpret den første administrator her (linket virker, til det er brugt):\n  ${publicUrl}/setup/${token}\n\n`
	);
}
