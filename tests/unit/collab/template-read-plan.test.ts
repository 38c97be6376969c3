import { describe, expect, it } from 'vitest';
import {
	addArea,
	addRater,
	addStatement,
	readTemplate,
	setSigner
} from '#lib/collab/template/template-binding.ts';
import { validateTemplate } from '#lib/domain/template/validate.ts';
import { ctxOf, docFromStarter } from '../../support/template-docs.ts';

describe('readTemplate on a document without second-pass parts', () => {
	it('derives categories, CV phrases, timings, signers and a plan in which everybody rates', () => {
		const t = readTemplate(docFromStarter('detail'));
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

	it('follows edits: new areas get a category from their label, only signing raters sign', () => {
		const doc = docFromStarter('lager');
		const ctx = ctxOf(doc);
		const areaId = addArea(ctx, { label: 'Digitale kompetencer' });
		addStatement(ctx, { areaId, text: 'Kan bruge sit lønsystem' });
		const mentor = addRater(ctx, { label: 'Mentor' });
		setSigner(ctx, { raterId: readTemplate(doc).raters[0].id, isSigner: false });
		const t = readTemplate(doc);
		const area = t.areas.find((a) => a.id === areaId);
		expect(area?.category).toBe('other');
		expect(area?.statements[0].cvPhrase).toBe('Jeg kan bruge mit lønsystem');
		expect(t.signature.signers.map((s) => s.raterId)).toEqual([t.raters[1].id, t.raters[2].id]);
		expect(t.signature.signers.some((s) => s.raterId === mentor)).toBe(false);
		// The new area and the new rater are rated by default, so there is still no problem.
		expect(validateTemplate(t)).toEqual([]);
	});
});
