/**
 * Two and three people editing the rating plan, the goals and CV phrases at once, with rows and
 * columns decided together, sub-goals linked and removed, raters and statements removed under
 * them, and typing in the same CV phrase: after everyone has received everything, in any order,
 * every document reads the same template, every decided cell that names current items survives,
 * and nothing refers to an item that is gone except what validation lists.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addSubGoal,
	readTemplate,
	removeRater,
	removeStatement,
	removeSubGoal,
	resolveTextField,
	setGoalPoint,
	setRatingPlanCell,
	setRatingPlanCells,
	setSubGoalStatement
} from '#lib/collab/template/template-binding.ts';
import { isDomainError } from '#lib/domain/errors.ts';
import type { Template } from '#lib/domain/template/schemas.ts';
import { cloneDoc, ctxOf, docFromStarter } from '../../support/template-docs.ts';
import { shuffled } from '../../support/template-model.ts';

const OPS = [
	'cell',
	'row',
	'column',
	'addSubGoal',
	'link',
	'removeSubGoal',
	'goalPoint',
	'typeCvPhrase',
	'removeRater',
	'removeStatement'
] as const;

type Command =
	| { type: 'edit'; actor: number; op: (typeof OPS)[number]; a: number; b: number; c: number }
	| { type: 'sync'; from: number; to: number; seed: number };

const commandArb = (count: number): fc.Arbitrary<Command> =>
	fc.oneof(
		{
			weight: 4,
			arbitrary: fc.record({
				type: fc.constant('edit' as const),
				actor: fc.nat(count - 1),
				// Removals are rarer than edits, as in a real session.
				op: fc.oneof(
					{ weight: 8, arbitrary: fc.constantFrom(...OPS.slice(0, 8)) },
					{ weight: 1, arbitrary: fc.constantFrom(...OPS.slice(8)) }
				),
				a: fc.nat(20),
				b: fc.nat(20),
				c: fc.nat(20)
			})
		},
		{
			weight: 1,
			arbitrary: fc.record({
				type: fc.constant('sync' as const),
				from: fc.nat(count - 1),
				to: fc.nat(count - 1),
				seed: fc.integer()
			})
		}
	);

const pick = <T>(items: readonly T[], n: number): T | undefined => items[n % items.length];

/** Runs one edit as the actor would through the editor; refusals (a removed item) are fine. */
function edit(doc: Y.Doc, command: Extract<Command, { type: 'edit' }>, actor: string): void {
	const ctx = ctxOf(doc, actor);
	const t = readTemplate(doc);
	const { a, b, c } = command;
	const point = pick(t.measurementPoints, a);
	const rater = pick(t.raters, b);
	const area = pick(t.areas, c);
	const statements = t.areas.flatMap((x) => x.statements);
	const subGoal = pick(t.goals.subGoals, a);
	try {
		switch (command.op) {
			case 'cell':
				if (point && rater && area) {
					setRatingPlanCell(ctx, {
						measurementPointId: point.id,
						raterId: rater.id,
						areaId: area.id,
						rates: (a + b + c) % 2 === 0
					});
				}
				return;
			case 'row':
			case 'column':
				if (!point || !rater || !area) return;
				setRatingPlanCells(ctx, {
					cells:
						command.op === 'row'
							? t.raters.map((r) => ({
									measurementPointId: point.id,
									raterId: r.id,
									areaId: area.id
								}))
							: t.areas.map((x) => ({
									measurementPointId: point.id,
									raterId: rater.id,
									areaId: x.id
								})),
					rates: c % 2 === 0
				});
				return;
			case 'addSubGoal':
				addSubGoal(ctx, {
					text: `Delmål ${actor} ${a}-${b}-${c}`,
					statementIds: statements.length > 0 ? [pick(statements, b)!.id] : []
				});
				return;
			case 'link':
				if (subGoal && statements.length > 0) {
					const statementId = pick(statements, b)!.id;
					setSubGoalStatement(ctx, { subGoalId: subGoal.id, statementId, isLinked: c % 3 !== 0 });
				}
				return;
			case 'removeSubGoal':
				if (subGoal) removeSubGoal(ctx, { subGoalId: subGoal.id });
				return;
			case 'goalPoint':
				if (point) setGoalPoint(ctx, { measurementPointId: point.id, isFollowed: b % 2 === 0 });
				return;
			case 'typeCvPhrase': {
				// Typing as the text binding writes it: one insert at the caret, the person's origin.
				const statement = statements[0];
				const slot =
					statement && resolveTextField(doc, { field: 'cvPhrase', statementId: statement.id });
				const text = slot?.map.get(slot.key);
				if (text instanceof Y.Text) {
					doc.transact(() => text.insert(a % (text.length + 1), `${actor}${b}`), actor);
				}
				return;
			}
			case 'removeRater':
				if (rater && t.raters.length > 1) removeRater(ctx, { raterId: rater.id });
				return;
			case 'removeStatement': {
				const statement = pick(statements.slice(1), b);
				if (statement) removeStatement(ctx, { statementId: statement.id });
				return;
			}
		}
	} catch (error) {
		if (!isDomainError(error)) throw error;
	}
}

