/**
 * The operator's commands. Each validates with the app's own schemas, then calls the same
 * `src/lib/server` function the web app uses; none has SQL of its own.
 */
import type { ZodType } from 'zod';
import {
	createOrganisation,
	createOrgUser,
	resetPassword
} from '../src/lib/server/accounts/accounts.ts';
import { backupDatabase, restoreDatabase } from '../src/lib/server/platform/backup.ts';
import { closeDatabase, DB_FILE_NAME, initDatabase } from '../src/lib/server/platform/db.ts';
import { DataDirLockedError } from '../src/lib/server/platform/data-dir-lock.ts';
import {
	emailSchema,
	nameSchema,
	newPasswordSchema,
	titleSchema
} from '../src/lib/domain/schemas.ts';
import { ConflictError, NotFoundError } from '../src/lib/domain/errors.ts';
import { translator } from '../src/lib/i18n/translate.ts';
import { runRetention } from '../src/lib/server/privacy/retention-job.ts';
import { CliError } from './cli-errors.ts';
import { readPassword } from './cli-input.ts';

type Flags = Record<string, string | boolean | undefined>;
type Out = (line: string) => void;

export type Command = {
	/** Flags after the command name, as `node:util` parseArgs options. */
	options: Record<string, { type: 'string' | 'boolean' }>;
	required: string[];
	/** Synopsis and one-line description for the usage text. */
	synopsis: string;
	description: string;
	run: (flags: Flags, context: { dataDir: string; out: Out }) => Promise<void>;
};

/** English messages for the schemas' message keys: the tool speaks to an operator in a terminal. */
const t = translator('en');

/** Parses one flag's value with an app schema. @throws CliError naming the flag. */
function valid<T>(schema: ZodType<T>, flag: string, value: unknown): T {
	const parsed = schema.safeParse(value);
	if (!parsed.success) throw new CliError(`${flag}: ${t(parsed.error.issues[0].message)}`);
	return parsed.data;
}

/** Runs `fn` against the data directory's database (migrated first) and closes it afterwards. */
async function withDatabase<T>(dataDir: string, fn: () => Promise<T>): Promise<T> {
	initDatabase(dataDir);
	try {
		return await fn();
	} finally {
		closeDatabase();
	}
}

export const COMMANDS: Record<string, Command> = {
	'create-org': {
		options: { name: { type: 'string' } },
		required: ['name'],
		synopsis: 'create-org --name NAME',
		description: 'Create an organisation (municipality). Prints its id.',
		run: async (flags, { dataDir, out }) => {
			const name = valid(titleSchema, '--name', flags.name);
			out(await withDatabase(dataDir, () => Promise.resolve(createOrganisation(name))));
		}
	},
	'create-user': {
		options: {
			email: { type: 'string' },
			name: { type: 'string' },
			org: { type: 'string' },
			admin: { type: 'boolean' }
		},
		required: ['email', 'name', 'org'],
		synopsis: 'create-user --email EMAIL --name NAME --org ID [--admin]',
		description:
			'Create a user in an organisation: a member, or its administrator with --admin.\n' +
			'The password is read from standard input (one line). Prints the user id.',
		run: async (flags, { dataDir, out }) => {
			const email = valid(emailSchema, '--email', flags.email);
			const name = valid(nameSchema, '--name', flags.name);
			const password = valid(newPasswordSchema, 'password', await readPassword());
			const orgId = String(flags.org);
			const role = flags.admin ? 'admin' : 'member';
			const user = await withDatabase(dataDir, async () => {
				try {
					return await createOrgUser(orgId, { email, name, password, role });
				} catch (error) {
					if (error instanceof NotFoundError) {
						throw new CliError(`No organisation has the id ${orgId}.`);
					}
					if (error instanceof ConflictError) {
						throw new CliError(`A user with ${email} already exists.`);
					}
					throw error;
				}
			});
			out(user.id);
		}
	},
	'reset-password': {
		options: { email: { type: 'string' } },
		required: ['email'],
		synopsis: 'reset-password --email EMAIL',
		description:
			'Set a new password (read from standard input, one line) and log out all the\n' +
			"user's sessions.",
		run: async (flags, { dataDir, out }) => {
			const email = valid(emailSchema, '--email', flags.email);
			const password = valid(newPasswordSchema, 'password', await readPassword());
			await withDatabase(dataDir, async () => {
				try {
					await resetPassword(email, password);
				} catch (error) {
					if (error instanceof NotFoundError) throw new CliError(`No user has the email ${email}.`);
					throw error;
				}
			});
			out(`The password of ${email} is changed and all their sessions are logged out.`);
		}
	},
	backup: {
		options: { to: { type: 'string' } },
		required: ['to'],
		synopsis: 'backup --to FILE',
		description: 'Copy the database to FILE (a new file). Safe while the server runs.',
		run: async (flags, { dataDir, out }) => {
			const { bytes } = await backupDatabase(dataDir, String(flags.to));
			out(`Backup written to ${String(flags.to)} (${bytes} bytes).`);
		}
	},
	restore: {
		options: { from: { type: 'string' } },
		required: ['from'],
		synopsis: 'restore --from FILE',
		description:
			'Replace the database with the backup FILE. The server must be stopped; the current\n' +
			`database is kept as ${DB_FILE_NAME}.before-restore-<time>.`,
		run: (flags, { dataDir, out }) => {
			try {
				const { previous } = restoreDatabase(dataDir, String(flags.from));
				out(`Restored ${String(flags.from)} into ${dataDir}.`);
				out(
					previous
						? `The previous database is kept as ${previous}.`
						: 'There was no previous database.'
				);
				out('Start the server; it applies any newer migrations.');
			} catch (error) {
				if (error instanceof DataDirLockedError) {
					throw new CliError(`Restore refused: stop the server first. ${error.message}`);
				}
				throw error;
			}
			return Promise.resolve();
		}
	},
	retention: {
		options: { 'dry-run': { type: 'boolean' } },
		required: [],
		synopsis: 'retention [--dry-run]',
		description:
			'Delete the closed cases each municipality no longer keeps (its retention period), as the\n' +
			'server does daily. With --dry-run, only list them. Safe while the server runs; a rerun\n' +
			'after an interrupted run finishes it.',
		run: (flags, { dataDir, out }) =>
			withDatabase(dataDir, () => {
				const isDryRun = flags['dry-run'] === true;
				const report = runRetention({ isDryRun, trigger: 'cli', onDeleted: killSwitch() });
				for (const e of report.expired) {
					out(
						`${isDryRun ? 'Expired' : 'Deleted'}: case ${e.caseId} (closed ${new Date(e.closedAt).toISOString().slice(0, 10)})`
					);
				}
				out(
					isDryRun
						? `${report.expired.length} expired case(s) would be deleted.`
						: `${report.deleted} case(s) deleted.`
				);
				return Promise.resolve();
			})
	}
};

/**
 * For the test that kills a run halfway: with FORMVAERK_TEST_RETENTION_KILL_AFTER=n the process
 * kills itself (SIGKILL, no cleanup) after deleting n cases.
 */
function killSwitch(): ((count: number) => void) | undefined {
	const after = Number(process.env.FORMVAERK_TEST_RETENTION_KILL_AFTER);
	if (!Number.isInteger(after) || after <= 0) return undefined;
	return (count) => {
		if (count >= after) process.kill(process.pid, 'SIGKILL');
	};
}
