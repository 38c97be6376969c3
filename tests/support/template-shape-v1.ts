/**
 * Writes a template as the code before shape versions did (shape 1): plain text fields as plain
 * strings and no `shapeVersion`, for tests of the upgrade of stored documents. A frozen copy of
 * that writer; the field names are spelt out so later changes to the real layout do not leak in.
 */
import * as Y from 'yjs';
import { writeRichText } from '#lib/collab/rich-text-yjs.ts';
import { initialOrderKeys } from '#lib/collab/order-keys.ts';
import { starterToTemplate } from '#lib/domain/template/from-starter.ts';
import { getStarter } from '#lib/domain/template/starters/index.ts';
import type { RichText } from '#lib/domain/template/rich-text.ts';
import type { Scale, Template } from '#lib/domain/template/schemas.ts';

function putItem(
	parent: Y.Map<unknown>,
	id: string,
	order: string,
	fields: object
): Y.Map<unknown> {
	const map = new Y.Map<unknown>();
	parent.set(id, map);
	map.set('order', order);
	for (const [name, value] of Object.entries(fields)) map.set(name, value);
	return map;
}

function putRich(map: Y.Map<unknown>, key: string, value: RichText): void {
	const fragment = new Y.XmlFragment();
	map.set(key, fragment);
	writeRichText(fragment, value);
}

function putList<T>(items: readonly T[], write: (item: T, order: string) => void): void {
	const keys = initialOrderKeys(items.length);
	items.forEach((item, index) => write(item, keys[index]));
}

function putLevels(owner: Y.Map<unknown>, scale: Scale): void {
	const levels = new Y.Map<unknown>();
	owner.set('levels', levels);
	putList(scale.levels, (level, order) => {
		putRich(
			putItem(levels, level.id, order, { label: level.label }),
			'descriptor',
			level.descriptor
		);
	});
}

/** Writes `template` into the empty `doc` in shape 1, items tagged with `tag`. */
export function writeTemplateV1(doc: Y.Doc, template: Template, tag: string): void {
	const root = (name: string) => doc.getMap<unknown>(`template.${name}`);
	const starter = { starter: tag };
	doc.transact(() => {
		const meta = root('meta');
		meta.set('starterId', tag);
		meta.set('title', template.title);
		meta.set('signatureIncluded', template.signature.isIncluded);
		meta.set('signatureText', template.signature.text);
		putList(template.headerFields, (field, order) => {
			const { label, kind, isRequired } = field;
			putItem(root('headerFields'), field.id, order, { ...starter, label, kind, isRequired });
		});
		putList(template.areas, (area, order) => {
			const areaMap = putItem(root('areas'), area.id, order, { ...starter, label: area.label });
			putLevels(areaMap, area.scale);
			putList(area.statements, (statement, statementOrder) => {
				const map = putItem(root('statements'), statement.id, statementOrder, {
					...starter,
					areaId: area.id,
					text: statement.text,
					kind: statement.kind
				});
				putRich(map, 'description', statement.description);
				if (statement.scale) putLevels(map, statement.scale);
			});
		});
		for (const name of ['measurementPoints', 'raters'] as const) {
			putList(template[name], (item, order) => {
				putItem(root(name), item.id, order, { ...starter, label: item.label });
			});
		}
		putList(template.freeTextSections, (section, order) => {
			const map = putItem(root('freeTextSections'), section.id, order, {
				...starter,
				label: section.label
			});
			putRich(map, 'guidance', section.guidance);
		});
		for (const raterId of template.signature.signerRaterIds) root('signers').set(raterId, true);
	});
}

/** A new doc holding starter `starterId` in shape 1 (as a document stored before versions). */
export function oldShapeDoc(starterId: string, clientId?: number): Y.Doc {
	const doc = new Y.Doc();
	if (clientId !== undefined) doc.clientID = clientId;
	const starter = getStarter(starterId);
	if (!starter) throw new Error(`no starter ${starterId}`);
	writeTemplateV1(doc, starterToTemplate(starter), starter.id);
	return doc;
}
