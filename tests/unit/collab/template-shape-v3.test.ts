/**
 * Shape 3 (template-shape-v3.ts): a stored document of shape 2, or of shape 1 through 2, gets the
 * second-pass parts stored exactly as reading derived them, so nothing anyone sees changes; it
 * runs once; what a newer client stored before it ran is kept; and the stored parts can be edited
 * afterwards like those of a new template.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	TEMPLATE_ROOTS,
	addSigner,
	readTemplate,
	setCvPhrase,
	setGoal,
	setRatingPlanCell
} from '#lib/collab/template/template-binding.ts';
import { shapeUpgrade, shapeVersionOf } from '#lib/collab/template/template-shape.ts';
import { validateTemplate } from '#lib/domain/template/validate.ts';
import { WORKPLACE_STARTERS } from '#lib/domain/template/starters/index.ts';
import { ctxOf } from '../../support/template-docs.ts';
import { oldShapeDoc } from '../../support/template-shape-v1.ts';
import { v2ShapeDoc } from '../../support/template-shape-v2.ts';

function upgrade(doc: Y.Doc): void {
	const update = shapeUpgrade(doc);
	expect(update).not.toBeNull();
	Y.applyUpdate(doc, update!, 'server');
	expect(shapeVersionOf(doc)).toBe(3);
	expect(shapeUpgrade(doc)).toBeNull();
}

const itemMap = (doc: Y.Doc, root: keyof typeof TEMPLATE_ROOTS, id: string) =>
	doc.getMap(TEMPLATE_ROOTS[root]).get(id) as Y.Map<unknown>;

/** Every second-pass part is stored: reading no longer needs to derive anything. */
function expectStored(doc: Y.Doc): void {
	const t = readTemplate(doc);
	for (const area of t.areas) {
		expect(itemMap(doc, 'areas', area.id).get('category')).toBe(area.category);
		for (const statement of area.statements) {
			const phrase = itemMap(doc, 'statements', statement.id).get('cvPhrase');
			expect(phrase).toBeInstanceOf(Y.Text);
			expect(String(phrase)).toBe(statement.cvPhrase);
		}
	}
	for (const point of t.measurementPoints) {
		expect(itemMap(doc, 'measurementPoints', point.id).has('timing')).toBe(true);
	}
	expect([...doc.getMap(TEMPLATE_ROOTS.signerList).keys()].sort()).toEqual(
		t.signature.signers.map((s) => s.id).sort()
	);
	const goal = doc.getMap(TEMPLATE_ROOTS.goal);
	expect(goal.get('isIncluded')).toBe(false);
	expect(goal.get('label')).toBeInstanceOf(Y.Text);
	expect(goal.get('guidance')).toBeInstanceOf(Y.XmlFragment);
	expect(doc.getMap(TEMPLATE_ROOTS.goalStatuses).size).toBe(3);
	expect(doc.getMap(TEMPLATE_ROOTS.goalPoints).size).toBe(t.measurementPoints.length);
	const meta = doc.getMap(TEMPLATE_ROOTS.meta);
	expect([meta.get('hasHoursPerWeek'), meta.get('hasTasks')]).toEqual([false, false]);
}

describe('upgrading a stored template to shape 3', () => {
	it.each(WORKPLACE_STARTERS.map((s) => s.id))(
		'%s of shape 2: reads exactly as before, every part stored, once',
		(starterId) => {
			const doc = v2ShapeDoc(starterId);
			const before = readTemplate(doc);
			upgrade(doc);
			expect(readTemplate(doc)).toEqual(before);
			expectStored(doc);
		}
	);

	it.each(WORKPLACE_STARTERS.map((s) => s.id))(
		'%s of shape 1: through shape 2 in one update, reads exactly as before',
		(starterId) => {
			const doc = oldShapeDoc(starterId);
			const before = readTemplate(doc);
			upgrade(doc);
			expect(readTemplate(doc)).toEqual(before);
			expectStored(doc);
		}
	);

	it('upgrades the demo template (first start stored the detail starter) and it still validates', () => {
		for (const doc of [oldShapeDoc('detail'), v2ShapeDoc('detail')]) {
			const before = readTemplate(doc);
			expect(validateTemplate(before)).toEqual([]);
			upgrade(doc);
			expect(readTemplate(doc)).toEqual(before);
			expect(validateTemplate(readTemplate(doc))).toEqual([]);
		}
	});

	it('keeps what a newer client stored in a shape-2 document before the upgrade ran', () => {
		const doc = v2ShapeDoc('lager');
		const ctx = ctxOf(doc);
		const t = readTemplate(doc);
		const statementId = t.areas[0].statements[0].id;
		setCvPhrase(ctx, { statementId, cvPhrase: 'Jeg tager imod varer' });
		const signerId = addSigner(ctx, { label: 'Sagsbehandler' });
		upgrade(doc);
		const after = readTemplate(doc);
		expect(after.areas[0].statements[0].cvPhrase).toBe('Jeg tager imod varer');
		// The derived signers (the signing raters) and the new one.
		expect(after.signature.signers.map((s) => s.id).sort()).toEqual(
			[...t.signature.signers.map((s) => s.id), signerId].sort()
		);
	});

	it('leaves parts that can be edited like those of a new template', () => {
		const doc = v2ShapeDoc('koekken');
		upgrade(doc);
		const ctx = ctxOf(doc);
		const t = readTemplate(doc);
		setGoal(ctx, { isIncluded: true, label: 'Mit jobmål' });
		setRatingPlanCell(ctx, {
			measurementPointId: t.measurementPoints[0].id,
			raterId: t.raters[0].id,
			areaId: t.areas[0].id,
			rates: false
		});
		const after = readTemplate(doc);
		expect(after.goals).toMatchObject({ isIncluded: true, label: 'Mit jobmål' });
		expect(after.ratingPlan).toHaveLength(1);
	});
});
