/**
 * The production DocStore: the `doc_updates` log and `doc_snapshots` table of migration 001 on
 * the process's single SQLite connection (WAL mode, synchronous=NORMAL: a committed transaction
 * survives a process crash). Appends arriving in the same event-loop turn are group-committed in
 * one transaction, so a burst from fifty typists costs one commit, not fifty.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { getDb, transaction } from '../../src/lib/server/platform/db.ts';
import { noteDatabaseError } from '../../src/lib/server/platform/db-health.ts';
import type { DocStore, LogEntry, StoredDocument } from './persistence.ts';
import { docReader, snapshotSizeReader } from './sqlite-read.ts';

type PendingAppend = {
	documentId: string;
	update: Uint8Array;
	userId: string;
	resolve: (seq: number) => void;
	reject: (error: unknown) => void;
};

type Statements = {
	insert: StatementSync;
	upsertSnapshot: StatementSync;
	deleteThrough: StatementSync;
	entries: StatementSync;
};

/** DocStore on SQLite with group commit per tick. */
export class SqliteDocStore implements DocStore {
	private readonly db: DatabaseSync;
	private readonly sql: Statements;
	private readonly read: (documentId: string) => StoredDocument;
	private pending: PendingAppend[] = [];
	readonly workerSource?: { file: string; snapshotBytes(documentId: string): number };
	private isCommitScheduled = false;

	/** Uses the process's open database unless one is given. */
	constructor(db: DatabaseSync = getDb()) {
		this.db = db;
		this.sql = {
			insert: db.prepare(
				'INSERT INTO doc_updates (document_id, data, author_id, created_at) VALUES (?, ?, ?, ?)'
			),
			upsertSnapshot: db.prepare(
				`INSERT INTO doc_snapshots (document_id, data, last_seq, updated_at) VALUES (?, ?, ?, ?)
				 ON CONFLICT(document_id) DO UPDATE SET data = excluded.data,
				 last_seq = excluded.last_seq, updated_at = excluded.updated_at`
			),
			deleteThrough: db.prepare('DELETE FROM doc_updates WHERE document_id = ? AND seq <= ?'),
			entries: db.prepare(
				'SELECT seq, author_id, created_at, data FROM doc_updates WHERE document_id = ? ORDER BY seq'
			)
		};
		this.read = docReader(db);
		const file = db.location();
		if (file) this.workerSource = { file, snapshotBytes: snapshotSizeReader(db) };
	}

	/** Snapshot plus tail, read synchronously so no append can interleave. */
	load(documentId: string): Promise<StoredDocument> {
		try {
			return Promise.resolve(this.read(documentId));
		} catch (error) {
			noteDatabaseError(error);
			throw error;
		}
	}

	/** Queues the update for this tick's commit; resolves with its seq after COMMIT returned. */
	append(documentId: string, update: Uint8Array, meta: { userId: string }): Promise<number> {
		return new Promise((resolve, reject) => {
			this.pending.push({ documentId, update, userId: meta.userId, resolve, reject });
			if (!this.isCommitScheduled) {
				this.isCommitScheduled = true;
				// setImmediate runs after the poll phase, so every frame read from every socket in
				// this turn of the event loop joins the same transaction.
				setImmediate(() => this.commit());
			}
		});
	}

	private commit(): void {
		this.isCommitScheduled = false;
		const batch = this.pending;
		this.pending = [];
		const now = Date.now();
		let seqs: number[];
		try {
			seqs = transaction(this.db, () =>
				batch.map((p) =>
					Number(this.sql.insert.run(p.documentId, p.update, p.userId, now).lastInsertRowid)
				)
			);
		} catch (error) {
			// A damaged or unreadable file turns /healthz non-ok; the edits are refused either way.
			noteDatabaseError(error);
			for (const p of batch) p.reject(error);
			return;
		}
		// Resolve only after COMMIT: a caller that broadcasts on resolution broadcasts durable data.
		batch.forEach((p, i) => p.resolve(seqs[i]));
	}

	/** Writes the snapshot and deletes the log rows it covers in one transaction. */
	compact(documentId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
		// A throw inside the executor becomes the rejection.
		return new Promise((resolve) => {
			transaction(this.db, () => {
				this.sql.upsertSnapshot.run(documentId, snapshot, throughSeq, Date.now());
				this.sql.deleteThrough.run(documentId, throughSeq);
			});
			resolve();
		});
	}

	/** The uncompacted log of a document. */
	entries(documentId: string): Promise<LogEntry[]> {
		const rows = this.sql.entries.all(documentId) as {
			seq: number;
			author_id: string | null;
			created_at: number;
			data: Uint8Array;
		}[];
		return Promise.resolve(
			rows.map((r) => ({ seq: r.seq, userId: r.author_id, createdAt: r.created_at, data: r.data }))
		);
	}
}
