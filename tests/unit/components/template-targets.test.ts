/**
 * Every problem `validateTemplate` can report leads to a control the editor renders: the ids the
 * problem panel and the workshop page link to are the ids the editor's fields carry.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindTemplate, readTemplate } from '#lib/collab/template/template-binding.ts';
import { validateTemplate } from '#lib/domain/template/index.ts';
import { getStarter } from '#lib/domain/template/starters/index.ts';
import { isLeavingTemplatePhase } from '#lib/domain/workshop.ts';
import {
	fieldId,
	newItemId,
	newLevelId,
	problemTargetId,
	GOAL_IDS,
	RATING_PLAN_ID,
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
		// The signers stay (unlinked from the removed raters), so only the raters are missing.
		expect(targets).toEqual([newItemId(area.id), newItemId('raters')]);
	});

	it('leads the second-pass problems to their controls', () => {
		const cases: [string[], string][] = [
			[['areas', 'a1', 'statements', 's1', 'cvPhrase'], fieldId('s1', 'cvPhrase')],
			[['measurementPoints', 'm1', 'timing'], fieldId('m1', 'timing')],
			[['areas', 'a1', 'ratingPlan'], fieldId('a1', 'ratingPlan')],
			[['ratingPlan', 'gone'], RATING_PLAN_ID],
			[['signature', 'signers'], newItemId('signers')],
			[['signature', 'signers', 'u1', 'label'], fieldId('u1', 'label')],
			[['signature', 'signers', 'u1', 'raterId'], fieldId('u1', 'raterId')],
			[['signature', 'text'], SIGNATURE_ID],
			[['goals', 'label'], GOAL_IDS.label],
			[['goals', 'guidance'], GOAL_IDS.guidance],
			[['goals', 'subGoals'], newItemId('subGoals')],
			[['goals', 'subGoals', 'd1', 'text'], fieldId('d1', 'label')],
			[['goals', 'subGoals', 'd1', 'statementIds', 's9'], fieldId('d1', 'statements')],
			[['goals', 'statuses'], newItemId('goalStatuses')],
			[['goals', 'statuses', 'g1', 'label'], fieldId('g1', 'label')],
			[['goals', 'measurementPointIds'], GOAL_IDS.points],
			[['goals', 'measurementPointIds', 'm9'], GOAL_IDS.points]
		];
		for (const [path, id] of cases) expect(problemTargetId(path), path.join('/')).toBe(id);
	});

	it('gives every problem of a template with broken second-pass parts a target', () => {
		const doc = new Y.Doc();
		const ops = bindTemplate(doc, 'me');
		ops.initTemplate(getStarter('detail')!);
		const t = readTemplate(doc);
		ops.setTiming({ measurementPointId: t.measurementPoints[1].id, timing: { kind: 'end' } });
		ops.addSigner({ label: 'Leder', raterId: t.raters[0].id });
		ops.removeGoalStatus({ statusId: t.goals.statuses[0].id });
		for (const point of t.measurementPoints) {
			ops.setGoalPoint({ measurementPointId: point.id, isFollowed: false });
		}
		const problems = validateTemplate(readTemplate(doc));
		expect(problems.map((p) => p.code).sort()).toEqual(
			['goals.noPoints', 'measurementPoint.timing.outOfOrder'].sort()
		);
		expect(problems.map((p) => problemTargetId(p.path)).sort()).toEqual(
			[GOAL_IDS.points, fieldId(t.measurementPoints[2].id, 'timing')].sort()
		);
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
