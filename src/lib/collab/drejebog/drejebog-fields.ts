/**
 * Where each plain text field and each rich-text field of a drejebog lives, for binding it to an
 * input (text-input-binding.ts) or to tiptap. The text lookup is a few direct map reads, because
 * the binding repeats it after every transaction.
 */
import type * as Y from 'yjs';
import { NotFoundError } from '#lib/domain/errors.ts';
import type { TextSlot } from '../text-input-binding.ts';
import { readFragment } from '../template/template-doc.ts';
import {
	DFIELD,
	DMETA,
	drejebogRoots,
	findStep,
	introductionFragment,
	mapAt
} from './drejebog-doc.ts';

/** Which plain text field of a drejebog. */
export type DrejebogTextPath =
	| { field: 'title' }
	| { field: 'stageLabel'; stageId: string }
	| { field: 'stepTitle'; stepId: string }
	| { field: 'whenText'; stepId: string }
	| { field: 'checklistItem'; stepId: string; itemId: string }
	| { field: 'reactionText'; reactionId: string }
	| { field: 'reactionAction'; reactionId: string };

/** The map and key of the text field at `path`, or null when its item is gone. */
export function resolveDrejebogText(doc: Y.Doc, path: DrejebogTextPath): TextSlot | null {
	const roots = drejebogRoots(doc);
	const slot = (map: Y.Map<unknown> | null, key: string) => (map ? { map, key } : null);
	switch (path.field) {
		case 'title':
			return { map: roots.meta, key: DMETA.title };
		case 'stageLabel':
			return slot(mapAt(roots.stages, path.stageId), DFIELD.label);
		case 'stepTitle':
			return slot(mapAt(roots.steps, path.stepId), DFIELD.title);
		case 'whenText':
			return slot(mapAt(mapAt(roots.steps, path.stepId), DFIELD.when), DFIELD.text);
		case 'checklistItem': {
			const checklist = mapAt(mapAt(roots.steps, path.stepId), DFIELD.checklist);
			return slot(mapAt(checklist, path.itemId), DFIELD.text);
		}
		case 'reactionText':
			return slot(mapAt(roots.reactions, path.reactionId), DFIELD.text);
		case 'reactionAction':
			return slot(mapAt(roots.reactions, path.reactionId), DFIELD.action);
	}
}

/** Which rich-text field: a step's guidance, or the introduction. */
export type DrejebogRichTextPath =
	{ field: 'guidance'; stepId: string } | { field: 'introduction' };

/**
 * The `Y.XmlFragment` behind a rich-text field, for tiptap's Collaboration extension.
 * @throws NotFoundError when the step is gone or has no guidance.
 */
export function drejebogFragment(doc: Y.Doc, path: DrejebogRichTextPath): Y.XmlFragment {
	const fragment =
		path.field === 'introduction'
			? introductionFragment(doc)
			: (() => {
					const found = findStep(doc, path.stepId);
					return found ? readFragment(found.entry.map, DFIELD.guidance) : null;
				})();
	if (!fragment) throw new NotFoundError('template.input.gone');
	return fragment;
}
