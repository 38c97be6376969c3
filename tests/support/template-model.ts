/**
 * A random-operations driver for convergence tests: commands pick their targets by number from
 * what the acting doc shows at that moment, and a ledger records what was created and removed,
 * so a test can say which items must exist after everyone has synced.
 */
import fc from 'fast-check';
import type * as Y from 'yjs';
import {
	addArea,
	addLevel,
	addMeasurementPoint,
	addStatement,
	moveArea,
	moveLevel,
	moveMeasurementPoint,
	moveStatement,
	readTemplate,
	removeArea,
	removeLevel,
	removeMeasurementPoint,
	removeStatement,
	renameArea,
	updateLevelLabel,
	updateStatement
} from '#lib/collab/template/template-binding.ts';
import { NotFoundError, ValidationError } from '#lib/domain/errors.ts';
import type { Template } from '#lib/domain/template/schemas.ts';
import { ctxOf, stateOf } from './template-docs.ts';
import { expect } from 'vitest';

export const OP_NAMES = [
	'addArea',
	'renameArea',
	'moveArea',
	'removeArea',
	'addStatement',
	'updateStatement',
	'moveStatement',
	'removeStatement',
	'addLevel',
	'renameLevel',
	'moveLevel',
	'removeLevel',
	'addPoint',
	'movePoint',
	'removePoint'
] as const;

/** One edit by one participant; `a`, `b`, `c` pick targets and positions modulo what exists. */
export type EditCommand = {
	type: 'edit';
	actor: number;
	op: (typeof OP_NAMES)[number];
	a: number;
	b: number;
	c: number;
	word: number;
};
/** Deliver everything `from` has written so far to `to`, in an order drawn from `seed`. */
export type SyncCommand = { type: 'sync'; from: number; to: number; seed: number };
export type Command = EditCommand | SyncCommand;

/** Few distinct words, so duplicate labels (and refusals) happen often. */
const WORDS = ['Alfa', 'Beta', 'Gamma', 'alfa', 'Delta'];

export function commandArb(docs: number): fc.Arbitrary<Command> {
	const edit = fc.record({
		type: fc.constant('edit' as const),
		actor: fc.nat({ max: docs - 1 }),
		op: fc.constantFrom(...OP_NAMES),
		a: fc.nat({ max: 50 }),
		b: fc.nat({ max: 50 }),
		c: fc.nat({ max: 50 }),
		word: fc.nat({ max: WORDS.length - 1 })
	});
	const sync = fc.record({
		type: fc.constant('sync' as const),
		from: fc.nat({ max: docs - 1 }),
		to: fc.nat({ max: docs - 1 }),
		seed: fc.integer()
	});
	return fc.oneof({ arbitrary: edit, weight: 4 }, { arbitrary: sync, weight: 1 });
}

/** A small deterministic PRNG (mulberry32) so a failing shuffle replays exactly. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
	let state = seed >>> 0;
	const random = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const copy = [...items];
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[copy[i], copy[j]] = [copy[j], copy[i]];
	}
	return copy;
}

/** What must be true after a full sync: the ids that exist and the ids that were removed. */
export class Ledger {
	readonly areas = new Set<string>();
	readonly statements = new Set<string>();
	readonly points = new Set<string>();
	/** Level ids per area id. */
	readonly levels = new Map<string, Set<string>>();
	readonly removed = new Set<string>();

	constructor(template: Template) {
		for (const area of template.areas) {
			this.areas.add(area.id);
			this.levels.set(area.id, new Set(area.scale.levels.map((l) => l.id)));
			for (const s of area.statements) this.statements.add(s.id);
		}
		for (const p of template.measurementPoints) this.points.add(p.id);
	}

	private alive(ids: Set<string>): string[] {
		return [...ids].filter((id) => !this.removed.has(id)).sort();
	}

