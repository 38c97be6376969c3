import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	moveArea,
	moveStatement,
	readTemplate,
	removeStatement,
	updateStatement,
	addStatement,
	removeArea
} from '#lib/collab/template/template-binding.ts';
import type { Template } from '#lib/domain/template/schemas.ts';
import { cloneDoc, ctxOf, docFromStarter } from '../../support/template-docs.ts';
import {
	Ledger,
	applyEdit,
	commandArb,
	shuffled,
	type Command
} from '../../support/template-model.ts';

/** Every participant's own updates, in the order they were made. */
function recordUpdates(docs: Y.Doc[]): Uint8Array[][] {
	return docs.map((doc) => {
		const log: Uint8Array[] = [];
		doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin !== 'remote') log.push(update);
		});
		return log;
	});
}

function deliver(doc: Y.Doc, updates: readonly Uint8Array[], seed: number): void {
	for (const update of shuffled(updates, seed)) Y.applyUpdate(doc, update, 'remote');
}

function assertNoDuplicates(template: Template): void {
	const ids = [
		...template.areas.map((a) => a.id),
		...template.areas.flatMap((a) => a.statements.map((s) => s.id)),
		...template.measurementPoints.map((p) => p.id)
	];
	expect(new Set(ids).size).toBe(ids.length);
	for (const area of template.areas) {
		const levels = area.scale.levels.map((l) => l.id);
		expect(new Set(levels).size).toBe(levels.length);
	}
}

/** Runs `commands` on `count` participants, then syncs everyone in shuffled order and checks. */
function runScenario(count: number, commands: Command[], finalSeed: number): void {
	const first = docFromStarter('lager', 1);
	const docs = [first, ...Array.from({ length: count - 1 }, (_, i) => cloneDoc(first, i + 2))];
	const logs = recordUpdates(docs);
	const ledger = new Ledger(readTemplate(first));
	for (const command of commands) {
		if (command.type === 'edit') applyEdit(docs[command.actor], command, ledger);
		else if (command.from !== command.to) {
			deliver(docs[command.to], logs[command.from], command.seed);
		}
	}
	// Everyone receives everything, each doc in its own shuffled order.
	docs.forEach((doc, i) => deliver(doc, logs.flat(), finalSeed + i));
	const template = readTemplate(docs[0]);
	for (const doc of docs.slice(1)) {
		expect(readTemplate(doc)).toEqual(template);
		expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(docs[0]));
	}
	assertNoDuplicates(template);
	ledger.check(template);
}

describe('convergence under concurrent reorder, insert, edit and delete', () => {
	it('two participants always converge with no duplicate and no lost item', () => {
		fc.assert(
			fc.property(
				fc.array(commandArb(2), { minLength: 1, maxLength: 40 }),
				fc.integer(),
				(commands, seed) => runScenario(2, commands, seed)
			),
			{ numRuns: 150 }
		);
	});

	it('three participants always converge with no duplicate and no lost item', () => {
		fc.assert(
			fc.property(
				fc.array(commandArb(3), { minLength: 1, maxLength: 50 }),
				fc.integer(),
				(commands, seed) => runScenario(3, commands, seed)
			),
			{ numRuns: 100 }
		);
	});
});

/** All orders of `items`. */
function permutations<T>(items: readonly T[]): T[][] {
	if (items.length <= 1) return [[...items]];
	return items.flatMap((item, i) =>
		permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest])
	);
}

describe('one statement moved, edited and deleted at once, in every delivery order', () => {
	it('is gone everywhere, and the other concurrent edits all survive', () => {
		const base = docFromStarter('detail', 1);
		const start = readTemplate(base);
		const [faglige, sociale, personlige] = start.areas;
		const target = faglige.statements[1];
		const edits: ((doc: Y.Doc) => void)[] = [
			// A moves the statement to another area and reorders the areas.
			(doc) => {
				moveStatement(ctxOf(doc, 'a'), {
					statementId: target.id,
					toAreaId: sociale.id,
					toIndex: 0
				});
				moveArea(ctxOf(doc, 'a'), { areaId: personlige.id, toIndex: 0 });
			},
			// B deletes it and adds a statement right where it was.
			(doc) => {
				removeStatement(ctxOf(doc, 'b'), { statementId: target.id });
				addStatement(ctxOf(doc, 'b'), { areaId: faglige.id, text: 'Kan B', index: 1, id: 'fromB' });
			},
			// C edits its text and moves a neighbour to the same spot A moved to.
			(doc) => {
				updateStatement(ctxOf(doc, 'c'), { statementId: target.id, text: 'Kan noget andet' });
				moveStatement(ctxOf(doc, 'c'), {
					statementId: faglige.statements[0].id,
					toAreaId: sociale.id,
					toIndex: 0
				});
			}
		];
		const updates = edits.map((edit, i) => {
			const doc = cloneDoc(base, 10 + i);
			const before = Y.encodeStateVector(doc);
			edit(doc);
			return Y.encodeStateAsUpdate(doc, before);
		});
		let reference: Template | undefined;
		for (const order of permutations([0, 1, 2])) {
			const doc = cloneDoc(base, 20);
			for (const i of order) Y.applyUpdate(doc, updates[i], 'remote');
			const t = readTemplate(doc);
			reference ??= t;
			expect(t).toEqual(reference);
			const all = t.areas.flatMap((a) => a.statements.map((s) => s.id));
			expect(all).not.toContain(target.id);
			expect(all.filter((id) => id === 'fromB')).toHaveLength(1);
			expect(new Set(all).size).toBe(all.length);
			expect(all).toHaveLength(start.areas.flatMap((a) => a.statements).length);
			expect(t.areas[0].id).toBe(personlige.id);
			expect(t.areas.find((a) => a.id === sociale.id)!.statements[0].id).toBe(
				faglige.statements[0].id
			);
		}
	});

	it('keeps a statement moved into an area someone removed at the same time, once, in the first area', () => {
		const base = docFromStarter('detail', 1);
		const [faglige, sociale] = readTemplate(base).areas;
		const moved = faglige.statements[0];
		const a = cloneDoc(base, 2);
		const b = cloneDoc(base, 3);
		moveStatement(ctxOf(a, 'a'), { statementId: moved.id, toAreaId: sociale.id, toIndex: 0 });
		removeArea(ctxOf(b, 'b'), { areaId: sociale.id });
		for (const [x, y] of [
			[a, b],
			[b, a]
		]) {
			Y.applyUpdate(x, Y.encodeStateAsUpdate(y), 'remote');
		}
		const t = readTemplate(a);
		expect(readTemplate(b)).toEqual(t);
		expect(t.areas.map((x) => x.id)).not.toContain(sociale.id);
		const all = t.areas.flatMap((x) => x.statements.map((s) => s.id));
		expect(all.filter((id) => id === moved.id)).toHaveLength(1);
		expect(t.areas[0].statements.map((s) => s.id)).toContain(moved.id);
		// Moving it again gives it a real home.
		moveStatement(ctxOf(a, 'a'), { statementId: moved.id, toIndex: 0 });
		expect(readTemplate(a).areas[0].statements[0].id).toBe(moved.id);
	});
});
