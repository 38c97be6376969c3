/**
 * Writing a complete template (used by `initTemplate`) into an empty document, in the current
 * shape: plain text fields as `Y.Text`, the second-pass parts (template-write-plan.ts) and the
 * shape version in the meta map. Call inside a transaction.
 */
import * as Y from 'yjs';
import type { Template } from '#lib/domain/template/schemas.ts';
import { FIELD, META, templateRoots } from './template-doc.ts';
import { TEMPLATE_SHAPE_VERSION } from './template-shape.ts';
import { putItem, putList, putRichText, writeLevels } from './template-write-items.ts';
import { writePlanParts } from './template-write-plan.ts';

export { putRichText, writeLevels, type LevelDraft } from './template-write-items.ts';

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
	writePlanParts(doc, template, tag);
}
