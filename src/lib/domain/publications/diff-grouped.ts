/**
 * Items that live in ordered groups and can move between them: statements in competence areas,
 * steps in stages. An item is matched by id across all groups, so one that changed group is
 * "moved from … to …" rather than removed and added; within a group, the items whose place among
 * the group's other items changed are "moved".
 */
import type { TermValue } from '../terms.ts';
import { change, diffList, reportAddedAndRemoved, type ChangeSink } from './diff-core.ts';

/** A group (an area, a stage) with its items in order. */
export type Group<T> = { id: string; label: string; items: readonly T[] };

/** An item with the group it is in. */
export type Grouped<T> = { id: string; item: T; groupId: string; groupLabel: string };

function flatten<T extends { id: string }>(groups: readonly Group<T>[]): Grouped<T>[] {
	return groups.flatMap((group) =>
		group.items.map((item) => ({ id: item.id, item, groupId: group.id, groupLabel: group.label }))
	);
}

/**
 * Reports the added, removed, moved-to-another-group (`movedGroup` names the message) and
 * moved-within-the-group items under `subject`; returns every item in both versions, in the newer
 * order, for comparing its fields.
 */
export function diffGrouped<T extends { id: string }>(
	sink: ChangeSink,
	options: {
		subject: string;
		movedGroup: string;
		before: readonly Group<T>[];
		after: readonly Group<T>[];
		path: (item: Grouped<T>) => string[];
		describe: (item: Grouped<T>) => Record<string, TermValue>;
	}
): { before: Grouped<T>; after: Grouped<T> }[] {
	const { subject, path, describe } = options;
	const a = flatten(options.before);
	const b = flatten(options.after);
	const all = diffList(a, b);
	reportAddedAndRemoved(sink, all, options);
	for (const { before: old, after: now } of all.kept) {
		if (old.groupId === now.groupId) continue;
		const params = { ...describe(now), from: old.groupLabel };
		sink(change('moved', subject, options.movedGroup, path(now), params));
	}
	const groupBefore = new Map(a.map((entry) => [entry.id, entry.groupId]));
	for (const group of options.after) {
		const stayed = (entry: Grouped<T>) =>
			entry.groupId === group.id && groupBefore.get(entry.id) === group.id;
		const inGroup = diffList(a.filter(stayed), b.filter(stayed));
		for (const { after: now } of inGroup.moved) {
			const position = group.items.findIndex((item) => item.id === now.id) + 1;
			sink(change('moved', subject, 'moved', path(now), { ...describe(now), position }));
		}
	}
	return all.kept;
}
