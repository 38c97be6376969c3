/**
 * Shape versions per document kind: a drejebog stored before the structured model (only `body`)
 * is version 1 and gets the version stamped once, its text untouched; a started drejebog is
 * written in the current shape; newer or empty documents are left alone; each kind upgrades only
 * its own content.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOCUMENT_SHAPES, documentShapeUpgrade } from '#lib/collab/document-shapes.ts';
import { defineShape, pendingSteps } from '#lib/collab/document-shape.ts';
import {
	DREJEBOG_SHAPE,
	DREJEBOG_SHAPE_VERSION,
	drejebogShapeUpgrade,
	drejebogShapeVersionOf
} from '#lib/collab/drejebog/drejebog-shape.ts';
import { readDrejebog } from '#lib/collab/drejebog/drejebog-binding.ts';
import { textToRichText } from '#lib/domain/template/index.ts';
import { drejebogDoc } from '../../support/drejebog-docs.ts';
import { docFromStarter } from '../../support/template-docs.ts';

function oldDrejebog(text: string): Y.Doc {
	const doc = new Y.Doc();
	const paragraph = new Y.XmlElement('paragraph');
	doc.getXmlFragment('body').insert(0, [paragraph]);
	paragraph.insert(0, [new Y.XmlText(text)]);
	return doc;
}

describe('drejebog shape versions', () => {
	it('stamps an old drejebog once and keeps its text where it is', () => {
		const doc = oldDrejebog('Aftal mødet');
		expect(drejebogShapeVersionOf(doc)).toBe(1);
		const body = doc.getXmlFragment('body').toJSON();
		const update = drejebogShapeUpgrade(doc);
		expect(update).not.toBeNull();
		Y.applyUpdate(doc, update!);
		expect(drejebogShapeVersionOf(doc)).toBe(DREJEBOG_SHAPE_VERSION);
		expect(doc.getXmlFragment('body').toJSON()).toBe(body);
		expect(readDrejebog(doc).introduction).toEqual(textToRichText('Aftal mødet'));
		expect(drejebogShapeUpgrade(doc)).toBeNull();
	});

	it('writes a started drejebog in the current shape and leaves empty and newer documents alone', () => {
		expect(drejebogShapeVersionOf(drejebogDoc())).toBe(DREJEBOG_SHAPE_VERSION);
		expect(drejebogShapeUpgrade(drejebogDoc())).toBeNull();
		expect(drejebogShapeVersionOf(new Y.Doc())).toBeNull();
		const newer = oldDrejebog('Fra fremtiden');
		newer.getMap('drejebog.meta').set('shapeVersion', DREJEBOG_SHAPE_VERSION + 1);
		expect(pendingSteps(newer, DREJEBOG_SHAPE)).toEqual([]);
	});

	it('upgrades each kind’s own content only', () => {
		const template = docFromStarter('detail');
		expect(documentShapeUpgrade(template, 'drejebog')).toBeNull();
		expect(documentShapeUpgrade(oldDrejebog('Tekst'), 'template')).toBeNull();
		expect(Object.keys(DOCUMENT_SHAPES).sort()).toEqual(['drejebog', 'template']);
	});

	it('refuses steps that do not produce 2, 3, … in order', () => {
		const step = { version: 3, description: 'x', upgrade: () => undefined };
		expect(() => defineShape({ metaRoot: 'm', roots: [], steps: [step] })).toThrow();
	});
});
