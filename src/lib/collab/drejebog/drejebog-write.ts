/**
 * Writing whole structures into a drejebog document: a step with all its nested parts (used by
 * `addStep` and by `writeDrejebog`), a reaction rule, the "CV og Min Plan" settings, and a whole
 * drejebog (a starter or the empty start), in the current shape. Call inside a transaction.
 */
import * as Y from 'yjs';
import type { CvPlan, Drejebog, Reaction, Step } from '#lib/domain/drejebog/schemas.ts';
import { initialOrderKeys } from '../order-keys.ts';

import type { ItemMap } from '../template/template-doc.ts';
import { putRichText } from '../template/template-write.ts';
import { CV_PLAN, DFIELD, DMETA, drejebogRoots } from './drejebog-doc.ts';
import { DREJEBOG_SHAPE_VERSION } from './drejebog-shape.ts';

/** A new item map under `parent[id]` with an order key (nested types are set after this). */
function putItem(parent: Y.Map<unknown>, id: string, order: string): ItemMap {
	const map = new Y.Map<unknown>();
	parent.set(id, map);
	map.set(DFIELD.order, order);
	return map;
}

/** Writes `texts` as ordered items `{ order, [key]: Y.Text }` into a new map at `owner[field]`. */
function putTextItems(
	owner: ItemMap,
	field: string,
	key: string,
	items: readonly { id: string; text: string }[]
): void {
	const map = new Y.Map<unknown>();
	owner.set(field, map);
	const keys = initialOrderKeys(items.length);
	items.forEach((item, index) => {
		putItem(map, item.id, keys[index]).set(key, new Y.Text(item.text));
	});
}

/** Fills a step's (already integrated) map with `step`'s fields and nested parts. */
export function fillStep(map: ItemMap, stageId: string, step: Omit<Step, 'id'>): void {
	map.set(DFIELD.stageId, stageId);
	map.set(DFIELD.title, new Y.Text(step.title));
	putRichText(map, DFIELD.guidance, step.guidance);
	const roles = new Y.Map<unknown>();
	map.set(DFIELD.roles, roles);
	for (const role of step.who.roles) roles.set(role, true);
	putTextItems(
		map,
		DFIELD.customRoles,
		DFIELD.label,
		step.who.customRoles.map((role) => ({ id: role.id, text: role.label }))
	);
	const when = new Y.Map<unknown>();
	map.set(DFIELD.when, when);
	when.set(DFIELD.kind, step.when.kind);
	when.set(DFIELD.offsetWeeks, step.when.kind === 'free' ? 0 : step.when.offsetWeeks);
	if (step.when.kind === 'point') when.set(DFIELD.pointId, step.when.measurementPointId);
	when.set(DFIELD.text, new Y.Text(step.when.kind === 'free' ? step.when.text : ''));
	map.set(DFIELD.link, step.link);
	map.set(DFIELD.produces, step.produces);
	putTextItems(map, DFIELD.checklist, DFIELD.text, step.checklist);
}

/** Fills a reaction rule's (already integrated) map with `reaction`'s fields. */
export function fillReaction(map: ItemMap, reaction: Omit<Reaction, 'id'>): void {
	const { condition } = reaction;
	map.set(DFIELD.kind, condition.kind);
	map.set(DFIELD.text, new Y.Text(condition.kind === 'custom' ? condition.text : ''));
	map.set(DFIELD.action, new Y.Text(reaction.action));
	if (condition.kind === 'noProgress') {
		map.set(DFIELD.fromPointId, condition.fromPointId);
		map.set(DFIELD.toPointId, condition.toPointId);
	}
	if (condition.kind === 'missedRating') {
		map.set(DFIELD.days, condition.days);
		map.set(DFIELD.raterId, condition.raterId);
	}
}

/** Writes every "CV og Min Plan" setting into the (top-level) map `map`. */
export function fillCvPlan(map: Y.Map<unknown>, cvPlan: CvPlan): void {
	map.set(CV_PLAN.basis, cvPlan.basis);
	map.set(CV_PLAN.point, cvPlan.point);
	map.set(CV_PLAN.cvThreshold, cvPlan.cvThreshold);
	map.set(CV_PLAN.minPlanThreshold, cvPlan.minPlanThreshold);
	map.set(CV_PLAN.minPlanIncludesNotRated, cvPlan.minPlanIncludesNotRated);
	map.set(CV_PLAN.minPlanIncludesNextStep, cvPlan.minPlanIncludesNextStep);
	for (const [key, ids] of [
		[CV_PLAN.cvSections, cvPlan.cvSectionIds],
		[CV_PLAN.minPlanSections, cvPlan.minPlanSectionIds]
	] as const) {
		const sections = new Y.Map<unknown>();
		map.set(key, sections);
		for (const id of ids) sections.set(id, true);
	}
}

/**
 * Writes every part of `drejebog` into an empty document, except the introduction: that is the
 * document's `body` fragment, which an old drejebog already holds and which is kept as it is.
 */
export function writeDrejebog(doc: Y.Doc, drejebog: Drejebog): void {
	const roots = drejebogRoots(doc);
	roots.meta.set(DMETA.shapeVersion, DREJEBOG_SHAPE_VERSION);
	roots.meta.set(DMETA.starterId, drejebog.starterId);
	roots.meta.set(DMETA.title, new Y.Text(drejebog.title));
	const stageKeys = initialOrderKeys(drejebog.stages.length);
	drejebog.stages.forEach((stage, index) => {
		putItem(roots.stages, stage.id, stageKeys[index]).set(DFIELD.label, new Y.Text(stage.label));
		const stepKeys = initialOrderKeys(stage.steps.length);
		stage.steps.forEach((step, stepIndex) => {
			fillStep(putItem(roots.steps, step.id, stepKeys[stepIndex]), stage.id, step);
		});
	});
	fillCvPlan(roots.cvPlan, drejebog.cvPlan);
	const reactionKeys = initialOrderKeys(drejebog.reactions.length);
	drejebog.reactions.forEach((reaction, index) => {
		fillReaction(putItem(roots.reactions, reaction.id, reactionKeys[index]), reaction);
	});
}
