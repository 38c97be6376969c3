/**
 * Ends what a session holds open (collaboration sockets, run event streams) as soon as the session
 * ends, whatever ends it: logout, a password change or reset, also by the CLI in another process,
 * expiry (idle or absolute), or a deleted account.
 *
 * - **Expiry**: each watched session has a timer at its expiry time. When it fires the session is
 *   read again (a request or an edit may have moved its idle expiry) and either ended or the timer
 *   set anew.
 * - **Revocation**: deleting a session row changes a counter in SQLite (a trigger, migration 008),
 *   whichever process deletes it. The watch reads that one row right after an in-process
 *   revocation (which announces an access change), every SESSION_WATCH_POLL_MS while anything is
 *   watched, and before a socket's edit is stored (`isLive`), and re-reads the watched sessions
 *   only when it moved. A read costs a few microseconds, a small part of the commit every stored
 *   edit already pays; with nothing watched the server does nothing.
 *
 * The SvelteKit bundle (event streams) and `server/index.ts` (sockets) each load their own copy of
 * this module, so the watched sessions and the timers live in one `globalThis` registry.
 */
import type { DatabaseSync } from 'node:sqlite';
import { getDb, isDatabaseOpen } from '../platform/db.ts';
import { hashToken } from '../platform/ids.ts';
import { onAccessChanged } from '../platform/access-events.ts';
import { log } from '../platform/log.ts';
import { readLiveSession, sessionsRevision, touchSession } from './sessions.ts';
import { SESSION_WATCH_POLL_MS } from '#lib/domain/limits.ts';

/** What the holder of an open socket or stream uses. */
export type SessionWatch = {
	/** True while the session lives; checks for ends by other processes first. */
	isLive(): boolean;
	/** Records use (an edit): the idle expiry moves, as for a request. */
	touch(): void;
	/** Stops watching (the socket or stream closed by itself). */
	stop(): void;
};

type Entry = {
	tokenHash: string;
	listeners: Set<() => void>;
	lastSeenAt: number;
	expiresAt: number;
	timer: NodeJS.Timeout | undefined;
};

type Registry = {
	entries: Map<string, Entry>;
	/** The counter as last read, and from which connection (tests reopen databases). */
	revision: number;
	db: DatabaseSync | undefined;
	poll: NodeJS.Timeout | undefined;
	isSyncScheduled: boolean;
};

/** setTimeout takes at most a signed 32-bit delay; later expiries are re-armed on the way. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const REGISTRY = Symbol.for('formvaerk.session-watch');
type GlobalWithRegistry = typeof globalThis & { [REGISTRY]?: Registry };

function registry(): Registry {
	const g = globalThis as GlobalWithRegistry;
	if (!g[REGISTRY]) {
		const created: Registry = {
			entries: new Map(),
			revision: -1,
			db: undefined,
			poll: undefined,
			isSyncScheduled: false
		};
		g[REGISTRY] = created;
		// Revocations in this process announce an access change: look after it has committed.
		onAccessChanged(() => {
			if (created.isSyncScheduled || created.entries.size === 0) return;
			created.isSyncScheduled = true;
			setImmediate(() => {
				created.isSyncScheduled = false;
				syncRevision();
			});
		});
	}
	return g[REGISTRY];
}

/** Re-reads every watched session when the counter moved since the last look. */
function syncRevision(): void {
	const r = registry();
	if (r.entries.size === 0 || !isDatabaseOpen()) return;
	try {
		const db = getDb();
		if (db !== r.db) {
			r.db = db;
			r.revision = -1;
		}
		const revision = sessionsRevision();
		if (revision === r.revision) return;
		r.revision = revision;
		const now = Date.now();
		for (const entry of [...r.entries.values()]) recheck(entry, now);
	} catch (error) {
		log.error({ err: error }, 'session watch failed');
	}
}

/** Reads the session again: ends it, or sets its expiry timer. */
function recheck(entry: Entry, now: number): void {
	const session = readLiveSession(entry.tokenHash, now);
	if (!session) {
		end(entry);
		return;
	}
	entry.lastSeenAt = session.lastSeenAt;
	entry.expiresAt = session.expiresAt;
	clearTimeout(entry.timer);
	// One millisecond past the instant, when `readLiveSession` calls it expired.
	const delay = Math.min(Math.max(0, session.expiresAt - now + 1), MAX_TIMER_MS);
	entry.timer = setTimeout(() => {
		try {
			recheck(entry, Date.now());
		} catch (error) {
			log.error({ err: error }, 'session expiry check failed');
		}
	}, delay);
	entry.timer.unref();
}

/** The session ended: everything that watched it is told, once. */
function end(entry: Entry): void {
	const r = registry();
	if (r.entries.get(entry.tokenHash) !== entry) return;
	forget(entry);
	for (const listener of entry.listeners) {
		try {
			listener();
		} catch (error) {
			log.error({ err: error }, 'ending a session listener failed');
		}
	}
}

function forget(entry: Entry): void {
	const r = registry();
	clearTimeout(entry.timer);
	if (r.entries.get(entry.tokenHash) === entry) r.entries.delete(entry.tokenHash);
	if (r.entries.size === 0 && r.poll) {
		clearInterval(r.poll);
		r.poll = undefined;
	}
}

/**
 * Watches the session of `token` until it ends (then calls `onEnd`, once) or `stop` is called.
 * A session that is already over when the watch starts is ended on the next turn, so the caller
 * can finish setting up first.
 */
export function watchSession(token: string | undefined, onEnd: () => void): SessionWatch {
	const r = registry();
	syncRevision();
	const tokenHash = token ? hashToken(token) : '';
	let entry = r.entries.get(tokenHash);
	let isEnded = false;
	const listener = (): void => {
		if (isEnded) return;
		isEnded = true;
		onEnd();
	};
	if (!entry) {
		const session = token ? readLiveSession(tokenHash) : null;
		if (!session) {
			setImmediate(listener);
			return { isLive: () => false, touch: () => undefined, stop: () => (isEnded = true) };
		}
		entry = { tokenHash, listeners: new Set(), lastSeenAt: 0, expiresAt: 0, timer: undefined };
		r.entries.set(tokenHash, entry);
		recheck(entry, Date.now());
		r.poll ??= setInterval(syncRevision, SESSION_WATCH_POLL_MS);
		r.poll.unref();
	}
	const watched = entry;
	watched.listeners.add(listener);
	return {
		isLive() {
			if (isEnded) return false;
			syncRevision();
			if (!isEnded && Date.now() > watched.expiresAt) recheck(watched, Date.now());
			return !isEnded;
		},
		touch() {
			if (isEnded) return;
			watched.lastSeenAt = touchSession(tokenHash, watched.lastSeenAt);
		},
		stop() {
			isEnded = true;
			watched.listeners.delete(listener);
			if (watched.listeners.size === 0) forget(watched);
		}
	};
}
