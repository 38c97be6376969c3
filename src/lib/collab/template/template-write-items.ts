/**
 * Helpers that write whole items into the template's maps: an item with its order key, a
 * rich-text field, a scale's levels, a list in order. Call inside a transaction.
 */
import * as Y from 'yjs';
import type { RichText } from '#lib/domain/template/rich-text.ts';
import { initialOrderKeys } from '../order-keys.ts';
import { writeRichText } from '../rich-text-yjs.ts';
import { FIELD, type ItemMap } from './template-doc.ts';

/** A level to write; ids come from the caller so starters stay deterministic. */
export type LevelDraft = { id: string; label: string; descriptor: RichText };

/** Stores `fields` and an order key in a new map under `parent[id]`, and returns the map. */
export function putItem(
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

/** Calls `write` for each item with order keys that keep the given order. */
export function putList<T extends { id: string }>(
	items: readonly T[],
	write: (item: T, order: string) => void
): void {
	const keys = initialOrderKeys(items.length);
	items.forEach((item, index) => write(item, keys[index]));
}
