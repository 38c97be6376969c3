/**
 * `shareStructure` (structural-sharing.ts), as the template session applies it to every read of
 * the template: the shared result always equals a fresh full read, and every part that did not
 * change keeps the identity it had, so Svelte re-renders only the changed part.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readTemplate, renameArea } from '#lib/collab/template/template-binding.ts';
import { shareStructure } from '#lib/collab/template/structural-sharing.ts';
import { ctxOf, docFromStarter } from '../../support/template-docs.ts';
import { Ledger, applyEdit, commandArb } from '../../support/template-model.ts';

/** Asserts that every part of `shared` deep-equal to the same part of `prev` is that part. */
function expectSharedWhereEqual(prev: unknown, shared: unknown, path = '$'): void {
	if (prev === shared || prev === null || shared === null) return;
	if (typeof prev !== 'object' || typeof shared !== 'object') return;
	let isEqual = true;
	try {
		expect(shared).toStrictEqual(prev);
	} catch {
		isEqual = false;
	}
	if (isEqual) throw new Error(`${path}: equal to the previous read but not the same object`);
	if (Array.isArray(prev) && Array.isArray(shared)) {
		const idOf = (item: unknown) => (item as { id?: unknown } | null)?.id;
		const byId = new Map<unknown, unknown>(prev.map((item: unknown) => [idOf(item), item]));
		shared.forEach((item: unknown, i) => {
			const id = idOf(item);
			const before: unknown = id !== undefined && byId.has(id) ? byId.get(id) : prev[i];
			expectSharedWhereEqual(before, item, `${path}[${i}]`);
		});
		return;
	}
	for (const key of Object.keys(shared)) {
		expectSharedWhereEqual(
			(prev as Record<string, unknown>)[key],
			(shared as Record<string, unknown>)[key],
			`${path}.${key}`
		);
	}
}

describe('shareStructure', () => {
	it('returns the previous value itself when nothing changed', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (value) => {
				expect(shareStructure(value, structuredClone(value))).toBe(value);
			})
		);
	});

	it('always equals the new value', () => {
		fc.assert(
			fc.property(fc.jsonValue(), fc.jsonValue(), (prev, next) => {
				expect(shareStructure(prev, next)).toStrictEqual(next);
			})
		);
	});

	it('keeps the identity of every area and statement a rename did not touch', () => {
		const doc = docFromStarter('lager', 1);
		const before = readTemplate(doc);
		const [first, ...others] = before.areas;
		renameArea(ctxOf(doc), { areaId: first.id, label: 'Nyt navn' });
		const shared = shareStructure(before, readTemplate(doc));
		expect(shared).not.toBe(before);
		expect(shared.areas[0]).not.toBe(first);
		expect(shared.areas[0].label).toBe('Nyt navn');
		expect(shared.areas[0].statements).toBe(first.statements);
		expect(shared.areas[0].scale).toBe(first.scale);
		others.forEach((area, i) => expect(shared.areas[i + 1]).toBe(area));
		expect(shared.headerFields).toBe(before.headerFields);
		expect(shared.goals).toBe(before.goals);
	});

	it('after any sequence of edits equals a full read, and shares every unchanged part', () => {
		fc.assert(
			fc.property(fc.array(commandArb(1), { minLength: 1, maxLength: 30 }), (commands) => {
				const doc: Y.Doc = docFromStarter('lager', 1);
				let shown = readTemplate(doc);
				const ledger = new Ledger(shown);
				for (const command of commands) {
					if (command.type !== 'edit') continue;
					applyEdit(doc, command, ledger);
					const full = readTemplate(doc);
					const shared = shareStructure(shown, full);
					expect(shared).toStrictEqual(full);
					expectSharedWhereEqual(shown, shared);
					shown = shared;
				}
			}),
			{ numRuns: 60 }
		);
	});
});
