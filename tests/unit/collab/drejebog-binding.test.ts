/**
 * The drejebog's Yjs binding: what `initDrejebog` writes reads back as the same plain drejebog;
 * each named operation changes what it says and nothing else; refused input leaves the document
 * byte for byte as it was; an old drejebog's text (`body`) is its introduction.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	INTRODUCTION_FRAGMENT,
	addChecklistItem,
	addCustomRole,
	addReaction,
	addStage,
	addStep,
	drejebogFragment,
	initDrejebog,
	isDrejebogEmpty,
	moveChecklistItem,
	moveStage,
	moveStep,
	readDrejebog,
	removeChecklistItem,
	removeCustomRole,
	removeStage,
	removeStep,
	renameDrejebog,
	renameStage,
	renameStep,
	setCvPlan,
	setCvPlanSection,
	setStepGuidance,
	setStepLink,
	setStepProduces,
	setStepRole,
	setStepWhen,
	updateChecklistItem,
	updateReaction
} from '#lib/collab/drejebog/drejebog-binding.ts';
import { ConflictError, NotFoundError, ValidationError } from '#lib/domain/errors.ts';
import { emptyDrejebog, starterDrejebog } from '#lib/domain/drejebog/index.ts';
import { textToRichText } from '#lib/domain/template/index.ts';
import { stateOf } from '../../support/template-docs.ts';
import { dctx, drejebogDoc, templateOf } from '../../support/drejebog-docs.ts';

const template = templateOf('detail');

describe('drejebog binding', () => {
	it('reads back exactly the drejebog it was started with, the introduction kept', () => {
		const doc = new Y.Doc();
		doc.getXmlFragment(INTRODUCTION_FRAGMENT).insert(0, [new Y.XmlText('Gammel tekst')]);
		expect(isDrejebogEmpty({ doc })).toBe(true);
		expect(readDrejebog(doc).starterId).toBeNull();
		const drejebog = starterDrejebog(template);
		initDrejebog(dctx(doc), { drejebog });
		expect(isDrejebogEmpty({ doc })).toBe(false);
		const read = readDrejebog(doc);
		expect({ ...read, introduction: drejebog.introduction }).toEqual(drejebog);
		expect(read.introduction).toEqual(textToRichText('Gammel tekst'));
	});

	it('refuses to start a drejebog twice, changing nothing', () => {
		const doc = drejebogDoc(template);
		const before = stateOf(doc);
		expect(() => initDrejebog(dctx(doc), { drejebog: emptyDrejebog() })).toThrow(ConflictError);
		expect(stateOf(doc)).toEqual(before);
	});

	it('adds, renames, moves and removes stages (a removed stage takes its steps along)', () => {
		const doc = new Y.Doc();
		initDrejebog(dctx(doc), { drejebog: emptyDrejebog() });
		const id = addStage(dctx(doc), { label: 'Efter praktik', index: 1 });
		expect(readDrejebog(doc).stages.map((s) => s.label)).toEqual([
			'Før praktik',
			'Efter praktik',
			'Under praktik',
			'Mod afslutningen'
		]);
		expect(() => addStage(dctx(doc), { label: ' før  PRAKTIK' })).toThrow(ValidationError);
		renameStage(dctx(doc), { stageId: id, label: 'Efterværn' });
		moveStage(dctx(doc), { stageId: id, toIndex: 3 });
		expect(
			readDrejebog(doc)
				.stages.map((s) => s.label)
				.at(-1)
		).toBe('Efterværn');
		const stepId = addStep(dctx(doc), { stageId: id, title: 'Ring efter en måned' });
		removeStage(dctx(doc), { stageId: id });
		expect(readDrejebog(doc).stages).toHaveLength(3);
		expect(doc.getMap('drejebog.steps').has(stepId)).toBe(false);
	});

	it('adds a step with a timing fitting its stage, and edits every part of it', () => {
		const doc = new Y.Doc();
		initDrejebog(dctx(doc), { drejebog: emptyDrejebog() });
		const [before, during, towardsEnd] = readDrejebog(doc).stages;
		const id = addStep(dctx(doc), { stageId: before.id, title: 'Aftal mål' });
		const step = () =>
			readDrejebog(doc)
				.stages.flatMap((s) => s.steps)
				.find((s) => s.id === id)!;
		expect(step()).toMatchObject({
			title: 'Aftal mål',
			who: { roles: [], customRoles: [] },
			when: { kind: 'start', offsetWeeks: -1 },
			link: null,
			produces: 'none',
			checklist: []
		});
		const end = addStep(dctx(doc), { stageId: towardsEnd.id, title: 'Slut' });
		expect(readDrejebog(doc).stages[2].steps[0]).toMatchObject({ id: end, when: { kind: 'end' } });

		renameStep(dctx(doc), { stepId: id, title: 'Aftal mål og delmål' });
		setStepRole(dctx(doc), { stepId: id, role: 'jobConsultant', isIncluded: true });
		setStepRole(dctx(doc), { stepId: id, role: 'youngPerson', isIncluded: true });
		setStepRole(dctx(doc), { stepId: id, role: 'jobConsultant', isIncluded: false });
		const roleId = addCustomRole(dctx(doc), { stepId: id, label: 'Fleksjobambassadør' });
		expect(() => addCustomRole(dctx(doc), { stepId: id, label: 'fleksjobambassadør' })).toThrow(
			ValidationError
		);
		setStepWhen(dctx(doc), {
			stepId: id,
			kind: 'point',
			measurementPointId: 'p1',
			offsetWeeks: -2
		});
		setStepLink(dctx(doc), { stepId: id, link: { kind: 'goals' } });
		setStepProduces(dctx(doc), { stepId: id, produces: 'minPlan' });
		setStepGuidance(dctx(doc), { stepId: id, guidance: 'Skriv **målet** ned.' });
		expect(step()).toMatchObject({
			title: 'Aftal mål og delmål',
			who: { roles: ['youngPerson'], customRoles: [{ id: roleId, label: 'Fleksjobambassadør' }] },
			when: { kind: 'point', measurementPointId: 'p1', offsetWeeks: -2 },
			link: { kind: 'goals' },
			produces: 'minPlan',
			guidance: textToRichText('Skriv **målet** ned.')
		});
		// Free words and back: the point and the offset are kept.
		setStepWhen(dctx(doc), { stepId: id, kind: 'free', text: 'Løbende' });
		expect(step().when).toEqual({ kind: 'free', text: 'Løbende' });
		setStepWhen(dctx(doc), { stepId: id, kind: 'point' });
		expect(step().when).toEqual({ kind: 'point', measurementPointId: 'p1', offsetWeeks: -2 });
		removeCustomRole(dctx(doc), { stepId: id, roleId });
		expect(step().who.customRoles).toEqual([]);

		// Moved to another stage and back to a position.
		moveStep(dctx(doc), { stepId: id, stageId: during.id, toIndex: 0 });
		expect(readDrejebog(doc).stages[1].steps.map((s) => s.id)).toEqual([id]);
		expect(readDrejebog(doc).stages[0].steps).toEqual([]);
		removeStep(dctx(doc), { stepId: id });
		expect(readDrejebog(doc).stages.flatMap((s) => s.steps)).toHaveLength(1);
		expect(() => removeStep(dctx(doc), { stepId: id })).toThrow(NotFoundError);
	});

	it('keeps a checklist in order', () => {
		const doc = drejebogDoc(template);
		const step = readDrejebog(doc).stages[0].steps[0];
		const a = addChecklistItem(dctx(doc), { stepId: step.id, text: 'Første', index: 0 });
		const items = () => readDrejebog(doc).stages[0].steps[0].checklist.map((item) => item.text);
		expect(items()[0]).toBe('Første');
		updateChecklistItem(dctx(doc), { stepId: step.id, itemId: a, text: 'Allerførst' });
		moveChecklistItem(dctx(doc), { stepId: step.id, itemId: a, toIndex: 99 });
		expect(items().at(-1)).toBe('Allerførst');
		removeChecklistItem(dctx(doc), { stepId: step.id, itemId: a });
		expect(items()).toEqual(step.checklist.map((item) => item.text));
	});

	it('changes the CV and Min Plan settings and the reaction rules field by field', () => {
		const doc = drejebogDoc(template);
		setCvPlan(dctx(doc), {
			cvThreshold: { kind: 'position', position: 3 },
			minPlanIncludesNotRated: true
		});
		const section = template.freeTextSections[0].id;
		setCvPlanSection(dctx(doc), { list: 'cv', sectionId: section, isIncluded: true });
		const plan = readDrejebog(doc).cvPlan;
		expect(plan.cvThreshold).toEqual({ kind: 'position', position: 3 });
		expect(plan.minPlanIncludesNotRated).toBe(true);
		expect(plan.cvSectionIds).toContain(section);

		const id = addReaction(dctx(doc), {
			condition: { kind: 'missedRating', days: 5, raterId: null }
		});
		const rule = () => readDrejebog(doc).reactions.find((r) => r.id === id)!;
		expect(rule()).toEqual({
			id,
			action: '',
			condition: { kind: 'missedRating', days: 5, raterId: null }
		});
		updateReaction(dctx(doc), { reactionId: id, kind: 'custom', text: 'Den unge udebliver' });
		expect(rule().condition).toEqual({ kind: 'custom', text: 'Den unge udebliver' });
		updateReaction(dctx(doc), { reactionId: id, kind: 'missedRating', action: 'Ring' });
		expect(rule()).toMatchObject({ action: 'Ring', condition: { kind: 'missedRating', days: 5 } });
	});

	it('refuses bad input with drejebog message keys and changes nothing', () => {
		const doc = drejebogDoc(template);
		const before = stateOf(doc);
		const stepId = readDrejebog(doc).stages[0].steps[0].id;
		const refusals: [() => unknown, string][] = [
			[() => renameDrejebog(dctx(doc), { title: '' }), 'drejebog.input.required'],
			[() => addStep(dctx(doc), { stageId: 'nope', title: 'x' }), 'template.input.gone'],
			[() => renameStep(dctx(doc), { stepId, title: 'x'.repeat(161) }), 'drejebog.input.tooLong'],
			[() => setStepWhen(dctx(doc), { stepId, offsetWeeks: 1.5 }), 'drejebog.input.offsetWeeks'],
			[
				() => setStepLink(dctx(doc), { stepId, link: { kind: 'area' } as never }),
				'drejebog.input.invalid'
			],
			[
				() => setStepRole(dctx(doc), { stepId, role: 'boss' as never, isIncluded: true }),
				'drejebog.input.invalidKind'
			],
			[
				() => renameStep(dctx(doc), { stepId, title: 'Skjult\u202Etekst' }),
				'drejebog.input.invalidCharacters'
			],
			[
				() => setCvPlan(dctx(doc), { cvThreshold: { kind: 'position', position: 0 } }),
				'drejebog.input.levelPosition'
			]
		];
		for (const [write, key] of refusals) {
			let message = '';
			try {
				write();
			} catch (error) {
				message = (error as Error).message;
			}
			expect(message, key).toBe(key);
		}
		expect(stateOf(doc)).toEqual(before);
	});

	it('hands out the fragments tiptap binds to', () => {
		const doc = drejebogDoc(template);
		const stepId = readDrejebog(doc).stages[1].steps[0].id;
		const guidance = drejebogFragment(doc, { field: 'guidance', stepId });
		expect(guidance.length).toBeGreaterThan(0);
		expect(drejebogFragment(doc, { field: 'introduction' })).toBe(doc.getXmlFragment('body'));
		expect(() => drejebogFragment(doc, { field: 'guidance', stepId: 'gone' })).toThrow(
			NotFoundError
		);
	});
});
