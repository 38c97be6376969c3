/** Access to the rich-text fragments the editor binds tiptap to. */
import type * as Y from 'yjs';
import { NotFoundError } from '#lib/domain/errors.ts';
import {
	FIELD,
	docStarterId,
	entriesOf,
	readFragment,
	statementsByArea,
	templateRoots,
	type Entry
} from './template-doc.ts';
import type { ScaleOwner } from './template-ops-scales.ts';
import { levelEntries, levelsMapOf } from './template-read.ts';

/**
 * Which rich-text field: a level's descriptor, a statement's description, a section's guidance or
 * the goal's guidance.
 */
export type RichTextPath =
	| { field: 'levelDescriptor'; scale: ScaleOwner; levelId: string }
	| { field: 'statementDescription'; statementId: string }
	| { field: 'freeTextGuidance'; freeTextSectionId: string }
	| { field: 'goalGuidance' };

function find(entries: readonly Entry[], id: string): Entry {
	const entry = entries.find((e) => e.id === id);
	if (!entry) throw new NotFoundError('template.input.gone');
	return entry;
}

function findStatement(doc: Y.Doc, statementId: string): Entry {
	const areas = entriesOf(templateRoots(doc).areas, docStarterId(doc));
	for (const list of statementsByArea(doc, areas).values()) {
		const statement = list.find((s) => s.id === statementId);
		if (statement) return statement;
	}
	throw new NotFoundError('template.input.gone');
}

/**
 * The `Y.XmlFragment` behind a rich-text field, for tiptap's Collaboration extension
 * (`Collaboration.configure({ fragment })`).
 * @throws NotFoundError when the item is gone (someone removed it) or has no such field.
 */
export function getRichTextFragment(doc: Y.Doc, path: RichTextPath): Y.XmlFragment {
	const starterId = docStarterId(doc);
	let map: Y.Map<unknown>;
	let key: string;
	if (path.field === 'goalGuidance') {
		map = templateRoots(doc).goal;
		key = FIELD.guidance;
	} else if (path.field === 'statementDescription') {
		map = findStatement(doc, path.statementId).map;
		key = FIELD.description;
	} else if (path.field === 'freeTextGuidance') {
		map = find(
			entriesOf(templateRoots(doc).freeTextSections, starterId),
			path.freeTextSectionId
		).map;
		key = FIELD.guidance;
	} else {
		const owner =
			'areaId' in path.scale
				? find(entriesOf(templateRoots(doc).areas, starterId), path.scale.areaId).map
				: findStatement(doc, path.scale.statementId).map;
		if (!levelsMapOf(owner)) throw new NotFoundError('template.input.gone');
		map = find(levelEntries(owner, starterId), path.levelId).map;
		key = FIELD.descriptor;
	}
	const fragment = readFragment(map, key);
	if (!fragment) throw new NotFoundError('template.input.gone');
	return fragment;
}

/** A stable string for a rich-text field, for presence ("who is in which field") and DOM ids. */
export function richTextPathKey(path: RichTextPath): string {
	if (path.field === 'statementDescription') return `statement:${path.statementId}:description`;
	if (path.field === 'freeTextGuidance') return `section:${path.freeTextSectionId}:guidance`;
	if (path.field === 'goalGuidance') return 'goal:guidance';
	const owner =
		'areaId' in path.scale ? `area:${path.scale.areaId}` : `statement:${path.scale.statementId}`;
	return `${owner}:level:${path.levelId}:descriptor`;
}
