/**
 * Reading the template's second-pass parts: a document of shape 2 derives them (categories from
 * labels, CV phrases from statements, start and end timings, the signing raters as signers, no
 * plan, goals off); a document of shape 3 reads what it stores, falling back to the derived value
 * for a single missing field.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	TEMPLATE_ROOTS,
	addArea,
	addRater,
	addStatement,
	readTemplate,
	setSigner
} from '#lib/collab/template/template-binding.ts';
import { starterToTemplate } from '#lib/domain/template/from-starter.ts';
import { getStarter } from '#lib/domain/template/starters/index.ts';
import { validateTemplate } from '#lib/domain/template/validate.ts';
import { ctxOf, docFromStarter } from '../../support/template-docs.ts';
import { v2ShapeDoc } from '../../support/template-shape-v2.ts';

describe('readTemplate on a document of shape 2 (no second-pass parts)', () => {
	it('derives categories, CV phrases, timings, signers and a plan in which everybody rates', () => {
		const t = readTemplate(v2ShapeDoc('detail'));
		expect(t.areas.map((a) => a.category)).toEqual(['professional', 'social', 'personal']);
		expect(t.areas[0].statements[0].cvPhrase).toBe(
			'Jeg kan modtage varer og kontrollere dem mod følgesedlen'
		);
		for (const s of t.areas.flatMap((a) => a.statements)) expect(s.cvPhrase).toMatch(/^Jeg /);
		expect(t.measurementPoints.map((p) => p.timing)).toEqual([
			{ kind: 'start' },
			null,
			{ kind: 'end' }
		]);
		expect(t.ratingPlan).toEqual([]);
		expect(t.signature.signers).toEqual(
			t.raters.map((r) => ({ id: r.id, label: r.label, raterId: r.id }))
		);
		expect(t.goals.isIncluded).toBe(false);
		expect(t.goals.measurementPointIds).toEqual(t.measurementPoints.map((p) => p.id));
		expect(t.progressionMeasures).toEqual({ hasHoursPerWeek: false, hasTasks: false });
		expect(validateTemplate(t)).toEqual([]);
	});
});

describe('readTemplate on a document of shape 3', () => {
	it("reads the starter's own parts: real CV phrases, the caseworker who signs, goals, plan", () => {
		const t = readTemplate(docFromStarter('lager'));
		const whole = starterToTemplate(getStarter('lager')!);
		expect(t).toEqual(whole);
		expect(t.signature.signers.some((s) => s.label === 'Sagsbehandler' && s.raterId === null)).toBe(
			true
		);
		expect(t.goals.isIncluded).toBe(true);
		expect(t.ratingPlan.some((cell) => !cell.rates)).toBe(true);
		expect(validateTemplate(t)).toEqual([]);
	});

	it('follows edits: a new area gets a category from its label, a new statement a CV phrase', () => {
		const doc = docFromStarter('lager');
		const ctx = ctxOf(doc);
		const areaId = addArea(ctx, { label: 'Digitale kompetencer' });
		addStatement(ctx, { areaId, text: 'Kan bruge sit lønsystem' });
		const mentor = addRater(ctx, { label: 'Mentor' });
		const first = readTemplate(doc).raters[0].id;
		setSigner(ctx, { raterId: first, isSigner: false });
		const t = readTemplate(doc);
		const area = t.areas.find((a) => a.id === areaId);
		expect(area?.category).toBe('other');
		expect(area?.statements[0].cvPhrase).toBe('Jeg kan bruge mit lønsystem');
		expect(t.signature.signers.some((s) => s.raterId === first)).toBe(false);
		expect(t.signature.signers.some((s) => s.raterId === mentor)).toBe(false);
		expect(t.signature.signerRaterIds).not.toContain(first);
	});

	it('derives a single missing or unreadable field, and ignores plan cells of removed items', () => {
		const doc = docFromStarter('detail');
		const t = readTemplate(doc);
		const statementId = t.areas[0].statements[0].id;
		const areaId = t.areas[0].id;
		doc.transact(() => {
			(doc.getMap(TEMPLATE_ROOTS.statements).get(statementId) as Y.Map<unknown>).delete('cvPhrase');
			(doc.getMap(TEMPLATE_ROOTS.areas).get(areaId) as Y.Map<unknown>).set('category', 'odd');
			doc.getMap(TEMPLATE_ROOTS.ratingPlan).set('gone.gone.gone', false);
		});
		const after = readTemplate(doc);
		expect(after.areas[0].statements[0].cvPhrase).toBe(
			'Jeg kan modtage varer og kontrollere dem mod følgesedlen'
		);
		expect(after.areas[0].category).toBe('professional');
		expect(after.ratingPlan).toEqual(t.ratingPlan);
	});
});
