/**
 * A random-operations driver for drejebog convergence tests (like template-model.ts): commands
 * pick their targets by number from what the acting doc shows at that moment; a ledger records
 * the steps and checklist items created and removed, and the characters each person typed into
 * titles, so a test can say what must exist after everyone has synced.
 */
import fc from 'fast-check';
import * as Y from 'yjs';
import { expect } from 'vitest';
import {
	addChecklistItem,
	addStep,
	moveChecklistItem,
	moveStage,
	moveStep,
	readDrejebog,
	removeChecklistItem,
	removeStep,
	resolveDrejebogText,
	setStepLink,
	setStepRole,
	setStepWhen
} from '#lib/collab/drejebog/drejebog-binding.ts';
import { NotFoundError, ValidationError } from '#lib/domain/errors.ts';
import { STANDARD_ROLES, WHEN_KINDS, type Drejebog } from '#lib/domain/drejebog/index.ts';
import { stateOf } from './template-docs.ts';
import { dctx } from './drejebog-docs.ts';

export const DREJEBOG_OPS = [
	'addStep',
	'moveStep',
	'moveStepAcross',
	'removeStep',
	'typeTitle',
	'toggleRole',
	'setWhen',
	'setLink',
	'addItem',
	'typeItem',
	'moveItem',
	'removeItem',
	'moveStage'
] as const;

export type DrejebogEdit = {
	type: 'edit';
	actor: number;
	op: (typeof DREJEBOG_OPS)[number];
	a: number;
	b: number;
	c: number;
};
export type DrejebogSync = { type: 'sync'; from: number; to: number; seed: number };
export type DrejebogCommand = DrejebogEdit | DrejebogSync;

export function drejebogCommandArb(docs: number): fc.Arbitrary<DrejebogCommand> {
	const edit = fc.record({
		type: fc.constant('edit' as const),
		actor: fc.nat({ max: docs - 1 }),
		op: fc.constantFrom(...DREJEBOG_OPS),
		a: fc.nat({ max: 60 }),
		b: fc.nat({ max: 60 }),
		c: fc.nat({ max: 60 })
	});
	const sync = fc.record({
		type: fc.constant('sync' as const),
		from: fc.nat({ max: docs - 1 }),
		to: fc.nat({ max: docs - 1 }),
		seed: fc.integer()
	});
	return fc.oneof({ arbitrary: edit, weight: 4 }, { arbitrary: sync, weight: 1 });
}

/** What must be true after a full sync. */
export class DrejebogLedger {
	readonly steps = new Set<string>();
	readonly items = new Map<string, string>();
	readonly removed = new Set<string>();
	/** The marker each typing run inserted, by step id (a run is kept whole unless its step goes). */
	readonly typed = new Map<string, string[]>();

	constructor(drejebog: Drejebog) {
		for (const step of drejebog.stages.flatMap((s) => s.steps)) {
			this.steps.add(step.id);
			for (const item of step.checklist) this.items.set(item.id, step.id);
		}
	}

