/**
 * The building blocks of a version diff: the change type, word-level text changes (`diffWords`
 * from the `diff` package), and matching two ordered lists by item id into added, removed, moved
 * and kept items. Item ids never change between versions (a new draft is seeded with the
 * version's ids), so an item that was renamed is still the same item.
 */
import { diffWords } from 'diff';
import { canonicalJson } from './canonical.ts';
import { richTextToPlainText, type RichText } from '../template/rich-text.ts';
import { sayTerm, type Say, type TermValue } from '../terms.ts';

export const CHANGE_KINDS = ['added', 'removed', 'moved', 'changed'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** A run of words in a changed text: unchanged, only in the newer version, or only in the older. */
export type WordPart = { text: string; change: 'same' | 'added' | 'removed' };

/**
 * One line of the change list. `messageKey` (under `publications.diff`) with `params` says it in
 * words ("Udsagn tilføjet i Faglige kompetencer: …", `sayChange`); a value may be words of its
 * own (a role, a timing: a `Term`); a changed text also carries its words.
 */
export type VersionChange = {
	kind: ChangeKind;
	/** What changed: `area`, `statement`, `level`, `ratingPlanCell`, `subGoal`, `step`, … */
	subject: string;
	messageKey: string;
	params: Record<string, TermValue>;
	/** Where, by ids from the content's root (`['template', 'areas', areaId]`). */
	path: string[];
	/** For a changed text: old and new words, in reading order. */
	words?: WordPart[];
	/** A rich text whose words are the same but whose formatting (bold, lists, links) changed. */
	isFormattingOnly?: boolean;
};

/** A change in words, in the language of `t`. */
export function sayChange(t: Say, c: Pick<VersionChange, 'messageKey' | 'params'>): string {
	return sayTerm(t, { key: c.messageKey, params: c.params });
}

/** Collects changes in reading order. */
export type ChangeSink = (change: VersionChange) => void;

/** A change with its message key `publications.diff.<subject>.<what>`. */
export function change(
	kind: ChangeKind,
	subject: string,
	what: string,
	path: string[],
	params: Record<string, TermValue> = {},
	extra: Pick<VersionChange, 'words' | 'isFormattingOnly'> = {}
): VersionChange {
	return {
		kind,
		subject,
		messageKey: `publications.diff.${subject}.${what}`,
		params,
		path,
		...extra
	};
}

/** The words of `before` and `after`, marked as kept, removed or added. */
export function wordParts(before: string, after: string): WordPart[] {
	return diffWords(before, after).map((part) => ({
		text: part.value,
		change: part.added ? 'added' : part.removed ? 'removed' : 'same'
	}));
}

/** Reports a plain text field that differs, with its words. */
export function diffText(
	sink: ChangeSink,
	before: string,
	after: string,
	make: (extra: Pick<VersionChange, 'words'>) => VersionChange
): void {
	if (before !== after) sink(make({ words: wordParts(before, after) }));
}

/** Reports a rich text that differs: word by word, or as formatting only. */
export function diffRichText(
	sink: ChangeSink,
	before: RichText,
	after: RichText,
	make: (extra: Pick<VersionChange, 'words' | 'isFormattingOnly'>) => VersionChange
): void {
	if (canonicalJson(before) === canonicalJson(after)) return;
	const [a, b] = [richTextToPlainText(before), richTextToPlainText(after)];
	sink(make(a === b ? { isFormattingOnly: true } : { words: wordParts(a, b) }));
}

/** Two ordered lists compared by id. Positions are 1-based, in the list they belong to. */
export type ListDiff<T> = {
	added: { item: T; position: number }[];
	removed: { item: T; position: number }[];
	/** Items in both whose place relative to the others changed. */
	moved: { before: T; after: T; position: number }[];
	/** Every item in both lists (moved or not), in the newer order. */
	kept: { before: T; after: T }[];
};

/**
 * The longest run of ids that keeps its relative order in both lists; the other common ids moved.
 * Lists here are short (at most a few dozen items), so the quadratic table is cheap.
 */
function stableIds(before: readonly string[], after: readonly string[]): Set<string> {
	const table = Array.from({ length: before.length + 1 }, () =>
		new Array<number>(after.length + 1).fill(0)
	);
	for (let i = before.length - 1; i >= 0; i--) {
		for (let j = after.length - 1; j >= 0; j--) {
			table[i][j] =
				before[i] === after[j]
					? table[i + 1][j + 1] + 1
					: Math.max(table[i + 1][j], table[i][j + 1]);
		}
	}
	const stable = new Set<string>();
	let [i, j] = [0, 0];
	while (i < before.length && j < after.length) {
		if (before[i] === after[j]) {
			stable.add(before[i]);
			i++;
			j++;
		} else if (table[i + 1][j] >= table[i][j + 1]) i++;
		else j++;
	}
	return stable;
}

/** Compares two lists of items with ids (see `ListDiff`). */
export function diffList<T extends { id: string }>(
	before: readonly T[],
	after: readonly T[]
): ListDiff<T> {
	const beforeById = new Map(before.map((item) => [item.id, item]));
	const afterIds = new Set(after.map((item) => item.id));
	const common = (list: readonly T[]) =>
		list.filter((item) => beforeById.has(item.id) && afterIds.has(item.id)).map((i) => i.id);
	const stable = stableIds(common(before), common(after));
	const result: ListDiff<T> = { added: [], removed: [], moved: [], kept: [] };
	before.forEach((item, index) => {
		if (!afterIds.has(item.id)) result.removed.push({ item, position: index + 1 });
	});
	after.forEach((item, index) => {
		const old = beforeById.get(item.id);
		if (!old) {
			result.added.push({ item, position: index + 1 });
			return;
		}
		result.kept.push({ before: old, after: item });
		if (!stable.has(item.id)) result.moved.push({ before: old, after: item, position: index + 1 });
	});
	return result;
}

/** Reports the removed, then the added items of `result` under `subject`. */
export function reportAddedAndRemoved<T>(
	sink: ChangeSink,
	result: Pick<ListDiff<T>, 'added' | 'removed'>,
	options: {
		subject: string;
		path: (item: T) => string[];
		describe: (item: T) => Record<string, TermValue>;
	}
): void {
	const { subject, path, describe } = options;
	for (const { item } of result.removed) {
		sink(change('removed', subject, 'removed', path(item), describe(item)));
	}
	for (const { item } of result.added) {
		sink(change('added', subject, 'added', path(item), describe(item)));
	}
}

/**
 * Reports the added, removed and moved items of a list under one subject, with `describe`
 * giving each item's message values; returns the kept pairs for comparing their fields.
 */
export function diffItems<T extends { id: string }>(
	sink: ChangeSink,
	options: {
		subject: string;
		before: readonly T[];
		after: readonly T[];
		path: (item: T) => string[];
		describe: (item: T) => Record<string, TermValue>;
	}
): { before: T; after: T }[] {
	const { subject, path, describe } = options;
	const result = diffList(options.before, options.after);
	reportAddedAndRemoved(sink, result, options);
	for (const { after, position } of result.moved) {
		sink(change('moved', subject, 'moved', path(after), { ...describe(after), position }));
	}
	return result.kept;
}
