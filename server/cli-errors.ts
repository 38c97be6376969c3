/** The two ways a command-line run fails on purpose, each with its own exit code. */

/** Something the operator can fix (unknown email, bad backup file…): message, exit code 1. */
export class CliError extends Error {}

/** The command line itself is wrong (unknown command or flag, missing flag): usage, exit code 2. */
export class UsageError extends Error {
	readonly command: string | undefined;
	constructor(message: string, command?: string) {
		super(message);
		this.command = command;
	}
}
