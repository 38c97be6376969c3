/**
 * Writing whole structures into the document: a scale's levels, and a complete template (used by
 * `initTemplate`), in the current shape (plain text fields as `Y.Text`, the shape version in the
 * meta map). Call inside a transaction.
 */
import * as Y from 'yjs';
import type { RichText } from '#lib/domain/template/rich-text.ts';
import type { Template } from '#lib/domain/template/schemas.ts';
import { initialOrderKeys } from '../order-keys.ts';
import { writeRichText } from '../rich-text-yjs.ts';
import { FIELD, META, templateRoots, type ItemMap } from './template-doc.ts';
import { TEMPLATE_SHAPE_VERSION } from './template-shape.ts';

/** A level to write; ids come from the caller so starters stay deterministic. */
export type LevelDraft = { id: string; label: string; descriptor: RichText };

/** Stores `fields` and an order key in a new map under `parent[id]`, and returns the map. */
function putItem(
	parent: Y.Map<unknown>,
	id: string,
	order: string,
	fields: Record<string, unknown>
): ItemMap {
	const map = new Y.Map<unknown>();
	parent.set(id, map);
	map.set(FIELD.order, order);
	for (const [name, value] of Object.entries(fields)) {
		if (value !== undefined) map.set(name, value);
	}
	return map;
}

/** Stores `richText` in a new fragment under `map[key]`. */
export function putRichText(map: ItemMap, key: string, richText: RichText): void {
	const fragment = new Y.XmlFragment();
	map.set(key, fragment);
	writeRichText(fragment, richText);
}

/** Gives `owner` (an area or a statement) a fresh scale with `levels`, replacing any it had. */
export function writeLevels(owner: ItemMap, levels: readonly LevelDraft[]): void {
	const levelsMap = new Y.Map<unknown>();
	owner.set(FIELD.levels, levelsMap);
	const keys = initialOrderKeys(levels.length);
	levels.forEach((level, index) => {
		const map = putItem(levelsMap, level.id, keys[index], {
			[FIELD.label]: new Y.Text(level.label)
		});
		putRichText(map, FIELD.descriptor, level.descriptor);
	});
}

function putList<T extends { id: string }>(
	items: readonly T[],
	write: (item: T, order: string) => void
): void {
	const keys = initialOrderKeys(items.length);
	items.forEach((item, index) => write(item, keys[index]));
}

/**
 * Writes every part of `template` into the (empty) document, tagging each item with `tag` so a
 * concurrent initialisation from another starter can be told apart (see `isVisible`).
 */
export function writeTemplate(doc: Y.Doc, template: Template, tag: string): void {
	const roots = templateRoots(doc);
	const starter = { [FIELD.starter]: tag };
	roots.meta.set(META.starterId, tag);
	roots.meta.set(META.shapeVersion, TEMPLATE_SHAPE_VERSION);
	roots.meta.set(META.title, new Y.Text(template.title));
	roots.meta.set(META.signatureIncluded, template.signature.isIncluded);
	roots.meta.set(META.signatureText, new Y.Text(template.signature.text));
	putList(template.headerFields, (field, order) => {
		const { kind, isRequired } = field;
		const label = new Y.Text(field.label);
		putItem(roots.headerFields, field.id, order, { ...starter, label, kind, isRequired });
	});
	putList(template.areas, (area, order) => {
		const areaMap = putItem(roots.areas, area.id, order, {
			...starter,
			label: new Y.Text(area.label)
		});
		writeLevels(areaMap, area.scale.levels);
		putList(area.statements, (statement, statementOrder) => {
			const map = putItem(roots.statements, statement.id, statementOrder, {
				...starter,
				[FIELD.areaId]: area.id,
				[FIELD.text]: new Y.Text(statement.text),
				[FIELD.kind]: statement.kind
			});
			putRichText(map, FIELD.description, statement.description);
			if (statement.scale) writeLevels(map, statement.scale.levels);
		});
	});
	for (const name of ['measurementPoints', 'raters'] as const) {
		putList(template[name], (item, order) => {
			putItem(roots[name], item.id, order, { ...starter, label: new Y.Text(item.label) });
		});
	}
	putList(template.freeTextSections, (section, order) => {
		const map = putItem(roots.freeTextSections, section.id, order, {
			...starter,
			label: new Y.Text(section.label)
		});
		putRichText(map, FIELD.guidance, section.guidance);
	});
	for (const raterId of template.signature.signerRaterIds) roots.signers.set(raterId, true);
}