	/** Asserts every step and checklist item nobody removed is there once, and every typed run. */
	check(drejebog: Drejebog): void {
		const steps = drejebog.stages.flatMap((s) => s.steps);
		const ids = steps.map((s) => s.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect([...ids].sort()).toEqual([...this.steps].filter((id) => !this.removed.has(id)).sort());
		for (const step of steps) {
			const itemIds = step.checklist.map((i) => i.id).sort();
			const expected = [...this.items]
				.filter(([id, stepId]) => stepId === step.id && !this.removed.has(id))
				.map(([id]) => id)
				.sort();
			expect(itemIds).toEqual(expected);
			for (const marker of this.typed.get(step.id) ?? []) expect(step.title).toContain(marker);
		}
	}
}

const pick = <T>(items: readonly T[], n: number): T | undefined =>
	items.length === 0 ? undefined : items[n % items.length];

/** Types `text` at `index` of a plain text field, as the text-input binding writes a keystroke run. */
function typeInto(
	doc: Y.Doc,
	origin: string,
	slot: ReturnType<typeof resolveDrejebogText>,
	index: number,
	text: string
): void {
	const value = slot?.map.get(slot.key);
	if (!(value instanceof Y.Text)) return;
	doc.transact(() => value.insert(index % (value.length + 1), text), origin);
}

/**
 * Runs one edit on `doc`, recording it in `ledger`. An operation the binding refuses must throw
 * one of our domain errors and leave the doc exactly as it was.
 */
export function applyDrejebogEdit(
	doc: Y.Doc,
	command: DrejebogEdit,
	ledger: DrejebogLedger,
	serial: number
): void {
	const origin = `user-${command.actor}`;
	const ctx = dctx(doc, origin);
	const d = readDrejebog(doc);
	const { a, b, c } = command;
	const stage = pick(d.stages, a);
	const steps = d.stages.flatMap((s) => s.steps);
	const step = pick(steps, a);
	const item = step ? pick(step.checklist, b) : undefined;
	// Markers are unique per edit, so a test can find each typed run in the converged title.
	const marker = `<${command.actor}:${serial}>`;
	const run: Record<(typeof DREJEBOG_OPS)[number], () => void> = {
		addStep: () =>
			stage && ledger.steps.add(addStep(ctx, { stageId: stage.id, title: `Trin ${c}`, index: b })),
		moveStep: () => step && moveStep(ctx, { stepId: step.id, toIndex: b % 6 }),
		moveStepAcross: () =>
			step && moveStep(ctx, { stepId: step.id, stageId: pick(d.stages, b)?.id, toIndex: c % 6 }),
		removeStep: () => {
			if (!step) return;
			removeStep(ctx, { stepId: step.id });
			ledger.removed.add(step.id);
		},
		typeTitle: () => {
			if (!step) return;
			typeInto(
				doc,
				origin,
				resolveDrejebogText(doc, { field: 'stepTitle', stepId: step.id }),
				b,
				marker
			);
			ledger.typed.set(step.id, [...(ledger.typed.get(step.id) ?? []), marker]);
		},
		toggleRole: () =>
			step &&
			setStepRole(ctx, {
				stepId: step.id,
				role: STANDARD_ROLES[b % STANDARD_ROLES.length],
				isIncluded: c % 2 === 0
			}),
		setWhen: () => {
			if (!step) return;
			const kind = WHEN_KINDS[b % WHEN_KINDS.length];
			setStepWhen(ctx, {
				stepId: step.id,
				kind,
				offsetWeeks: (c % 9) - 4,
				measurementPointId: `p${c % 3}`
			});
		},
		setLink: () =>
			step &&
			setStepLink(ctx, {
				stepId: step.id,
				link: b % 3 === 0 ? null : { kind: 'measurementPoint', id: `p${c % 3}` }
			}),
		addItem: () => {
			if (!step) return;
			ledger.items.set(
				addChecklistItem(ctx, { stepId: step.id, text: `Punkt ${c}`, index: b }),
				step.id
			);
		},
		typeItem: () =>
			step &&
			item &&
			typeInto(
				doc,
				origin,
				resolveDrejebogText(doc, { field: 'checklistItem', stepId: step.id, itemId: item.id }),
				c,
				marker
			),
		moveItem: () =>
			step && item && moveChecklistItem(ctx, { stepId: step.id, itemId: item.id, toIndex: c % 5 }),
		removeItem: () => {
			if (!step || !item) return;
			removeChecklistItem(ctx, { stepId: step.id, itemId: item.id });
			ledger.removed.add(item.id);
		},
		moveStage: () =>
			stage && moveStage(ctx, { stageId: stage.id, toIndex: b % (d.stages.length + 1) })
	};
	const before = stateOf(doc);
	try {
		run[command.op]();
	} catch (error) {
		if (!(error instanceof ValidationError || error instanceof NotFoundError)) throw error;
		expect(stateOf(doc)).toEqual(before);
	}
}
