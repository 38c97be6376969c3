/**
 * The shape upgrade of stored templates (template-shape.ts): an old document (plain strings)
 * becomes the current shape with the same content, once; documents in shape, and documents that
 * hold no template, are left alone; a client on old code that writes a plain string after the
 * upgrade converges with everyone, and the next upgrade pass repairs the field.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	SHAPE_STEPS,
	TEMPLATE_SHAPE_VERSION,
	pendingShapeSteps,
	shapeUpgrade,
	shapeVersionOf
} from '#lib/collab/template/template-shape.ts';
import { textLocations } from '#lib/collab/template/template-shape-v2.ts';
import {
	TEMPLATE_ROOTS,
	readTemplate,
	renameArea,
	updateStatement
} from '#lib/collab/template/template-binding.ts';
import { validateTemplate } from '#lib/domain/template/validate.ts';
import { WORKPLACE_STARTERS } from '#lib/domain/template/starters/index.ts';
import { cloneDoc, ctxOf, docFromStarter, syncAll } from '../../support/template-docs.ts';
import { oldShapeDoc } from '../../support/template-shape-v1.ts';

/** Applies the upgrade of `doc` (as the server stores and applies it) and returns it. */
function upgraded(doc: Y.Doc): Uint8Array {
	const update = shapeUpgrade(doc);
	expect(update).not.toBeNull();
	Y.applyUpdate(doc, update!, 'server');
	return update!;
}

const kinds = (doc: Y.Doc) =>
	textLocations(doc).map(({ map, key }) => {
		const value = map.get(key);
		return value instanceof Y.Text ? 'text' : typeof value;
	});

describe('the shape version', () => {
	it('is 3, produced by the last step, and written by the starters', () => {
		expect(TEMPLATE_SHAPE_VERSION).toBe(3);
		expect(SHAPE_STEPS.map((step) => step.version)).toEqual([2, 3]);
		const doc = docFromStarter('lager');
		expect(shapeVersionOf(doc)).toBe(3);
		expect(new Set(kinds(doc))).toEqual(new Set(['text']));
		expect(shapeUpgrade(doc)).toBeNull();
	});

	it('is 1 for a template stored before versions, and none for a document without one', () => {
		expect(shapeVersionOf(oldShapeDoc('lager'))).toBe(1);
		const empty = new Y.Doc();
		empty.getXmlFragment('body').insert(0, [new Y.XmlText('drejebog')]);
		expect(shapeVersionOf(empty)).toBeNull();
		expect(shapeUpgrade(empty)).toBeNull();
		// Reading did not create empty template roots in it.
		expect(empty.share.has(TEMPLATE_ROOTS.meta)).toBe(false);
	});

	it('leaves a document written by newer code alone', () => {
		const doc = oldShapeDoc('lager');
		doc.getMap(TEMPLATE_ROOTS.meta).set('shapeVersion', TEMPLATE_SHAPE_VERSION + 1);
		expect(pendingShapeSteps(doc)).toEqual([]);
		expect(shapeUpgrade(doc)).toBeNull();
	});
});

