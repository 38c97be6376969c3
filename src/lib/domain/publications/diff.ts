/**
 * The readable diff between two versions of one workshop: a change list in reading order (the
 * template from its title to its goals, then the drejebog), each line a message key with its
 * values and, for changed texts, the words that changed. Pure: the library page, the API and the
 * tests all call `diffContent`.
 */
import type { PublicationContent } from './content.ts';
import { diffAreasAndStatements } from './diff-template.ts';
import { diffTemplateHead, diffTemplateTail } from './diff-template-parts.ts';
import { diffGoals, diffProgressionMeasures } from './diff-goals.ts';
import { diffDrejebog } from './diff-drejebog.ts';
import type { VersionChange } from './diff-core.ts';

export {
	CHANGE_KINDS,
	wordParts,
	diffList,
	sayChange,
	type ChangeKind,
	type VersionChange,
	type WordPart
} from './diff-core.ts';

/** Every change from `before` to `after`, in reading order; empty when they are the same. */
export function diffContent(
	before: PublicationContent,
	after: PublicationContent
): VersionChange[] {
	const changes: VersionChange[] = [];
	const sink = (c: VersionChange) => changes.push(c);
	const [a, b] = [before.template, after.template];
	diffTemplateHead(sink, a, b);
	diffAreasAndStatements(sink, a, b);
	diffTemplateTail(sink, a, b);
	diffGoals(sink, a, b);
	diffProgressionMeasures(sink, a, b);
	diffDrejebog(sink, before.drejebog, after.drejebog, { before: a, after: b });
	return changes;
}
