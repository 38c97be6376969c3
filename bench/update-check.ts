/**
 * `node bench/update-check.ts`: what the server's update check (update-check.ts: the template's
 * shape, and locks when there are any) costs per keystroke, in this process without sockets or
 * storage. Three people type into the demo template's statements and CV phrases; every
 * keystroke is checked on the scratch copy and applied to the room's document, as a room does,
 * and the same keystrokes are applied without the check for comparison. Reports microseconds per
 * keystroke (median of five rounds) as text and one JSON line.
 */
import * as Y from 'yjs';
import { bindTemplate, readTemplate } from '../src/lib/collab/template/template-binding.ts';
import { resolveTextField } from '../src/lib/collab/template/template-text-fields.ts';
import { getStarter } from '../src/lib/domain/template/starters/index.ts';
import type { LockTarget } from '../src/lib/domain/template/locks.ts';
import { UpdateCheck } from '../server/collab/update-check.ts';

const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 5000);
const ROUNDS = 5;

/** The demo template and `count` one-character updates by three typists in its text fields. */
function keystrokes(count: number): { base: Uint8Array; updates: Uint8Array[] } {
	const seed = new Y.Doc();
	bindTemplate(seed, 'setup').initTemplate(getStarter('detail')!);
	const base = Y.encodeStateAsUpdate(seed);
	const template = readTemplate(seed);
	const statements = template.areas.flatMap((a) => a.statements);
	const typists = [1, 2, 3].map((clientId) => {
		const doc = new Y.Doc();
		doc.clientID = clientId;
		Y.applyUpdate(doc, base);
		return doc;
	});
	const updates: Uint8Array[] = [];
	for (let i = 0; i < count; i++) {
		const doc = typists[i % 3];
		const statement = statements[(i >> 6) % statements.length];
		const path =
			i % 2 === 0
				? ({ field: 'statementText', statementId: statement.id } as const)
				: ({ field: 'cvPhrase', statementId: statement.id } as const);
		const slot = resolveTextField(doc, path)!;
		const text = slot.map.get(slot.key) as Y.Text;
		const before = Y.encodeStateVector(doc);
		doc.transact(() => text.insert(text.length, 'abcdefghij'[i % 10]), 'typist');
		const update = Y.encodeStateAsUpdate(doc, before);
		updates.push(update);
		for (const other of typists) if (other !== doc) Y.applyUpdate(other, update);
	}
	return { base, updates };
}

/** Microseconds per keystroke: applied to a room document, with or without the check. */
function run(
	base: Uint8Array,
	updates: Uint8Array[],
	check: 'none' | 'shape' | 'shape+locks',
	locks: LockTarget[]
): number {
	const room = new Y.Doc();
	Y.applyUpdate(room, base);
	const checker = new UpdateCheck(room);
	const started = performance.now();
	for (const update of updates) {
		if (check !== 'none') {
			const verdict = checker.check(update, [], check === 'shape+locks' ? locks : []);
			if (verdict.verdict !== 'accepted') throw new Error(JSON.stringify(verdict));
		}
		Y.applyUpdate(room, update);
		checker.follow([update]);
	}
	const micros = ((performance.now() - started) * 1000) / updates.length;
	checker.drop();
	room.destroy();
	return micros;
}

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const { base, updates } = keystrokes(KEYSTROKES);
const areaId = readTemplate(
	(() => {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, base);
		return doc;
	})()
).areas[2].id;
// A lock the typing does not touch: the check still reads the template before and after.
const locks: LockTarget[] = [{ kind: 'scale', targetId: areaId }];
const results: Record<string, number[]> = { none: [], shape: [], 'shape+locks': [] };
for (let round = 0; round < ROUNDS; round++) {
	// Alternated, so that the machine's load falls on all three alike.
	for (const check of ['none', 'shape', 'shape+locks'] as const) {
		results[check].push(run(base, updates, check, locks));
	}
}
const report = {
	bench: 'update-check',
	keystrokes: KEYSTROKES,
	microsPerKeystroke: Object.fromEntries(
		Object.entries(results).map(([name, values]) => [name, Math.round(median(values) * 10) / 10])
	)
};
process.stdout.write(
	`Per keystroke (median of ${ROUNDS} rounds of ${KEYSTROKES}): ` +
		`apply only ${report.microsPerKeystroke.none} µs, ` +
		`+ shape check ${report.microsPerKeystroke.shape} µs, ` +
		`+ shape and lock check ${report.microsPerKeystroke['shape+locks']} µs\n` +
		`${JSON.stringify(report)}\n`
);
