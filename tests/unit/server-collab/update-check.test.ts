/**
 * The shape half of the server's update check (update-check.ts with template-shape-check.ts):
 * everything the app writes passes (every operation, every starter, the shape upgrades, an old
 * client's plain strings, typing); updates that would break what readers expect are refused (a
 * wrong Yjs type at a known key, a key that is not an item id, a value of the wrong type, list
 * content in a map, formatting in a plain text, a rich-text field removed); content problems
 * (empty, too long, duplicate labels) and parts outside the template pass.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	TEMPLATE_ROOTS,
	bindTemplate,
	initTemplate,
	readTemplate,
	type TemplateHandle
} from '#lib/collab/template/template-binding.ts';
import { shapeUpgrade } from '#lib/collab/template/template-shape.ts';
import { markVoteKept } from '#lib/collab/template/template-kept-votes.ts';
import { STARTERS } from '#lib/domain/template/starters/index.ts';
import { UpdateCheck, type CheckVerdict } from '../../../server/collab/update-check.ts';
import { cloneDoc, docFromStarter } from '../../support/template-docs.ts';
import { oldShapeDoc } from '../../support/template-shape-v1.ts';
import { v2ShapeDoc } from '../../support/template-shape-v2.ts';

/** The verdict on the update `edit` makes to a copy of `base`, checked against `base`. */
function verdictOf(base: Y.Doc, edit: (doc: Y.Doc) => void): CheckVerdict {
	const client = cloneDoc(base, 7);
	const before = Y.encodeStateVector(client);
	edit(client);
	const update = Y.encodeStateAsUpdate(client, before);
	return new UpdateCheck(base).check(update, [], []);
}

const accepted: CheckVerdict = { verdict: 'accepted' };
const ops = (doc: Y.Doc): TemplateHandle => bindTemplate(doc, 'member');
const mapAt = (doc: Y.Doc, root: keyof typeof TEMPLATE_ROOTS, id: string) =>
	doc.getMap(TEMPLATE_ROOTS[root]).get(id) as Y.Map<unknown>;

