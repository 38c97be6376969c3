/**
 * Benchmark fixtures written straight into the server's database (a second SQLite connection;
 * WAL lets it write next to the running server): more workshops for more documents, a document
 * whose log holds 10,000 updates (the state after a crash before compaction), and a 5 MB one.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { initDatabase, getDb, transaction } from '#lib/server/platform/db.ts';
import { findUserByEmail, loadSessionUser } from '#lib/server/accounts/accounts.ts';
import { createWorkshop, getWorkshop } from '#lib/server/workshops/workshops.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Builds the app when there is no build yet (the server serves the login page from it). */
export function ensureBuild(): void {
	if (fs.existsSync(path.join(ROOT, 'build', 'handler.js'))) return;
	process.stdout.write('No build found: running npm run build…\n');
	const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
	if (result.status !== 0) throw new Error('build failed');
}

/** Creates workshops until the facilitator has `count` documents; returns their ids. */
export function createDocuments(
	dataDir: string,
	facilitatorEmail: string,
	count: number
): string[] {
	initDatabase(dataDir);
	const userId = findUserByEmail(facilitatorEmail)!.id;
	const ids: string[] = [];
	while (ids.length < count) {
		const actor = loadSessionUser(userId)!;
		const workshop = createWorkshop(actor, {
			orgId: actor.orgs[0].orgId,
			title: `Bench ${ids.length}`
		});
		ids.push(...getWorkshop(loadSessionUser(userId)!, workshop.id).documents.map((d) => d.id));
	}
	return ids.slice(0, count);
}

/**
 * How the typists of `writeUpdateLog` place their keystrokes:
 * - `typing`: each types on after their own last character (the cursor is a Yjs relative
 *   position, as in the editor, so it stays put when others type elsewhere) and now and then
 *   clicks somewhere else. Consecutive keystrokes form runs, as real typing does.
 * - `scattered`: each keeps a plain index as cursor, which drifts whenever someone types before
 *   it, so almost every keystroke lands apart from the previous one. No editor types like this;
 *   it is the worst case for a load: a document whose every character is an item of its own.
 */
export type LogShape = 'typing' | 'scattered';

/** The next keystroke's index for typist `k`, and what to remember after typing there. */
type Cursors = {
	at(k: number, text: Y.Text): number;
	typed(k: number, text: Y.Text, index: number): void;
};

function cursors(shape: LogShape): Cursors {
	if (shape === 'scattered') {
		const indexes = [0, 0, 0];
		return {
			at: (k, text) => (indexes[k] = Math.min(indexes[k], text.length)),
			typed: (k, _text, index) => (indexes[k] = index + 1)
		};
	}
	const positions: (Y.RelativePosition | null)[] = [null, null, null];
	return {
		at: (k, text) => {
			const position = positions[k];
			return position
				? (Y.createAbsolutePositionFromRelativePosition(position, text.doc!)?.index ?? 0)
				: 0;
		},
		typed: (k, text, index) =>
			(positions[k] = Y.createRelativePositionFromTypeIndex(text, index + 1))
	};
}

/**
 * Appends `count` single-keystroke updates by three typists (each mostly typing on, clicking
 * somewhere else for 2 % of keystrokes) to a document's log, as a crash would leave them.
 */
export function writeUpdateLog(
	documentId: string,
	authorId: string,
	count: number,
	shape: LogShape
): number {
	const typists = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
	const cursor = cursors(shape);
	const updates: Uint8Array[] = [];
	for (let i = 0; i < count; i++) {
		const k = i % typists.length;
		const doc = typists[k];
		const text = doc.getText('t');
		const index =
			Math.random() < 0.02 ? Math.floor(Math.random() * (text.length + 1)) : cursor.at(k, text);
		const before = Y.encodeStateVector(doc);
		text.insert(index, String.fromCharCode(97 + (i % 26)));
		cursor.typed(k, text, index);
		const update = Y.encodeStateAsUpdate(doc, before);
		updates.push(update);
		for (const other of typists) if (other !== doc) Y.applyUpdate(other, update);
	}
	const db = getDb();
	const insert = db.prepare(
		'INSERT INTO doc_updates (document_id, data, author_id, created_at) VALUES (?, ?, ?, ?)'
	);
	transaction(db, () => {
		for (const update of updates) insert.run(documentId, update, authorId, Date.now());
	});
	return updates.reduce((sum, u) => sum + u.length, 0);
}

/**
 * Stores a document of about `bytes` shaped like an editor's: paragraphs (XML elements) of text
 * written in several runs, some bold, so it holds many items rather than one long string.
 */
export function writeLargeSnapshot(documentId: string, bytes: number): number {
	const doc = new Y.Doc();
	const body = doc.getXmlFragment('default');
	const sentence = 'Den unge dokumenterer sine kompetencer i praktikken med læringsbeviset. ';
	let size = 0;
	while (size < bytes) {
		Y.transact(doc, () => {
			for (let p = 0; p < 500; p++) {
				const paragraph = new Y.XmlElement('paragraph');
				const text = new Y.XmlText();
				paragraph.insert(0, [text]);
				body.insert(body.length, [paragraph]);
				for (let run = 0; run < 4; run++) {
					text.insert(text.length, sentence.repeat(2), run % 2 ? { bold: true } : {});
				}
			}
		});
		size = Y.encodeStateAsUpdate(doc).length;
	}
	const snapshot = Y.encodeStateAsUpdate(doc);
	getDb()
		.prepare(
			'INSERT INTO doc_snapshots (document_id, data, last_seq, updated_at) VALUES (?, ?, 0, ?)'
		)
		.run(documentId, snapshot, Date.now());
	return snapshot.length;
}
