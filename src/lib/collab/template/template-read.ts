/**
 * `readTemplate` turns the Yjs document into the plain, typed template the editor and the preview
 * render. It never writes, and it tolerates anything a (possibly malicious) client could have put
 * in the document: wrong types fall back to defaults, so the result always has the right shape.
 */
import * as Y from 'yjs';
import {
	HEADER_FIELD_KINDS,
	STATEMENT_KINDS,
	type CompetenceAreaCore,
	type HeaderFieldKind,
	type Scale,
	type StatementKind,
	type Template
} from '#lib/domain/template/schemas.ts';
import { emptyRichText, type RichText } from '#lib/domain/template/rich-text.ts';
import { readRichText } from '../rich-text-yjs.ts';
import { readTemplatePlan } from './template-read-plan.ts';
import {
	FIELD,
	META,
	docStarterId,
	entriesOf,
	readFragment,
	readText,
	statementsByArea,
	templateRoots,
	type Entry
} from './template-doc.ts';

function richTextAt(map: Y.Map<unknown>, key: string): RichText {
	const fragment = readFragment(map, key);
	return fragment ? readRichText(fragment) : emptyRichText();
}

/** The levels map of an area or of a statement's own scale, or null when it has none. */
export function levelsMapOf(owner: Y.Map<unknown>): Y.Map<unknown> | null {
	const value = owner.get(FIELD.levels);
	return value instanceof Y.Map ? (value as Y.Map<unknown>) : null;
}

/** Level entries of a scale owner in order (levels are never starter-tagged). */
export function levelEntries(owner: Y.Map<unknown>, starterId: string | null): Entry[] {
	const levels = levelsMapOf(owner);
	return levels ? entriesOf(levels, starterId) : [];
}

/** The scale stored in an area or statement map (empty when it has none). */
export function readScale(owner: Y.Map<unknown>, starterId: string | null): Scale {
	return {
		levels: levelEntries(owner, starterId).map((entry) => ({
			id: entry.id,
			label: readText(entry.map, FIELD.label),
			descriptor: richTextAt(entry.map, FIELD.descriptor)
		}))
	};
}

function oneOf<T extends string>(values: readonly T[], value: unknown, fallback: T): T {
	return values.includes(value as T) ? (value as T) : fallback;
}

/** The template in `doc` as plain data. */
export function readTemplate(doc: Y.Doc): Template {
	const roots = templateRoots(doc);
	const starterId = docStarterId(doc);
	const areaEntries = entriesOf(roots.areas, starterId);
	const grouped = statementsByArea(doc, areaEntries);
	const areas: CompetenceAreaCore[] = areaEntries.map((area) => ({
		id: area.id,
		label: readText(area.map, FIELD.label),
		scale: readScale(area.map, starterId),
		statements: (grouped.get(area.id) ?? []).map((entry) => ({
			id: entry.id,
			text: readText(entry.map, FIELD.text),
			description: richTextAt(entry.map, FIELD.description),
			kind: oneOf<StatementKind>(STATEMENT_KINDS, entry.map.get(FIELD.kind), 'formal'),
			scale: levelsMapOf(entry.map) ? readScale(entry.map, starterId) : null
		}))
	}));
	const labelled = (entries: Entry[]) =>
		entries.map((entry) => ({ id: entry.id, label: readText(entry.map, FIELD.label) }));
	const raters = labelled(entriesOf(roots.raters, starterId));
	const signerIds = new Set<string>();
	roots.signingRaters.forEach((value, id) => {
		if (value === true) signerIds.add(id);
	});
	const included = roots.meta.get(META.signatureIncluded);
	return readTemplatePlan(doc, {
		title: readText(roots.meta, META.title),
		starterId,
		headerFields: entriesOf(roots.headerFields, starterId).map((entry) => ({
			id: entry.id,
			label: readText(entry.map, FIELD.label),
			kind: oneOf<HeaderFieldKind>(HEADER_FIELD_KINDS, entry.map.get(FIELD.kind), 'shortText'),
			isRequired: entry.map.get(FIELD.isRequired) === true
		})),
		areas,
		measurementPoints: labelled(entriesOf(roots.measurementPoints, starterId)),
		raters,
		freeTextSections: entriesOf(roots.freeTextSections, starterId).map((entry) => ({
			id: entry.id,
			label: readText(entry.map, FIELD.label),
			guidance: richTextAt(entry.map, FIELD.guidance)
		})),
		signature: {
			isIncluded: included === true,
			text: readText(roots.meta, META.signatureText),
			signerRaterIds: raters.filter((rater) => signerIds.has(rater.id)).map((r) => r.id)
		}
	});
}
