/**
 * The statement library: competence statements that can be pulled into any area of a template.
 * Apart from the starters (index.ts) because the template editor's operations need it while the
 * starters are loaded only by the starter chooser; parsed on first use, not when loaded (the
 * editor's first load carries it but rarely uses it, npm run bench:page).
 */
import library from './library.json' with { type: 'json' };
import { statementLibrarySchema, type LibraryStatement } from '../starter-schema.ts';

let parsedLibrary: readonly LibraryStatement[] | undefined;

/** The statement library, parsed on first use. */
function statementLibrary(): readonly LibraryStatement[] {
	parsedLibrary ??= statementLibrarySchema.parse(library).statements;
	return parsedLibrary;
}

/** Every statement in the library. */
export const STATEMENT_LIBRARY: readonly LibraryStatement[] = /* @__PURE__ */ statementLibrary();

/** The library statement with `id`, or undefined. */
export function getLibraryStatement(id: string): LibraryStatement | undefined {
	return statementLibrary().find((statement) => statement.id === id);
}

/**
 * Library statements that suit a workplace: those written for it first, then the general ones.
 * Without a workplace, the whole library.
 */
export function libraryStatementsFor(workplace?: string): LibraryStatement[] {
	const all = statementLibrary();
	if (!workplace) return [...all];
	const specific = all.filter((s) => s.workplaces.includes(workplace));
	const general = all.filter((s) => s.workplaces.length === 0);
	return [...specific, ...general];
}
