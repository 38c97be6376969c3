import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	areaLevel,
	areaLevelFromCounts,
	computeStatistics,
	TARGET_GROUPS,
	type StatsCase,
	type StatsShape,
	type TargetGroup
} from '#lib/domain/privacy/statistics.ts';

const shape: StatsShape = {
	points: [
		{ id: 'p1', label: 'Start' },
		{ id: 'p2', label: 'Midt' },
		{ id: 'p3', label: 'Slut' }
	],
	areas: [
		{ id: 'a1', label: 'Faglig', levels: ['l0', 'l1', 'l2'].map((id) => ({ id, label: id })) },
		{ id: 'a2', label: 'Social', levels: ['m0', 'm1', 'm2', 'm3'].map((id) => ({ id, label: id })) }
	],
	stages: ['before', 'during', 'ending', 'closed'],
	nextSteps: ['internship', 'job', 'education', 'other']
};

function person(i: number, extra: Partial<StatsCase> = {}): StatsCase {
	return {
		youngPersonId: `yp${i}`,
		targetGroup: 'uddannelsesparat',
		stage: 'closed',
		nextStep: 'job',
		levels: [
			{ pointId: 'p1', areaId: 'a1', level: 0 },
			{ pointId: 'p3', areaId: 'a1', level: 1 }
		],
		...extra
	};
}

describe('statistics', () => {
	it('shows figures of five and more young people', () => {
		const stats = computeStatistics(
			Array.from({ length: 6 }, (_, i) => person(i)),
			shape
		);
		expect(stats.youngPeople).toBe(6);
		expect(stats.casesByStage.find((s) => s.stage === 'closed')?.cases).toBe(6);
		expect(stats.progression[0]).toEqual({ areaId: 'a1', youngPeople: 6, movedUpShare: 1 });
		expect(stats.nextSteps.find((n) => n.kind === 'job')?.youngPeople).toBe(6);
		// Nobody is in the other stages: shown as 0, nothing to protect in that row.
		expect(stats.casesByStage.find((s) => s.stage === 'before')?.cases).toBe(0);
	});

	it('hides a figure from four young people, and the smallest other one in its row', () => {
		const cases = [
			...Array.from({ length: 6 }, (_, i) => person(i)),
			...Array.from({ length: 4 }, (_, i) => person(10 + i, { stage: 'during', nextStep: null }))
		];
		const stats = computeStatistics(cases, shape);
		expect(stats.casesByStage.find((s) => s.stage === 'during')?.cases).toBeNull();
		// 10 people in total are shown, so 6 in "closed" would give the 4 away.
		expect(stats.youngPeople).toBe(10);
		expect(stats.casesByStage.find((s) => s.stage === 'closed')?.cases).toBeNull();
	});

	it('refuses to give away a small target group by subtraction', () => {
		const cases = [
			...Array.from({ length: 8 }, (_, i) => person(i)),
			...Array.from({ length: 2 }, (_, i) => person(20 + i, { targetGroup: 'aktivitetsparat' }))
		];
		const whole = computeStatistics(cases, shape);
		expect(whole.youngPeople).toBe(10);
		const narrowed = computeStatistics(cases, shape, 'uddannelsesparat');
		expect(narrowed.youngPeople).toBeNull();
	});

	it('hides figures that the total would give a small remainder away by (no next step, not measured)', () => {
		// Seven young people, six closed and measured at both ends, one still open: "7 minus the
		// 6 with a next step" would tell the one whose stage is hidden.
		const open = person(6, {
			stage: 'during',
			nextStep: null,
			levels: [{ pointId: 'p1', areaId: 'a1', level: 0 }]
		});
		const stats = computeStatistics(
			[...Array.from({ length: 6 }, (_, i) => person(i)), open],
			shape
		);
		expect(stats.youngPeople).toBe(7);
		expect(stats.casesByStage.find((s) => s.stage === 'during')?.cases).toBeNull();
		expect(stats.nextSteps.find((n) => n.kind === 'job')?.youngPeople).toBeNull();
		expect(stats.progression[0]).toEqual({ areaId: 'a1', youngPeople: null, movedUpShare: 1 });
		const end = stats.levels.find((l) => l.pointId === 'p3' && l.areaId === 'a1');
		expect(end?.counts.find((c) => c.levelId === 'l1')?.youngPeople).toBeNull();
		// Everyone is rated at the start: those figures stay.
		const start = stats.levels.find((l) => l.pointId === 'p1' && l.areaId === 'a1');
		expect(start?.counts.find((c) => c.levelId === 'l0')?.youngPeople).toBe(7);
	});

	it("takes the lower median of an area's ratings", () => {
		expect(areaLevel([])).toBeNull();
		expect(areaLevel([2, 0, 3, 1])).toBe(1);
		expect(areaLevel([2, 2, 0])).toBe(2);
	});

	it('takes the same lower median from the count of ratings per level', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 60 }), (indexes) => {
				const counts = [0, 0, 0, 0, 0, 0, 0];
				for (const i of indexes) counts[i]++;
				expect(areaLevelFromCounts(counts)).toBe(areaLevel(indexes));
				// A slice of a longer histogram, as the statistics read one per point and area.
				expect(areaLevelFromCounts([9, 9, ...counts, 9], 2, 9)).toBe(areaLevel(indexes));
			})
		);
	});
});

const caseArb = fc.record({
	youngPersonId: fc.integer({ min: 0, max: 30 }).map((i) => `yp${i}`),
	targetGroup: fc.constantFrom<TargetGroup | null>(...TARGET_GROUPS, null),
	stage: fc.constantFrom(...shape.stages),
	nextStep: fc.constantFrom<string | null>(...shape.nextSteps, null),
	levels: fc
		.subarray(
			shape.points.flatMap((p) =>
				shape.areas.map((a) => ({ p: p.id, a: a.id, n: a.levels.length }))
			)
		)
		.chain((slots) =>
			fc.tuple(
				...slots.map((s) =>
					fc
						.integer({ min: 0, max: s.n - 1 })
						.map((level) => ({ pointId: s.p, areaId: s.a, level }))
				)
			)
		)
}) as fc.Arbitrary<StatsCase>;