function assertConsistent(template: Template): void {
	const cells = template.ratingPlan.map((e) => `${e.measurementPointId}.${e.raterId}.${e.areaId}`);
	expect(new Set(cells).size).toBe(cells.length);
	const ids = template.goals.subGoals.map((s) => s.id);
	expect(new Set(ids).size).toBe(ids.length);
	const points = new Set(template.measurementPoints.map((p) => p.id));
	expect(template.goals.measurementPointIds.every((id) => points.has(id))).toBe(true);
}

function runScenario(count: number, commands: Command[], finalSeed: number): void {
	const first = docFromStarter('lager', 1);
	const docs = [first, ...Array.from({ length: count - 1 }, (_, i) => cloneDoc(first, i + 2))];
	const logs = docs.map((doc) => {
		const log: Uint8Array[] = [];
		doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin !== 'remote') log.push(update);
		});
		return log;
	});
	const deliver = (doc: Y.Doc, updates: readonly Uint8Array[], seed: number) => {
		for (const update of shuffled(updates, seed)) Y.applyUpdate(doc, update, 'remote');
	};
	for (const command of commands) {
		if (command.type === 'edit') edit(docs[command.actor], command, `user-${command.actor}`);
		else if (command.from !== command.to) {
			deliver(docs[command.to], logs[command.from], command.seed);
		}
	}
	docs.forEach((doc, i) => deliver(doc, logs.flat(), finalSeed + i));
	const template = readTemplate(docs[0]);
	for (const doc of docs.slice(1)) expect(readTemplate(doc)).toEqual(template);
	assertConsistent(template);
}

describe('convergence of concurrent plan, goal and CV phrase edits', () => {
	it('two participants always converge', () => {
		fc.assert(
			fc.property(fc.array(commandArb(2), { minLength: 1, maxLength: 40 }), fc.integer(), (c, s) =>
				runScenario(2, c, s)
			),
			{ numRuns: 120 }
		);
	});

	it('three participants always converge', () => {
		fc.assert(
			fc.property(fc.array(commandArb(3), { minLength: 1, maxLength: 50 }), fc.integer(), (c, s) =>
				runScenario(3, c, s)
			),
			{ numRuns: 80 }
		);
	});

	it('keeps every decision when three people decide different cells, a row and a column at once', () => {
		const first = docFromStarter('blank', 1);
		const docs = [first, cloneDoc(first, 2), cloneDoc(first, 3)];
		const t = readTemplate(first);
		const [p0, p1] = t.measurementPoints;
		const [r0, r1] = t.raters;
		const [a0, a1] = t.areas;
		setRatingPlanCell(ctxOf(docs[0], 'a'), {
			measurementPointId: p0.id,
			raterId: r0.id,
			areaId: a0.id,
			rates: false
		});
		setRatingPlanCells(ctxOf(docs[1], 'b'), {
			cells: t.raters.map((r) => ({ measurementPointId: p1.id, raterId: r.id, areaId: a1.id })),
			rates: false
		});
		setRatingPlanCells(ctxOf(docs[2], 'c'), {
			cells: t.areas.map((a) => ({ measurementPointId: p0.id, raterId: r1.id, areaId: a.id })),
			rates: false
		});
		const updates = docs.map((doc) => Y.encodeStateAsUpdate(doc));
		for (const doc of docs) for (const update of updates) Y.applyUpdate(doc, update);
		const plan = readTemplate(docs[0]).ratingPlan;
		expect(plan).toHaveLength(1 + t.raters.length + t.areas.length);
		expect(plan.every((e) => !e.rates)).toBe(true);
		for (const doc of docs) expect(readTemplate(doc).ratingPlan).toEqual(plan);
	});

	it('keeps both people’s characters when two type in the same CV phrase at once', () => {
		const first = docFromStarter('lager', 1);
		const second = cloneDoc(first, 2);
		const statementId = readTemplate(first).areas[0].statements[0].id;
		const textOf = (doc: Y.Doc) => {
			const slot = resolveTextField(doc, { field: 'cvPhrase', statementId })!;
			return slot.map.get(slot.key) as Y.Text;
		};
		const phrase = textOf(first).toJSON();
		first.transact(() => textOf(first).insert(phrase.length, ' hurtigt'), 'a');
		second.transact(() => textOf(second).insert(0, 'Nu: '), 'b');
		Y.applyUpdate(first, Y.encodeStateAsUpdate(second));
		Y.applyUpdate(second, Y.encodeStateAsUpdate(first));
		const read = (doc: Y.Doc) => readTemplate(doc).areas[0].statements[0].cvPhrase;
		expect(read(first)).toBe(`Nu: ${phrase} hurtigt`);
		expect(read(second)).toBe(read(first));
	});
});
