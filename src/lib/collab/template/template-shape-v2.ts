/**
 * Shape version 2: every plain text field (the title, the signature text, the labels of areas,
 * levels, measuring points, raters, header fields and free-text sections, and the statements'
 * texts) is a `Y.Text`, so typing in it merges character by character. Version 1 stored them as
 * plain strings, written whole on Enter or blur.
 */
import * as Y from 'yjs';
import { FIELD, META, TEMPLATE_ROOTS } from './template-doc.ts';
import type { ShapeStep } from './template-shape.ts';

/** A map and the key of one of its plain text fields. */
type TextLocation = { map: Y.Map<unknown>; key: string };

/** The item maps of a list root or levels map (whatever else a crafted document holds is skipped). */
function itemMaps(parent: unknown): Y.Map<unknown>[] {
	if (!(parent instanceof Y.Map)) return [];
	const maps: Y.Map<unknown>[] = [];
	(parent as Y.Map<unknown>).forEach((value) => {
		if (value instanceof Y.Map) maps.push(value as Y.Map<unknown>);
	});
	return maps;
}

/** Labels of the levels of an area's or a statement's own scale. */
function levelLabels(owner: Y.Map<unknown>): TextLocation[] {
	return itemMaps(owner.get(FIELD.levels)).map((map) => ({ map, key: FIELD.label }));
}

/**
 * Every plain text field of the template in `doc`, hidden items (another starter's, see
 * `isVisible`) included, so that none is left in the old shape.
 */
export function textLocations(doc: Y.Doc): TextLocation[] {
	const root = (name: string) => (doc.share.has(name) ? doc.getMap<unknown>(name) : null);
	const meta = root(TEMPLATE_ROOTS.meta);
	const locations: TextLocation[] = meta
		? [
				{ map: meta, key: META.title },
				{ map: meta, key: META.signatureText }
			]
		: [];
	for (const area of itemMaps(root(TEMPLATE_ROOTS.areas))) {
		locations.push({ map: area, key: FIELD.label }, ...levelLabels(area));
	}
	for (const statement of itemMaps(root(TEMPLATE_ROOTS.statements))) {
		locations.push({ map: statement, key: FIELD.text }, ...levelLabels(statement));
	}
	for (const name of ['headerFields', 'measurementPoints', 'raters', 'freeTextSections'] as const) {
		for (const map of itemMaps(root(TEMPLATE_ROOTS[name]))) {
			locations.push({ map, key: FIELD.label });
		}
	}
	return locations;
}

/** Fields still holding a plain string (old shape). */
function stringFields(doc: Y.Doc): TextLocation[] {
	return textLocations(doc).filter(({ map, key }) => typeof map.get(key) === 'string');
}

/** Shape version 2: plain text fields become `Y.Text` with the same content. */
export const textFieldsStep: ShapeStep = {
	version: 2,
	description: 'plain text fields become Y.Text',
	upgrade(doc) {
		for (const { map, key } of stringFields(doc)) {
			map.set(key, new Y.Text(map.get(key) as string));
		}
	},
	// A client on older code writes plain strings again, which may win over the Y.Text (see
	// "Shape versions" in docs/architecture.md); the next load converts them back.
	hasDrifted: (doc) => stringFields(doc).length > 0
};