/** Every shown figure with the young people it is built from, by the same key in any answer. */
function shownFigures(cases: readonly StatsCase[], group: TargetGroup | null) {
	const stats = computeStatistics(cases, shape, group);
	const groupOf = new Map(cases.map((c) => [c.youngPersonId, c.targetGroup]));
	const inGroup = cases.filter((c) => group === null || groupOf.get(c.youngPersonId) === group);
	const people = (pred: (c: StatsCase) => boolean) =>
		new Set(inGroup.filter(pred).map((c) => c.youngPersonId));
	const level = (c: StatsCase, p: string, a: string) =>
		c.levels.find((l) => l.pointId === p && l.areaId === a)?.level;
	const figures = new Map<string, { value: number; people: Set<string> }>();
	const add = (key: string, value: number | null, basis: Set<string>) => {
		if (value !== null) figures.set(key, { value, people: basis });
	};
	add(
		'people',
		stats.youngPeople,
		people(() => true)
	);
	for (const s of stats.casesByStage) {
		add(
			`stage:${s.stage}`,
			s.cases,
			people((c) => c.stage === s.stage)
		);
	}
	for (const p of stats.progression) {
		const measured = people(
			(c) => level(c, 'p1', p.areaId) !== undefined && level(c, 'p3', p.areaId) !== undefined
		);
		add(`progress:${p.areaId}`, p.youngPeople, measured);
		add(`share:${p.areaId}`, p.movedUpShare, measured);
	}
	for (const row of stats.levels) {
		const area = shape.areas.find((a) => a.id === row.areaId)!;
		for (const count of row.counts) {
			const index = area.levels.findIndex((l) => l.id === count.levelId);
			add(
				`level:${row.pointId}:${row.areaId}:${count.levelId}`,
				count.youngPeople,
				people((c) => level(c, row.pointId, row.areaId) === index)
			);
		}
	}
	for (const n of stats.nextSteps) {
		add(
			`next:${n.kind}`,
			n.youngPeople,
			people((c) => c.nextStep === n.kind)
		);
	}
	return figures;
}

describe('statistics suppression (property)', () => {
	it('never shows a figure built from one to four young people, narrowed or not', () => {
		fc.assert(
			fc.property(
				fc.array(caseArb, { maxLength: 40 }),
				fc.constantFrom<TargetGroup | null>(...TARGET_GROUPS, null),
				(cases, group) => {
					for (const { people } of shownFigures(cases, group).values()) {
						expect(people.size === 0 || people.size >= 5).toBe(true);
					}
				}
			),
			{ numRuns: 1000 }
		);
	});

	it('never lets a narrowed answer subtracted from the whole give away one to four young people', () => {
		fc.assert(
			fc.property(fc.array(caseArb, { maxLength: 40 }), (cases) => {
				const whole = shownFigures(cases, null);
				const answers = TARGET_GROUPS.map((g) => shownFigures(cases, g));
				for (const [key, all] of whole) {
					// Whatever narrowed answers are shown for this figure, the people left over
					// (the whole minus them) are none or at least five.
					for (const subset of [[0], [1], [0, 1]]) {
						const parts = subset.map((i) => answers[i].get(key));
						if (parts.some((p) => p === undefined)) continue;
						const rest = new Set(all.people);
						for (const part of parts) for (const id of part!.people) rest.delete(id);
						expect(rest.size === 0 || rest.size >= 5).toBe(true);
					}
				}
			}),
			{ numRuns: 1000 }
		);
	});
});

/**
 * Every row of counts with the people it covers, as `shownFigures` keys them: the stages, each
 * area's progression, the levels at each point and area, and the next steps.
 */
function countRows(): string[][] {
	return [
		shape.stages.map((s) => `stage:${s}`),
		...shape.areas.map((a) => [`progress:${a.id}`]),
		...shape.points.flatMap((p) =>
			shape.areas.map((a) => a.levels.map((l) => `level:${p.id}:${a.id}:${l.id}`))
		),
		shape.nextSteps.map((n) => `next:${n}`)
	];
}

describe('statistics suppression within a row (property)', () => {
	it('never lets the total minus the shown figures of a row give away one to four young people', () => {
		// Suppression rule 2: the people a reader cannot place in a shown figure of a row (those
		// in its hidden figures, and those in none of them, e.g. without a next step yet) are none
		// or at least five, whenever the answer shows the total.
		fc.assert(
			fc.property(
				fc.array(caseArb, { maxLength: 40 }),
				fc.constantFrom<TargetGroup | null>(...TARGET_GROUPS, null),
				(cases, group) => {
					const stats = computeStatistics(cases, shape, group);
					if (stats.youngPeople === null) return;
					const groupOf = new Map(cases.map((c) => [c.youngPersonId, c.targetGroup]));
					const everyone = new Set(
						cases
							.filter((c) => group === null || groupOf.get(c.youngPersonId) === group)
							.map((c) => c.youngPersonId)
					);
					const shown = shownFigures(cases, group);
					for (const row of countRows()) {
						const placed = new Set(row.flatMap((key) => [...(shown.get(key)?.people ?? [])]));
						const unplaced = [...everyone].filter((id) => !placed.has(id)).length;
						expect(unplaced === 0 || unplaced >= 5, row.join(', ')).toBe(true);
					}
				}
			),
			{ numRuns: 1000 }
		);
	});
});
