/**
 * The drejebog's plain-data schemas: what a step's parts accept and refuse (with drejebog message
 * keys), and that a crafted document still reads as a drejebog of the right shape.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	cvPlanSchema,
	defaultCvPlan,
	drejebogSchema,
	emptyDrejebog,
	linkSchema,
	reactionConditionSchema,
	startDrejebogSchema,
	stepSchema,
	whenSchema,
	whoSchema
} from '#lib/domain/drejebog/index.ts';
import { readDrejebog } from '#lib/collab/drejebog/drejebog-binding.ts';

function messageOf(result: {
	success: boolean;
	error?: { issues: { message: string }[] };
}): string {
	return result.success ? 'ok' : (result.error?.issues[0]?.message ?? '');
}

describe('drejebog schemas', () => {
	it('accepts the four kinds of timing and refuses offsets that are not whole weeks in range', () => {
		for (const when of [
			{ kind: 'start', offsetWeeks: -2 },
			{ kind: 'point', measurementPointId: 'detail-m2', offsetWeeks: 1 },
			{ kind: 'end', offsetWeeks: 0 },
			{ kind: 'free', text: 'Løbende' }
		]) {
			expect(whenSchema.parse(when)).toEqual(when);
		}
		expect(messageOf(whenSchema.safeParse({ kind: 'start', offsetWeeks: 0.5 }))).toBe(
			'drejebog.input.offsetWeeks'
		);
		expect(messageOf(whenSchema.safeParse({ kind: 'end', offsetWeeks: -105 }))).toBe(
			'drejebog.input.offsetWeeks'
		);
		expect(messageOf(whenSchema.safeParse({ kind: 'free', text: '  ' }))).toBe(
			'drejebog.input.required'
		);
		expect(messageOf(whenSchema.safeParse({ kind: 'soon' }))).toBe('drejebog.input.invalidKind');
	});

	it('links by id to a point, an area or a free-text section, or to the goals', () => {
		expect(linkSchema.parse({ kind: 'goals' })).toEqual({ kind: 'goals' });
		expect(linkSchema.safeParse({ kind: 'area' }).success).toBe(false);
		expect(linkSchema.safeParse({ kind: 'area', id: 'has space' }).success).toBe(false);
		expect(linkSchema.safeParse({ kind: 'statement', id: 'x' }).success).toBe(false);
	});

	it('names standard roles and custom ones with a visible label', () => {
		expect(whoSchema.safeParse({ roles: ['boss'], customRoles: [] }).success).toBe(false);
		expect(
			messageOf(whoSchema.safeParse({ roles: [], customRoles: [{ id: 'r1', label: '\u200b' }] }))
		).toBe('drejebog.input.required');
		expect(
			messageOf(
				whoSchema.safeParse({ roles: [], customRoles: [{ id: 'r1', label: 'Mentor\u202E' }] })
			)
		).toBe('drejebog.input.invalidCharacters');
	});

	it('describes reaction conditions with their own limits', () => {
		expect(
			messageOf(
				reactionConditionSchema.safeParse({ kind: 'missedRating', days: 61, raterId: null })
			)
		).toBe('drejebog.input.missedDays');
		expect(
			reactionConditionSchema.parse({ kind: 'noProgress', fromPointId: 'a', toPointId: 'b' })
		).toEqual({ kind: 'noProgress', fromPointId: 'a', toPointId: 'b' });
		expect(cvPlanSchema.parse(defaultCvPlan())).toEqual(defaultCvPlan());
		expect(startDrejebogSchema.safeParse({ starter: 'star' }).success).toBe(true);
		expect(startDrejebogSchema.safeParse({ starter: 'other' }).success).toBe(false);
	});

	it('refuses an empty step title and a step without its parts', () => {
		expect(stepSchema.safeParse({ id: 's1', title: '' }).success).toBe(false);
		expect(drejebogSchema.parse(emptyDrejebog())).toEqual(emptyDrejebog());
	});

	it('reads a crafted document as a drejebog of the right shape', () => {
		const doc = new Y.Doc();
		doc.getMap('drejebog.meta').set('starterId', 'hacked');
		doc.getMap('drejebog.meta').set('title', 42);
		const stage = new Y.Map<unknown>();
		doc.getMap('drejebog.stages').set('s1', stage);
		stage.set('order', 'a0');
		stage.set('label', 'Før praktik');
		const step = new Y.Map<unknown>();
		doc.getMap('drejebog.steps').set('t1', step);
		step.set('order', 'not a key!');
		step.set('stageId', 'gone');
		step.set('title', 'Trin');
		step.set('link', { kind: 'area' });
		step.set('produces', 'money');
		step.set('when', 'tomorrow');
		doc.getMap('drejebog.cvPlan').set('cvThreshold', { kind: 'position', position: 99 });
		doc.getMap('drejebog.steps').set('junk', 'not a map');
		const read = readDrejebog(doc);
		expect(read.starterId).toBeNull();
		expect(read.stages).toHaveLength(1);
		// The step whose stage is gone is shown in the first stage rather than lost.
		expect(read.stages[0].steps[0]).toMatchObject({
			id: 't1',
			title: 'Trin',
			link: null,
			produces: 'none',
			when: { kind: 'start', offsetWeeks: 0 },
			who: { roles: [], customRoles: [] }
		});
		expect(read.cvPlan.cvThreshold).toEqual({ kind: 'upperHalf' });
		// What the reader gives is valid plain data, except for what validation reports.
		expect(drejebogSchema.safeParse({ ...read, title: 'Titel' }).success).toBe(true);
	});
});
