/** Shared checks of `validateTemplate`: labels of a list, and the length of rich text. */
import { MAX_RICH_TEXT_LENGTH } from '../limits.ts';
import { problem, type Problem, type ProblemCode, type ProblemPath } from './problems.ts';
import { richTextToPlainText, type RichText } from './rich-text.ts';

/** Labels are compared the way a reader would: ignoring case and extra spaces. */
export function normalizeLabel(label: string): string {
	return label.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');
}

export type Labelled = { id: string; label: string };
export type Collector = (p: Problem) => void;

/** Empty, too long and duplicate checks for the labels of one list; `prefix` like "area.label". */
export function checkLabels(options: {
	items: readonly Labelled[];
	prefix: string;
	max: number;
	path: (item: Labelled) => ProblemPath;
	params?: Record<string, string | number>;
	add: Collector;
}): void {
	const seen = new Set<string>();
	options.items.forEach((item, index) => {
		const base = { ...options.params, position: index + 1, label: item.label.trim() };
		const code = (suffix: string) => `${options.prefix}.${suffix}` as ProblemCode;
		const key = normalizeLabel(item.label);
		if (key === '') {
			options.add(problem(code('empty'), options.path(item), base));
			return;
		}
		if (item.label.trim().length > options.max) {
			options.add(problem(code('tooLong'), options.path(item), { ...base, max: options.max }));
		}
		if (seen.has(key)) options.add(problem(code('duplicate'), options.path(item), base));
		seen.add(key);
	});
}

export function checkRichText(options: {
	value: RichText;
	code: ProblemCode;
	path: ProblemPath;
	params: Record<string, string | number>;
	add: Collector;
}): void {
	if (richTextToPlainText(options.value).length > MAX_RICH_TEXT_LENGTH) {
		options.add(
			problem(options.code, options.path, { ...options.params, max: MAX_RICH_TEXT_LENGTH })
		);
	}
}
