/**
 * The diff of a template's parts around its areas: the title and header fields before them; the
 * measurement points, raters, the rating plan's cells, free-text sections and signatures after.
 */
import { canonicalJson } from './canonical.ts';
import { ratingPlanLookup } from '../template/plan.ts';
import type { Template } from '../template/schemas.ts';
import { change, diffItems, diffRichText, diffText, type ChangeSink } from './diff-core.ts';

const T = 'template';

/** Items with a label, diffed as added, removed, moved and renamed under one subject. */
function diffLabelled<I extends { id: string; label: string }>(
	sink: ChangeSink,
	subject: string,
	key: string,
	lists: { before: readonly I[]; after: readonly I[] }
): { before: I; after: I }[] {
	const path = (item: I) => [T, key, item.id];
	const kept = diffItems(sink, {
		subject,
		...lists,
		path,
		describe: (item) => ({ label: item.label })
	});
	for (const { before: a, after: b } of kept) {
		diffText(sink, a.label, b.label, (extra) =>
			change('changed', subject, 'renamed', path(b), { label: b.label, from: a.label }, extra)
		);
	}
	return kept;
}

function diffHeaderFields(sink: ChangeSink, before: Template, after: Template): void {
	const lists = { before: before.headerFields, after: after.headerFields };
	for (const { before: a, after: b } of diffLabelled(sink, 'headerField', 'headerFields', lists)) {
		const path = [T, 'headerFields', b.id];
		if (a.kind !== b.kind) sink(change('changed', 'headerField', 'kind', path, { label: b.label }));
		if (a.isRequired !== b.isRequired) {
			const what = b.isRequired ? 'required' : 'optional';
			sink(change('changed', 'headerField', what, path, { label: b.label }));
		}
	}
}

function diffMeasurementPoints(sink: ChangeSink, before: Template, after: Template): void {
	const lists = { before: before.measurementPoints, after: after.measurementPoints };
	const kept = diffLabelled(sink, 'measurementPoint', 'measurementPoints', lists);
	for (const { before: a, after: b } of kept) {
		if (canonicalJson(a.timing) !== canonicalJson(b.timing)) {
			const path = [T, 'measurementPoints', b.id, 'timing'];
			sink(change('changed', 'measurementPoint', 'timing', path, { label: b.label }));
		}
	}
}

/**
 * The cells of the rating plan that exist in both versions and now say otherwise. Cells of an
 * added or removed point, rater or area are part of that addition or removal.
 */
function diffRatingPlan(sink: ChangeSink, before: Template, after: Template): void {
	const ratesBefore = ratingPlanLookup(before.ratingPlan);
	const ratesAfter = ratingPlanLookup(after.ratingPlan);
	const has = (list: readonly { id: string }[], id: string) => list.some((item) => item.id === id);
	for (const point of after.measurementPoints) {
		if (!has(before.measurementPoints, point.id)) continue;
		for (const rater of after.raters) {
			if (!has(before.raters, rater.id)) continue;
			for (const area of after.areas) {
				if (!has(before.areas, area.id)) continue;
				const cell = { measurementPointId: point.id, raterId: rater.id, areaId: area.id };
				const rates = ratesAfter(cell);
				if (ratesBefore(cell) === rates) continue;
				const params = { point: point.label, rater: rater.label, area: area.label };
				const path = [T, 'ratingPlan', point.id, rater.id, area.id];
				sink(change('changed', 'ratingPlanCell', rates ? 'rates' : 'ratesNot', path, params));
			}
		}
	}
}

function diffFreeTextSections(sink: ChangeSink, before: Template, after: Template): void {
	const lists = { before: before.freeTextSections, after: after.freeTextSections };
	for (const { before: a, after: b } of diffLabelled(
		sink,
		'freeTextSection',
		'freeTextSections',
		lists
	)) {
		diffRichText(sink, a.guidance, b.guidance, (extra) =>
			change(
				'changed',
				'freeTextSection',
				'guidance',
				[T, 'freeTextSections', b.id, 'guidance'],
				{ label: b.label },
				extra
			)
		);
	}
}

function diffSignature(sink: ChangeSink, before: Template, after: Template): void {
	const [a, b] = [before.signature, after.signature];
	const path = [T, 'signature'];
	if (a.isIncluded !== b.isIncluded) {
		sink(change('changed', 'signature', b.isIncluded ? 'included' : 'excluded', path));
	}
	diffText(sink, a.text, b.text, (extra) =>
		change('changed', 'signature', 'text', [...path, 'text'], {}, extra)
	);
	diffLabelled(sink, 'signer', 'signers', { before: a.signers, after: b.signers });
}

/** The title and the header fields: what comes before the competence areas. */
export function diffTemplateHead(sink: ChangeSink, before: Template, after: Template): void {
	diffText(sink, before.title, after.title, (extra) =>
		change(
			'changed',
			'title',
			'changed',
			[T, 'title'],
			{ from: before.title, to: after.title },
			extra
		)
	);
	diffHeaderFields(sink, before, after);
}

/** What comes after the areas: points, raters, the plan, free texts and the signatures. */
export function diffTemplateTail(sink: ChangeSink, before: Template, after: Template): void {
	diffMeasurementPoints(sink, before, after);
	diffLabelled(sink, 'rater', 'raters', { before: before.raters, after: after.raters });
	diffRatingPlan(sink, before, after);
	diffFreeTextSections(sink, before, after);
	diffSignature(sink, before, after);
}