	/** Asserts that `template` has every item nobody removed, each exactly once, and nothing else. */
	check(template: Template): void {
		const areaIds = template.areas.map((a) => a.id);
		const statementIds = template.areas.flatMap((a) => a.statements.map((s) => s.id));
		const pointIds = template.measurementPoints.map((p) => p.id);
		expect([...areaIds].sort()).toEqual(this.alive(this.areas));
		// With no area left, statements whose area went away have nowhere to be shown; they come
		// back in the first area someone adds, so they are hidden, not lost.
		const expectedStatements = areaIds.length === 0 ? [] : this.alive(this.statements);
		expect([...statementIds].sort()).toEqual(expectedStatements);
		expect([...pointIds].sort()).toEqual(this.alive(this.points));
		for (const area of template.areas) {
			const levelIds = area.scale.levels.map((l) => l.id).sort();
			expect(levelIds).toEqual(this.alive(this.levels.get(area.id) ?? new Set()));
		}
	}
}

const pick = <T>(items: readonly T[], n: number): T | undefined =>
	items.length === 0 ? undefined : items[n % items.length];

/**
 * Runs one edit on `doc`, recording it in `ledger`. An operation the binding refuses must
 * throw one of our domain errors and leave the doc exactly as it was.
 */
export function applyEdit(doc: Y.Doc, command: EditCommand, ledger: Ledger): void {
	const ctx = ctxOf(doc, `user-${command.actor}`);
	const t = readTemplate(doc);
	const { a, b, c } = command;
	const word = WORDS[command.word];
	const area = pick(t.areas, a);
	const statements = t.areas.flatMap((x) => x.statements);
	const statement = pick(statements, b);
	const level = area ? pick(area.scale.levels, b) : undefined;
	const point = pick(t.measurementPoints, a);
	const run: Record<(typeof OP_NAMES)[number], () => void> = {
		addArea: () => {
			const id = addArea(ctx, { label: `${word} ${c % 3}`, index: b });
			ledger.areas.add(id);
			ledger.levels.set(
				id,
				new Set(
					readTemplate(doc)
						.areas.find((x) => x.id === id)!
						.scale.levels.map((l) => l.id)
				)
			);
		},
		renameArea: () => area && renameArea(ctx, { areaId: area.id, label: `${word} ${c % 3}` }),
		moveArea: () => area && moveArea(ctx, { areaId: area.id, toIndex: c % (t.areas.length + 1) }),
		removeArea: () => {
			if (!area) return;
			removeArea(ctx, { areaId: area.id });
			ledger.removed.add(area.id);
			for (const s of area.statements) ledger.removed.add(s.id);
		},
		addStatement: () =>
			area &&
			ledger.statements.add(
				addStatement(ctx, { areaId: area.id, text: `Kan ${word} ${c % 4}`, index: b })
			),
		updateStatement: () =>
			statement &&
			updateStatement(ctx, { statementId: statement.id, text: `Kan ${word} ${c % 4}` }),
		moveStatement: () =>
			statement &&
			moveStatement(ctx, {
				statementId: statement.id,
				toAreaId: pick(t.areas, c)?.id,
				toIndex: a % 8
			}),
		removeStatement: () => {
			if (!statement) return;
			removeStatement(ctx, { statementId: statement.id });
			ledger.removed.add(statement.id);
		},
		addLevel: () =>
			area &&
			ledger.levels
				.get(area.id)
				?.add(addLevel(ctx, { scale: { areaId: area.id }, label: `${word} ${c % 3}`, index: b })),
		renameLevel: () =>
			area &&
			level &&
			updateLevelLabel(ctx, {
				scale: { areaId: area.id },
				levelId: level.id,
				label: `${word} ${c % 3}`
			}),
		moveLevel: () =>
			area &&
			level &&
			moveLevel(ctx, { scale: { areaId: area.id }, levelId: level.id, toIndex: c % 6 }),
		removeLevel: () => {
			if (!area || !level) return;
			removeLevel(ctx, { scale: { areaId: area.id }, levelId: level.id });
			ledger.removed.add(level.id);
		},
		addPoint: () =>
			ledger.points.add(addMeasurementPoint(ctx, { label: `${word} ${c % 3}`, index: b })),
		movePoint: () =>
			point && moveMeasurementPoint(ctx, { measurementPointId: point.id, toIndex: c % 5 }),
		removePoint: () => {
			if (!point) return;
			removeMeasurementPoint(ctx, { measurementPointId: point.id });
			ledger.removed.add(point.id);
		}
	};
	const before = stateOf(doc);
	try {
		run[command.op]();
	} catch (error) {
		expect(error instanceof ValidationError || error instanceof NotFoundError).toBe(true);
		expect(stateOf(doc)).toEqual(before);
	}
}
