/**
 * Where each plain text field of the template lives, for binding it to an input
 * (text-input-binding.ts). The lookup is a few direct map reads, because the binding repeats it
 * after every transaction.
 */
import * as Y from 'yjs';
import type { TextSlot } from '../text-input-binding.ts';
import { FIELD, META, templateRoots, type SimpleListName } from './template-doc.ts';
import type { ScaleOwner } from './template-ops-scales.ts';

/**
 * Which plain text field: the template's title, signature text or goal heading, or an item's
 * label, text or CV phrase.
 */
export type TextFieldPath =
	| { field: 'title' }
	| { field: 'signatureText' }
	| { field: 'areaLabel'; areaId: string }
	| { field: 'statementText'; statementId: string }
	| { field: 'levelLabel'; scale: ScaleOwner; levelId: string }
	| { field: 'listLabel'; list: SimpleListName; itemId: string }
	| { field: 'cvPhrase'; statementId: string }
	| { field: 'signerLabel'; signerId: string }
	| { field: 'goalLabel' }
	| { field: 'subGoalText'; subGoalId: string }
	| { field: 'goalStatusLabel'; statusId: string };

function mapAt(parent: unknown, key: string): Y.Map<unknown> | null {
	if (!(parent instanceof Y.Map)) return null;
	const value: unknown = (parent as Y.Map<unknown>).get(key);
	return value instanceof Y.Map ? (value as Y.Map<unknown>) : null;
}

/** The map and key of the field at `path`, or null when its item is gone. */
export function resolveTextField(doc: Y.Doc, path: TextFieldPath): TextSlot | null {
	const roots = templateRoots(doc);
	const slot = (map: Y.Map<unknown> | null, key: string) => (map ? { map, key } : null);
	switch (path.field) {
		case 'title':
			return { map: roots.meta, key: META.title };
		case 'signatureText':
			return { map: roots.meta, key: META.signatureText };
		case 'areaLabel':
			return slot(mapAt(roots.areas, path.areaId), FIELD.label);
		case 'statementText':
			return slot(mapAt(roots.statements, path.statementId), FIELD.text);
		case 'listLabel':
			return slot(mapAt(roots[path.list], path.itemId), FIELD.label);
		case 'cvPhrase':
			return slot(mapAt(roots.statements, path.statementId), FIELD.cvPhrase);
		case 'signerLabel':
			return slot(mapAt(roots.signerList, path.signerId), FIELD.label);
		case 'goalLabel':
			return { map: roots.goal, key: FIELD.label };
		case 'subGoalText':
			return slot(mapAt(roots.subGoals, path.subGoalId), FIELD.text);
		case 'goalStatusLabel':
			return slot(mapAt(roots.goalStatuses, path.statusId), FIELD.label);
		case 'levelLabel': {
			const owner =
				'areaId' in path.scale
					? mapAt(roots.areas, path.scale.areaId)
					: mapAt(roots.statements, path.scale.statementId);
			const levels = owner ? mapAt(owner, FIELD.levels) : null;
			return slot(levels ? mapAt(levels, path.levelId) : null, FIELD.label);
		}
	}
}