describe('what the app writes keeps the shape', () => {
	it.each(STARTERS.map((s) => s.id))('starting an empty document from %s', (id) => {
		const empty = new Y.Doc();
		const starter = STARTERS.find((s) => s.id === id)!;
		expect(verdictOf(empty, (doc) => initTemplate({ doc, origin: 'me' }, starter))).toEqual(
			accepted
		);
	});

	it('the upgrades of documents stored in shape 1 and 2, and an old client’s plain string', () => {
		for (const stored of [oldShapeDoc('detail'), v2ShapeDoc('lager')]) {
			const update = shapeUpgrade(stored)!;
			expect(new UpdateCheck(stored).check(update, [], [])).toEqual(accepted);
		}
		const upgraded = docFromStarter('pleje');
		const statementId = readTemplate(upgraded).areas[0].statements[0].id;
		expect(
			verdictOf(upgraded, (doc) => mapAt(doc, 'statements', statementId).set('text', 'Gammel'))
		).toEqual(accepted);
	});

	it('every kind of operation, typing, content problems and parts outside the template', () => {
		const base = docFromStarter('detail');
		const t = readTemplate(base);
		const [area] = t.areas;
		const statement = area.statements[0];
		const edits: ((doc: Y.Doc) => void)[] = [
			(doc) => ops(doc).addArea({ label: 'Digitale kompetencer' }),
			(doc) => ops(doc).addStatement({ areaId: area.id, text: 'Kan bruge en scanner' }),
			(doc) =>
				ops(doc).moveStatement({ statementId: statement.id, toAreaId: t.areas[1].id, toIndex: 0 }),
			(doc) => ops(doc).setScaleOverride({ statementId: statement.id, hasOverride: true }),
			(doc) => ops(doc).addLevel({ scale: { areaId: area.id }, label: 'Ekspert' }),
			(doc) => ops(doc).addFreeTextSection({ label: 'Noter' }),
			(doc) => ops(doc).addHeaderField({ label: 'Mentor', kind: 'shortText' }),
			(doc) => ops(doc).removeArea({ areaId: t.areas[2].id }),
			(doc) => ops(doc).setAreaCategory({ areaId: area.id, category: 'other' }),
			(doc) =>
				ops(doc).setTiming({
					measurementPointId: t.measurementPoints[1].id,
					timing: { kind: 'everyWeeks', weeks: 2 }
				}),
			(doc) =>
				ops(doc).setRatingPlanCells({
					cells: t.raters.map((r) => ({
						measurementPointId: t.measurementPoints[0].id,
						raterId: r.id,
						areaId: area.id
					})),
					rates: false
				}),
			(doc) => ops(doc).addSigner({ label: 'Leder', raterId: t.raters[1].id }),
			(doc) => ops(doc).removeRater({ raterId: t.raters[0].id }),
			(doc) => ops(doc).setGoal({ isIncluded: false, guidance: 'Skriv dit mål' }),
			(doc) => ops(doc).addSubGoal({ text: 'Lære kassen', statementIds: [statement.id] }),
			(doc) => ops(doc).addGoalStatus({ label: 'Næsten' }),
			(doc) => ops(doc).setProgressionMeasures({ hasTasks: false }),
			(doc) => markVoteKept(doc, 'k3J9xYz1AbCdEfGhIjKlMn', Date.now()),
			// Typing, and content problems the editor allows while someone types.
			(doc) => (mapAt(doc, 'statements', statement.id).get('cvPhrase') as Y.Text).insert(3, 'xyz'),
			(doc) =>
				ops(doc).updateLevelLabel({
					scale: { areaId: area.id },
					levelId: area.scale.levels[0].id,
					label: 'x'.repeat(40)
				}),
			(doc) => (mapAt(doc, 'areas', area.id).get('label') as Y.Text).delete(0, area.label.length),
			(doc) => doc.getMap('edits').set('anything', { at: 1 }),
			(doc) => doc.getXmlFragment('body').insert(0, [new Y.XmlText('Drejebog')])
		];
		for (const edit of edits) expect(verdictOf(base, edit)).toEqual(accepted);
	});
});

