/**
 * The operator's command-line tool: `npm run cli -- <command> [flags]`. Works on the data
 * directory in FORMVAERK_DATA_DIR (default ./data), like the server.
 *
 * Exit codes: 0 done, 1 the command failed (message on stderr), 2 the command line is wrong
 * (usage on stderr). Expected failures print one plain line, never a stack trace.
 */
import { parseArgs } from 'node:util';
import { dataDirFromEnv } from '../src/lib/server/platform/config.ts';
import { BackupError } from '../src/lib/server/platform/backup.ts';
import { DataDirError } from '../src/lib/server/platform/db.ts';
import { DatabaseFileError } from '../src/lib/server/platform/db-integrity.ts';
import { DataDirLockedError } from '../src/lib/server/platform/data-dir-lock.ts';
import { restrictNewFileModes } from '../src/lib/server/platform/file-modes.ts';
import { COMMANDS, type Command } from './cli-commands.ts';
import { CliError, UsageError } from './cli-errors.ts';

// Databases, backups and restored files this tool writes are readable by their owner only.
restrictNewFileModes();

function usage(command?: string): string {
	const entries = command ? [[command, COMMANDS[command]] as const] : Object.entries(COMMANDS);
	const lines = ['Usage: npm run cli -- <command> [flags]', ''];
	for (const [, spec] of entries) {
		lines.push(`  ${spec.synopsis}`, ...spec.description.split('\n').map((l) => `      ${l}`), '');
	}
	lines.push(
		'Flags: -h, --help  show this help.',
		'The data directory is FORMVAERK_DATA_DIR (default ./data). See docs/operations.md.'
	);
	return lines.join('\n') + '\n';
}

/**
 * Ids are base64url and may start with "-", which parseArgs would refuse as a missing value
 * (`--org -x3…`). A string flag therefore always takes the next word as its value.
 */
function attachValues(args: string[], options: Command['options']): string[] {
	const attached: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const flag = args[i].startsWith('--') ? args[i].slice(2) : '';
		const takesValue = Object.hasOwn(options, flag) && options[flag].type === 'string';
		attached.push(takesValue && i + 1 < args.length ? `${args[i]}=${args[++i]}` : args[i]);
	}
	return attached;
}

/** Runs one command line; returns the exit code instead of exiting, so the flow stays testable. */
async function main(argv: string[]): Promise<number> {
	const [name, ...rest] = argv;
	if (name === '-h' || name === '--help' || name === 'help') {
		process.stdout.write(usage());
		return 0;
	}
	if (!name) throw new UsageError('No command given.');
	const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
	if (!command) throw new UsageError(`Unknown command "${name}".`);
	let values: Record<string, string | boolean | undefined>;
	try {
		({ values } = parseArgs({
			args: attachValues(rest, command.options),
			options: { ...command.options, help: { type: 'boolean', short: 'h' } },
			strict: true,
			allowPositionals: false
		}));
	} catch (error) {
		throw new UsageError((error as Error).message, name);
	}
	if (values.help) {
		process.stdout.write(usage(name));
		return 0;
	}
	const missing = command.required.filter((flag) => values[flag] === undefined);
	if (missing.length > 0) {
		throw new UsageError(`Missing ${missing.map((f) => `--${f}`).join(', ')}.`, name);
	}
	await command.run(values, {
		dataDir: dataDirFromEnv(),
		out: (line) => process.stdout.write(`${line}\n`)
	});
	return 0;
}

/** Errors the operator can act on; their message is the whole story. */
function isExpected(error: unknown): error is Error {
	return [CliError, BackupError, DataDirError, DatabaseFileError, DataDirLockedError].some(
		(c) => error instanceof c
	);
}

try {
	process.exitCode = await main(process.argv.slice(2));
} catch (error) {
	if (error instanceof UsageError) {
		process.stderr.write(`Error: ${error.message}\n\n${usage(error.command)}`);
		process.exitCode = 2;
	} else if (isExpected(error)) {
		process.stderr.write(`Error: ${error.message}\n`);
		process.exitCode = 1;
	} else {
		// Unexpected, but an operator's terminal still gets a sentence rather than a stack trace.
		process.stderr.write(`Error: the command failed unexpectedly: ${(error as Error).message}\n`);
		process.exitCode = 1;
	}
}
