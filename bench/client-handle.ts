/**
 * Starts one job of bench clients (collab-worker.ts) and talks to it. Typists run in worker
 * threads of the bench process. A loader runs in a process of its own under `nice -n 19`: it
 * stands for another laptop, so every thread of it (V8's garbage collection helpers included,
 * which a worker thread would share with the typists at normal priority) gets only CPU that
 * nothing else on this machine wants.
 */
import { spawn as spawnProcess, type ChildProcess } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import type { Job } from './collab-worker.ts';

const WORKER = new URL('./collab-worker.ts', import.meta.url);

export type Handle = {
	send(message: { type: string; value?: unknown }): void;
	/** Resolves with the job's next message of `type`. */
	next<T>(type: string): Promise<T>;
	stop(): Promise<void>;
};

type Message = { type: string; value: unknown };

function fail(error: Error): never {
	process.stderr.write(`bench clients failed: ${error.stack ?? String(error)}\n`);
	process.exit(1);
}

/** Delivers messages to whoever waits for their type, or keeps them until someone does. */
function mailbox() {
	const inbox: Message[] = [];
	const waiting: { type: string; resolve: (value: unknown) => void }[] = [];
	return {
		deliver: (m: Message) => {
			const i = waiting.findIndex((w) => w.type === m.type);
			if (i >= 0) waiting.splice(i, 1)[0].resolve(m.value);
			else inbox.push(m);
		},
		next: <T>(type: string) =>
			new Promise<T>((resolve) => {
				const i = inbox.findIndex((m) => m.type === type);
				if (i >= 0) resolve(inbox.splice(i, 1)[0].value as T);
				else waiting.push({ type, resolve: resolve as (value: unknown) => void });
			})
	};
}

function inThread(job: Job): Handle {
	const worker = new Worker(WORKER, { workerData: job });
	const box = mailbox();
	worker.on('message', (m: Message) => box.deliver(m));
	worker.on('error', fail);
	return {
		send: (message) => worker.postMessage(message),
		next: box.next,
		stop: async () => void (await worker.terminate())
	};
}

function inNicedProcess(job: Job): Handle {
	// `nice` execs node, which inherits the IPC channel (NODE_CHANNEL_FD) and the job.
	const child: ChildProcess = spawnProcess(
		'nice',
		['-n', '19', process.execPath, WORKER.pathname],
		{
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
			serialization: 'advanced',
			env: { ...process.env, BENCH_JOB: JSON.stringify(job) }
		}
	);
	const box = mailbox();
	child.on('message', (m: Message) => box.deliver(m));
	child.on('error', fail);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	return {
		send: (message) => child.send(message),
		next: box.next,
		stop: async () => {
			child.kill();
			await exited;
		}
	};
}

/** Starts `job`: typists in a worker thread, a loader in a niced process of its own. */
export function spawnClients(job: Job): Handle {
	return job.kind === 'loader' ? inNicedProcess(job) : inThread(job);
}