describe('updates that break the shape are refused', () => {
	const base = docFromStarter('lager');
	const t = readTemplate(base);
	const area = t.areas[0];
	const statement = area.statements[0];
	const cases: [string, (doc: Y.Doc) => void][] = [
		[
			'a Y.Text where a category belongs',
			(doc) => mapAt(doc, 'areas', area.id).set('category', new Y.Text('faglig'))
		],
		['a number where a category belongs', (doc) => mapAt(doc, 'areas', area.id).set('category', 5)],
		['an unknown category', (doc) => mapAt(doc, 'areas', area.id).set('category', 'magisk')],
		[
			'a number where a label (Y.Text) belongs',
			(doc) => mapAt(doc, 'raters', t.raters[0].id).set('label', 3)
		],
		[
			'a Y.Map where a CV phrase belongs',
			(doc) => mapAt(doc, 'statements', statement.id).set('cvPhrase', new Y.Map())
		],
		[
			'a plain string where a new text field belongs',
			(doc) => mapAt(doc, 'statements', statement.id).set('cvPhrase', 'Jeg kan')
		],
		[
			'a Y.Array as an area',
			(doc) => doc.getMap(TEMPLATE_ROOTS.areas).set('newArea123', new Y.Array())
		],
		[
			'an item without an id (a key that is not one)',
			(doc) => doc.getMap(TEMPLATE_ROOTS.raters).set('not an id!', new Y.Map())
		],
		[
			'an area without a scale',
			(doc) => {
				const map = new Y.Map<unknown>();
				doc.getMap(TEMPLATE_ROOTS.areas).set('newArea123', map);
				map.set('label', new Y.Text('Uden skala'));
			}
		],
		['a key the layout does not have', (doc) => mapAt(doc, 'areas', area.id).set('colour', 'red')],
		[
			'a malformed timing',
			(doc) =>
				mapAt(doc, 'measurementPoints', t.measurementPoints[0].id).set('timing', {
					kind: 'afterWeeks'
				})
		],
		[
			'a timing of 0 weeks',
			(doc) =>
				mapAt(doc, 'measurementPoints', t.measurementPoints[0].id).set('timing', {
					kind: 'afterWeeks',
					weeks: 0
				})
		],
		[
			'a plan cell that is not three ids',
			(doc) => doc.getMap(TEMPLATE_ROOTS.ratingPlan).set('a.b', false)
		],
		[
			'a plan cell that is not a boolean',
			(doc) => doc.getMap(TEMPLATE_ROOTS.ratingPlan).set('a.b.c', 'no')
		],
		[
			'a statement link that is not true',
			(doc) => {
				const subGoal = mapAt(doc, 'subGoals', t.goals.subGoals[0].id);
				(subGoal.get('statementIds') as Y.Map<unknown>).set(statement.id, 1);
			}
		],
		[
			'a shape version from the future',
			(doc) => doc.getMap(TEMPLATE_ROOTS.meta).set('shapeVersion', 99)
		],
		['removing the shape version', (doc) => doc.getMap(TEMPLATE_ROOTS.meta).delete('shapeVersion')],
		[
			'removing a rich-text field',
			(doc) => mapAt(doc, 'statements', statement.id).delete('description')
		],
		['removing an area’s scale', (doc) => mapAt(doc, 'areas', area.id).delete('levels')],
		[
			'formatting in a plain text',
			(doc) => (mapAt(doc, 'areas', area.id).get('label') as Y.Text).format(0, 2, { bold: true })
		],
		[
			'an embed in a plain text',
			(doc) => (mapAt(doc, 'areas', area.id).get('label') as Y.Text).insertEmbed(0, { image: 'x' })
		],
		[
			'list content in a map',
			(doc) => {
				const other = new Y.Doc();
				other.getArray(TEMPLATE_ROOTS.meta).insert(0, ['list item']);
				Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
			}
		]
	];

	it.each(cases)('%s', (_name, edit) => {
		const verdict = verdictOf(base, edit);
		expect(verdict.verdict).toBe('shape');
	});

	it('XML text inside rich text is fine, a Y.Map is not', () => {
		const description = (doc: Y.Doc) =>
			mapAt(doc, 'statements', statement.id).get('description') as Y.XmlFragment;
		expect(verdictOf(base, (doc) => description(doc).insert(0, [new Y.XmlText('ok')]))).toEqual(
			accepted
		);
		// An update whose item sits in the description fragment but holds a Y.Map.
		const copy = cloneDoc(base, 9);
		const before = Y.encodeStateVector(copy);
		(description(copy) as unknown as Y.Array<unknown>).insert(0, [new Y.Map()]);
		const update = Y.encodeStateAsUpdate(copy, before);
		expect(new UpdateCheck(base).check(update, [], []).verdict).toBe('shape');
	});

	it('a refused update leaves nothing behind: the next good update is checked on a fresh copy', () => {
		const check = new UpdateCheck(base);
		const bad = cloneDoc(base, 11);
		const good = cloneDoc(base, 12);
		const sv = Y.encodeStateVector(base);
		mapAt(bad, 'areas', area.id).set('category', 5);
		ops(good).renameArea({ areaId: area.id, label: 'Varemodtagelse' });
		expect(check.check(Y.encodeStateAsUpdate(bad, sv), [], []).verdict).toBe('shape');
		expect(check.check(Y.encodeStateAsUpdate(good, sv), [], [])).toEqual(accepted);
	});
});
