/**
 * The shape half of the server's update check on drejebog documents (update-check.ts with
 * drejebog-shape-check.ts): everything the drejebog editor writes passes (the starter, every
 * operation, typing, an old drejebog's text and its upgrade); updates that would break what the
 * readers and the Drift rules expect are refused (a wrong Yjs type, a value the operations would
 * never write, an unknown role, a key the layout does not have, a required part removed).
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
	initDrejebog,
	readDrejebog,
	removeStage,
	setCvPlan,
	setCvPlanSection,
	setStepGuidance,
	setStepLink,
	setStepProduces,
	setStepRole,
	setStepWhen,
	updateReaction
} from '#lib/collab/drejebog/drejebog-binding.ts';
import { DREJEBOG_ROOTS } from '#lib/collab/drejebog/drejebog-doc.ts';
import { drejebogShapeUpgrade } from '#lib/collab/drejebog/drejebog-shape.ts';
import { markDrejebogVoteKept } from '#lib/collab/drejebog/drejebog-kept-votes.ts';
import { emptyDrejebog, starterDrejebog } from '#lib/domain/drejebog/index.ts';
import { UpdateCheck, type CheckVerdict } from '../../../server/collab/update-check.ts';
import { cloneDoc } from '../../support/template-docs.ts';
import { dctx, drejebogDoc, templateOf } from '../../support/drejebog-docs.ts';

const template = templateOf('detail');

/** The verdict on the update `edit` makes to a copy of `base`, checked as a drejebog. */
function verdictOf(base: Y.Doc, edit: (doc: Y.Doc) => void): CheckVerdict {
	const client = cloneDoc(base, 7);
	const before = Y.encodeStateVector(client);
	edit(client);
	const update = Y.encodeStateAsUpdate(client, before);
	return new UpdateCheck(base).check(update, [], [], 'drejebog');
}

const accepted: CheckVerdict = { verdict: 'accepted' };
const firstStep = (doc: Y.Doc) =>
	doc.getMap(DREJEBOG_ROOTS.steps).get(readDrejebog(doc).stages[0].steps[0].id) as Y.Map<unknown>;

describe('what the drejebog editor writes keeps the shape', () => {
	it('starting from STAR’s starter, and from empty, on an old drejebog’s text', () => {
		const old = new Y.Doc();
		old.getXmlFragment(INTRODUCTION_FRAGMENT).insert(0, [new Y.XmlText('Gammel tekst')]);
		const upgrade = drejebogShapeUpgrade(old)!;
		expect(new UpdateCheck(old).check(upgrade, [], [], 'drejebog')).toEqual(accepted);
		Y.applyUpdate(old, upgrade);
		for (const drejebog of [starterDrejebog(template), emptyDrejebog()]) {
			expect(verdictOf(old, (doc) => initDrejebog(dctx(doc), { drejebog }))).toEqual(accepted);
		}
	});

	it('every operation on steps, rules and settings, and typing in the introduction', () => {
		const base = drejebogDoc(template);
		const edit = (doc: Y.Doc) => {
			const stageId = addStage(dctx(doc), { label: 'Efterværn' });
			const stepId = addStep(dctx(doc), { stageId, title: 'Ring efter en måned' });
			setStepRole(dctx(doc), { stepId, role: 'jobConsultant', isIncluded: true });
			addCustomRole(dctx(doc), { stepId, label: 'Fleksjobambassadør' });
			setStepWhen(dctx(doc), { stepId, kind: 'point', measurementPointId: 'p1', offsetWeeks: -2 });
			setStepWhen(dctx(doc), { stepId, kind: 'free', text: 'Løbende' });
			setStepLink(dctx(doc), { stepId, link: { kind: 'goals' } });
			setStepProduces(dctx(doc), { stepId, produces: 'minPlan' });
			setStepGuidance(dctx(doc), { stepId, guidance: 'Skriv **målet** ned.' });
			addChecklistItem(dctx(doc), { stepId, text: 'Første' });
			setCvPlan(dctx(doc), { cvThreshold: { kind: 'position', position: 3 } });
			setCvPlanSection(dctx(doc), {
				list: 'cv',
				sectionId: template.freeTextSections[0].id,
				isIncluded: true
			});
			const ruleId = addReaction(dctx(doc), {
				condition: { kind: 'missedRating', days: 5, raterId: null }
			});
			updateReaction(dctx(doc), { reactionId: ruleId, kind: 'custom', text: 'Udebliver' });
			doc.getXmlFragment(INTRODUCTION_FRAGMENT).insert(0, [new Y.XmlText('Indledning')]);
			markDrejebogVoteKept(doc, 'vote-1', 1_700_000_000_000);
			removeStage(dctx(doc), { stageId });
		};
		expect(verdictOf(base, edit)).toEqual(accepted);
	});
});

describe('a crafted update that breaks the drejebog is refused', () => {
	const base = drejebogDoc(template);
	const cases: [string, (doc: Y.Doc) => void, RegExp][] = [
		['a number as a step title', (doc) => firstStep(doc).set('title', 42), /expected a Y.Text/],
		['an unknown product', (doc) => firstStep(doc).set('produces', 'cpr'), /expected one of/],
		[
			'a link of no known kind',
			(doc) => firstStep(doc).set('link', { kind: 'anywhere', id: 'x' }),
			/expected null or a link/
		],
		[
			'a role the drejebog does not know',
			(doc) => (firstStep(doc).get('roles') as Y.Map<unknown>).set('admin', true),
			/not an item id/
		],
		[
			'weeks as text',
			(doc) => (firstStep(doc).get('when') as Y.Map<unknown>).set('offsetWeeks', 'to'),
			/expected whole weeks/
		],
		['a key the layout does not have', (doc) => firstStep(doc).set('cpr', 'x'), /layout/],
		['the guidance removed', (doc) => firstStep(doc).delete('guidance'), /may not be removed/],
		[
			'the shape version removed',
			(doc) => doc.getMap(DREJEBOG_ROOTS.meta).delete('shapeVersion'),
			/may not be removed/
		],
		[
			'a stage that is not a map',
			(doc) => doc.getMap(DREJEBOG_ROOTS.stages).set('s-new', 'Før'),
			/expected a Y.Map/
		],
		[
			'a rating basis of no known kind',
			(doc) => doc.getMap(DREJEBOG_ROOTS.cvPlan).set('basis', { kind: 'everyone' }),
			/expected a rating basis/
		]
	];
	it.each(cases)('%s', (_name, edit, problem) => {
		const verdict = verdictOf(base, edit);
		expect(verdict.verdict).toBe('shape');
		expect(verdict.verdict === 'shape' && verdict.problem).toMatch(problem);
	});

	it('a template-shaped update on a drejebog room is judged by the drejebog’s layout', () => {
		const verdict = verdictOf(base, (doc) =>
			doc.getMap(DREJEBOG_ROOTS.meta).set('shapeVersion', 99)
		);
		expect(verdict.verdict).toBe('shape');
	});
});
