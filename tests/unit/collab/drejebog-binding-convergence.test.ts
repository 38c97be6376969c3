/**
 * Property tests: two and three people edit the same drejebog concurrently (steps moved within
 * and across stages, typing in titles and checklist items, roles, timings, links, checklist items
 * added, moved and removed, stages reordered), exchanging updates in random order now and then;
 * once everyone has everything, every document reads the same, no step or item is duplicated or
 * lost, and every run of typed characters is kept whole.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readDrejebog } from '#lib/collab/drejebog/drejebog-binding.ts';
import { cloneDoc } from '../../support/template-docs.ts';
import { shuffled } from '../../support/template-model.ts';
import { drejebogDoc } from '../../support/drejebog-docs.ts';
import {
	DrejebogLedger,
	applyDrejebogEdit,
	drejebogCommandArb,
	type DrejebogCommand
} from '../../support/drejebog-model.ts';

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

function runScenario(count: number, commands: DrejebogCommand[], finalSeed: number): void {
	const first = drejebogDoc(undefined, 1);
	const docs = [first, ...Array.from({ length: count - 1 }, (_, i) => cloneDoc(first, i + 2))];
	const logs = recordUpdates(docs);
	const ledger = new DrejebogLedger(readDrejebog(first));
	commands.forEach((command, serial) => {
		if (command.type === 'edit') applyDrejebogEdit(docs[command.actor], command, ledger, serial);
		else if (command.from !== command.to) {
			deliver(docs[command.to], logs[command.from], command.seed);
		}
	});
	docs.forEach((doc, i) => deliver(doc, logs.flat(), finalSeed + i));
	const drejebog = readDrejebog(docs[0]);
	for (const doc of docs.slice(1)) {
		expect(readDrejebog(doc)).toEqual(drejebog);
		expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(docs[0]));
	}
	ledger.check(drejebog);
}

describe('drejebog convergence under concurrent edits', () => {
	it('two participants always converge with nothing duplicated or lost', () => {
		fc.assert(
			fc.property(
				fc.array(drejebogCommandArb(2), { minLength: 1, maxLength: 40 }),
				fc.integer(),
				(commands, seed) => runScenario(2, commands, seed)
			),
			{ numRuns: 60 }
		);
	});

	it('three participants always converge with nothing duplicated or lost', () => {
		fc.assert(
			fc.property(
				fc.array(drejebogCommandArb(3), { minLength: 1, maxLength: 50 }),
				fc.integer(),
				(commands, seed) => runScenario(3, commands, seed)
			),
			{ numRuns: 40 }
		);
	});

	it('a step moved to another stage by one person and retitled by another keeps both', () => {
		const a = drejebogDoc(undefined, 1);
		const b = cloneDoc(a, 2);
		const [before, during] = readDrejebog(a).stages;
		const step = before.steps[0];
		applyDrejebogEdit(
			a,
			{ type: 'edit', actor: 0, op: 'moveStepAcross', a: 0, b: 1, c: 2 },
			new DrejebogLedger(readDrejebog(a)),
			0
		);
		const ledger = new DrejebogLedger(readDrejebog(b));
		applyDrejebogEdit(b, { type: 'edit', actor: 1, op: 'typeTitle', a: 0, b: 0, c: 0 }, ledger, 1);
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		const moved = readDrejebog(a)
			.stages.find((s) => s.id === during.id)!
			.steps.find((s) => s.id === step.id);
		expect(moved?.title).toBe(`<1:1>${step.title}`);
		expect(readDrejebog(b)).toEqual(readDrejebog(a));
	});
});
