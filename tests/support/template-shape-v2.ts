/**
 * A template document as shape 2 stored it (plain text fields as `Y.Text`, no second-pass parts):
 * the shape-1 writer's template brought to shape 2 by the released version-2 step, for tests of
 * the shape-3 upgrade.
 */
import type * as Y from 'yjs';
import { textFieldsStep } from '#lib/collab/template/template-shape-v2.ts';
import { oldShapeDoc } from './template-shape-v1.ts';

/** A new doc holding starter `starterId` in shape 2. */
export function v2ShapeDoc(starterId: string, clientId?: number): Y.Doc {
	const doc = oldShapeDoc(starterId, clientId);
	doc.transact(() => {
		textFieldsStep.upgrade(doc);
		doc.getMap('template.meta').set('shapeVersion', 2);
	});
	return doc;
}
