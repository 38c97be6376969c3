/**
 * Reading a password for the command-line tool: one line from standard input when it is piped
 * (scripts), or typed twice without echo when it is a terminal (a person at the keyboard).
 */
import { CliError } from './cli-errors.ts';

/** Reads the first line of piped standard input, without its line ending. */
async function readFirstLine(): Promise<string | null> {
	let data = '';
	for await (const chunk of process.stdin) {
		data += String(chunk);
		if (data.includes('\n')) break;
	}
	return data === '' ? null : data.split(/\r?\n/)[0];
}

/** Asks for a line on the terminal without echoing it. Ctrl-C cancels. */
function promptHidden(prompt: string): Promise<string> {
	const stdin = process.stdin;
	process.stderr.write(prompt);
	stdin.setRawMode(true);
	stdin.setEncoding('utf8');
	stdin.resume();
	return new Promise((resolve, reject) => {
		let value = '';
		const finish = () => {
			stdin.off('data', onData);
			stdin.setRawMode(false);
			stdin.pause();
			process.stderr.write('\n');
		};
		const onData = (chunk: string) => {
			for (const char of chunk) {
				if (char === '\r' || char === '\n' || char === '\u0004') {
					finish();
					resolve(value);
					return;
				}
				if (char === '\u0003') {
					finish();
					reject(new CliError('Cancelled.'));
					return;
				}
				value = char === '\u007f' || char === '\b' ? value.slice(0, -1) : value + char;
			}
		};
		stdin.on('data', onData);
	});
}

/**
 * The new password: the first line of standard input, or typed twice at a terminal.
 * @throws CliError when nothing arrives or the two typed passwords differ.
 */
export async function readPassword(): Promise<string> {
	if (process.stdin.isTTY) {
		const password = await promptHidden('New password: ');
		if ((await promptHidden('Repeat the password: ')) !== password) {
			throw new CliError('The two passwords differ. Nothing was changed.');
		}
		return password;
	}
	const line = await readFirstLine();
	if (line === null) {
		throw new CliError(
			'No password on standard input. Pipe it in as one line, e.g. printf \'%s\\n\' "$PASSWORD" | npm run cli -- …'
		);
	}
	return line;
}
