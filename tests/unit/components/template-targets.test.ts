/**
 * Every problem `validateTemplate` can report leads to a control the editor renders: the ids the
 * problem panel and the workshop page link to are the ids the editor's fields carry.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindTemplate, readTemplate } from '#lib/collab/template/template-binding.ts';
import { getStarter, validateTemplate } from '#lib/domain/template/index.ts';
import { isLeavingTemplatePhase } from '#lib/domain/workshop.ts';
import {
	fieldId,
	newItemId,
	newLevelId,
	problemTargetId,
	SIGNATURE_ID,
	TITLE_ID
} from '#lib/components/template/targets.ts';

describe('problemTargetId', () => {
	it('points at the field itself when a field is to blame', () => {
		expect(problemTargetId(['title'])).toBe(TITLE_ID);
		expect(problemTargetId(['areas', 'a1', 'label'])).toBe(fieldId('a1', 'label'));
		expect(problemTargetId(['areas', 'a1', 'statements', 's1', 'text'])).toBe(
			fieldId('s1', 'text')
		);
		expect(problemTargetId(['areas', 'a1', 'statements', 's1', 'description'])).toBe(
			fieldId('s1', 'description')
		);
		expect(problemTargetId(['areas', 'a1', 'scale', 'levels', 'l1', 'descriptor'])).toBe(
			fieldId('l1', 'descriptor')
		);
		expect(problemTargetId(['raters', 'r1', 'label'])).toBe(fieldId('r1', 'label'));
		expect(problemTargetId(['freeTextSections', 'f1', 'guidance'])).toBe(fieldId('f1', 'guidance'));
		expect(problemTargetId(['signature', 'signerRaterIds'])).toBe(SIGNATURE_ID);
	});

	it('points at the input that adds what is missing', () => {
		expect(problemTargetId(['areas'])).toBe(newItemId('areas'));
		expect(problemTargetId(['measurementPoints'])).toBe(newItemId('measurementPoints'));
		expect(problemTargetId(['areas', 'a1'])).toBe(newItemId('a1'));
		expect(problemTargetId(['areas', 'a1', 'scale'])).toBe(newLevelId('a1'));
		expect(problemTargetId(['areas', 'a1', 'statements', 's1', 'scale'])).toBe(newLevelId('s1'));
	});

	it('gives distinct targets to the problems of a broken template', () => {
		const doc = new Y.Doc();
		const ops = bindTemplate(doc, 'me');
		ops.initTemplate(getStarter('pleje')!);
		const [area] = readTemplate(doc).areas;
		for (const s of area.statements) ops.removeStatement({ statementId: s.id });
		for (const r of readTemplate(doc).raters) ops.removeRater({ raterId: r.id });
		const targets = validateTemplate(readTemplate(doc)).map((p) => problemTargetId(p.path));
		expect(targets).toEqual([newItemId(area.id), newItemId('raters'), SIGNATURE_ID]);
	});
});

describe('isLeavingTemplatePhase', () => {
	it('is true only when a move closes Dag 1', () => {
		expect(isLeavingTemplatePhase('format', 'drejebog')).toBe(true);
		expect(isLeavingTemplatePhase('format', 'drift')).toBe(true);
		expect(isLeavingTemplatePhase('format', 'format')).toBe(false);
		expect(isLeavingTemplatePhase('drejebog', 'format')).toBe(false);
		expect(isLeavingTemplatePhase('drejebog', 'rollout')).toBe(false);
	});
});