describe('upgrading a stored old-shape template', () => {
	it.each(WORKPLACE_STARTERS.map((s) => s.id))(
		'%s: same template, every text field a Y.Text, the current version, and only once',
		(starterId) => {
			const doc = oldShapeDoc(starterId);
			const before = readTemplate(doc);
			expect(new Set(kinds(doc))).toEqual(new Set(['string']));
			upgraded(doc);
			expect(readTemplate(doc)).toEqual(before);
			expect(new Set(kinds(doc))).toEqual(new Set(['text']));
			expect(shapeVersionOf(doc)).toBe(TEMPLATE_SHAPE_VERSION);
			expect(shapeUpgrade(doc)).toBeNull();
		}
	);

	it('upgrades the demo template (what first start stored) so it still validates', () => {
		// First start fills the demo workshop's template from this starter (first-start.ts).
		const doc = oldShapeDoc('detail');
		const before = readTemplate(doc);
		expect(validateTemplate(before)).toEqual([]);
		upgraded(doc);
		expect(readTemplate(doc)).toEqual(before);
		expect(validateTemplate(readTemplate(doc))).toEqual([]);
	});

	it('does not change the document it reads; the update carries the whole upgrade', () => {
		const stored = oldShapeDoc('pleje', 5);
		const state = Y.encodeStateAsUpdate(stored);
		const update = shapeUpgrade(stored)!;
		expect(Y.encodeStateAsUpdate(stored)).toEqual(state);
		const client = cloneDoc(stored, 6);
		Y.applyUpdate(client, update);
		expect(new Set(kinds(client))).toEqual(new Set(['text']));
	});

	it('keeps items written in the new shape by a newer client before the upgrade', () => {
		const doc = oldShapeDoc('lager');
		const areaId = readTemplate(doc).areas[0].id;
		renameArea(ctxOf(doc), { areaId, label: 'Varemodtagelse' });
		// A rename keeps the old shape of the field it writes: only the server converts.
		expect(typeof doc.getMap(TEMPLATE_ROOTS.areas).get(areaId)).toBe('object');
		upgraded(doc);
		expect(readTemplate(doc).areas[0].label).toBe('Varemodtagelse');
		expect(new Set(kinds(doc))).toEqual(new Set(['text']));
	});
});

describe('a client on old code writing a plain string after the upgrade', () => {
	/**
	 * The server upgrades while an offline client (old code, old cached state) renames a
	 * statement by writing the whole string. Both edits start from the same old string, so Yjs
	 * keeps one of them by client id: the higher wins. The upgrade is made on a scratch doc with
	 * a random client id, so the lowest and the highest possible `staleId` decide which.
	 */
	function scenario(staleId: number) {
		const server = oldShapeDoc('detail', 50);
		const stale = cloneDoc(server, staleId);
		const statementId = readTemplate(server).areas[0].statements[0].id;
		Y.applyUpdate(server, shapeUpgrade(server)!);
		// Offline, old code: the whole statement written as a plain string.
		const map = stale.getMap(TEMPLATE_ROOTS.statements).get(statementId) as Y.Map<unknown>;
		map.set('text', 'Kan tale med kunderne i butikken');
		const fresh = cloneDoc(server, 99);
		syncAll([server, stale, fresh]);
		return { server, stale, fresh, statementId };
	}

	it.each([
		[0, 'the upgrade wins'],
		[0xffffffff, 'the stale string wins']
	])('converges for everyone (stale client id %i: %s), and the next load repairs', (staleId) => {
		const { server, stale, fresh, statementId } = scenario(staleId);
		const read = readTemplate(server);
		expect(readTemplate(stale)).toEqual(read);
		expect(readTemplate(fresh)).toEqual(read);
		const value = (server.getMap(TEMPLATE_ROOTS.statements).get(statementId) as Y.Map<unknown>).get(
			'text'
		);
		const repair = shapeUpgrade(server);
		if (typeof value === 'string') {
			// The stale write won: the field reads as the stale text; the next load converts it.
			expect(value).toBe('Kan tale med kunderne i butikken');
			expect(repair).not.toBeNull();
			Y.applyUpdate(server, repair!);
			expect(readTemplate(server)).toEqual(read);
			expect(new Set(kinds(server))).toEqual(new Set(['text']));
		} else {
			expect(repair).toBeNull();
		}
		// Either way the field can be typed in again, by everyone.
		updateStatement(ctxOf(server), { statementId, text: 'Kan tale med kunderne' });
		syncAll([server, stale, fresh]);
		expect(readTemplate(fresh)).toEqual(readTemplate(server));
	});

	it('both outcomes occur, so both are tested', () => {
		const winners = [0, 0xffffffff].map((id) => {
			const { server, statementId } = scenario(id);
			const map = server.getMap(TEMPLATE_ROOTS.statements).get(statementId) as Y.Map<unknown>;
			return typeof map.get('text');
		});
		expect(winners.sort()).toEqual(['object', 'string']);
	});
});
