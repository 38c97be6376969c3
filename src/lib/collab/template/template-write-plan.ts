/**
 * Writing the template's second-pass parts (shape 3): each area's category, each statement's CV
 * phrase, each point's timing, the signers, the rating plan's decided cells, the goal part and the
 * progression measures. Used by `writeTemplate` (a starter, into an empty document) and by the
 * shape-3 upgrade (the derived parts, into a document of shape 2). Only what is missing is
 * written (a field, an item by id, a plan cell), so the upgrade keeps anything a newer client
 * stored before it ran. Call inside a transaction.
 */
import * as Y from 'yjs';
import { AREA_CATEGORIES, type AreaCategory } from '#lib/domain/template/plan-schemas.ts';
import type { Template } from '#lib/domain/template/schemas.ts';
import { FIELD, META, planCellKey, templateRoots, textAt, type ItemMap } from './template-doc.ts';
import { putItem, putList, putRichText } from './template-write-items.ts';

type Roots = ReturnType<typeof templateRoots>;

/**
 * Puts the items of `items` that `parent` lacks (by id), with order keys that keep the list's
 * order; items a newer client stored before the upgrade stay as they are.
 */
function putMissing<T extends { id: string }>(
	parent: Y.Map<unknown>,
	items: readonly T[],
	write: (item: T, order: string) => void
): void {
	putList(items, (item, order) => {
		if (!parent.has(item.id)) write(item, order);
	});
}

function itemMap(parent: Y.Map<unknown>, id: string): ItemMap | null {
	const value = parent.get(id);
	return value instanceof Y.Map ? (value as ItemMap) : null;
}

/** Sets `map[key]` to `value` unless it holds something already. */
function setMissing(map: Y.Map<unknown>, key: string, value: () => unknown): void {
	if (!map.has(key)) map.set(key, value());
}

function writeItemFields(roots: Roots, template: Template): void {
	for (const area of template.areas) {
		const map = itemMap(roots.areas, area.id);
		if (map && !AREA_CATEGORIES.includes(map.get(FIELD.category) as AreaCategory)) {
			map.set(FIELD.category, area.category);
		}
		for (const statement of area.statements) {
			const statementMap = itemMap(roots.statements, statement.id);
			if (statementMap && !textAt(statementMap, FIELD.cvPhrase)) {
				statementMap.set(FIELD.cvPhrase, new Y.Text(statement.cvPhrase));
			}
		}
	}
	for (const point of template.measurementPoints) {
		const map = itemMap(roots.measurementPoints, point.id);
		if (map) setMissing(map, FIELD.timing, () => point.timing);
	}
}

function writeGoals(roots: Roots, template: Template, tag: Record<string, string>): void {
	const { goals } = template;
	if (!roots.goal.has(FIELD.isIncluded)) {
		roots.goal.set(FIELD.isIncluded, goals.isIncluded);
		roots.goal.set(FIELD.label, new Y.Text(goals.label));
		putRichText(roots.goal, FIELD.guidance, goals.guidance);
	}
	putMissing(roots.subGoals, goals.subGoals, (subGoal, order) => {
		const links = new Y.Map<unknown>();
		putItem(roots.subGoals, subGoal.id, order, {
			...tag,
			[FIELD.text]: new Y.Text(subGoal.text),
			[FIELD.statementIds]: links
		});
		for (const id of subGoal.statementIds) links.set(id, true);
	});
	putMissing(roots.goalStatuses, goals.statuses, (status, order) => {
		putItem(roots.goalStatuses, status.id, order, {
			...tag,
			[FIELD.label]: new Y.Text(status.label)
		});
	});
	for (const id of goals.measurementPointIds) setMissing(roots.goalPoints, id, () => true);
}

/**
 * Writes the second-pass parts of `template` that `doc` lacks. Items are tagged with the starter
 * `tag` (see `isVisible`); null writes them untagged (the upgrade of an existing template).
 */
export function writePlanParts(doc: Y.Doc, template: Template, tag: string | null): void {
	const roots = templateRoots(doc);
	const starter: Record<string, string> = tag === null ? {} : { [FIELD.starter]: tag };
	writeItemFields(roots, template);
	putMissing(roots.signerList, template.signature.signers, (signer, order) => {
		putItem(roots.signerList, signer.id, order, {
			...starter,
			[FIELD.label]: new Y.Text(signer.label),
			[FIELD.raterId]: signer.raterId
		});
	});
	for (const entry of template.ratingPlan) {
		setMissing(roots.ratingPlan, planCellKey(entry), () => entry.rates);
	}
	writeGoals(roots, template, starter);
	setMissing(roots.meta, META.hasHoursPerWeek, () => template.progressionMeasures.hasHoursPerWeek);
	setMissing(roots.meta, META.hasTasks, () => template.progressionMeasures.hasTasks);
}
