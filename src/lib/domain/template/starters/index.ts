/**
 * The starter library: starter templates for common internship workplaces and a library of
 * competence statements that can be pulled into any area. The texts live in the JSON files next to
 * this module; they are parsed here once so a broken file fails loudly (and in the unit tests).
 */
import detail from './detail.json' with { type: 'json' };
import lager from './lager.json' with { type: 'json' };
import koekken from './koekken.json' with { type: 'json' };
import pleje from './pleje.json' with { type: 'json' };
import library from './library.json' with { type: 'json' };
import { DEFAULT_AREAS, DEFAULT_SCALE, DEFAULT_TEMPLATE_TITLE } from '../defaults.ts';
import {
	starterTemplateSchema,
	statementLibrarySchema,
	type LibraryStatement,
	type StarterTemplate
} from '../starter-schema.ts';

/** The id of the blank starter: default areas and scale, no statements. */
export const BLANK_STARTER_ID = 'blank';

/** A template with the defaults and no statements, for groups that want to write everything. */
export const BLANK_STARTER: StarterTemplate = starterTemplateSchema.parse({
	id: BLANK_STARTER_ID,
	name: 'Tom skabelon',
	summary:
		'De tre kompetenceområder og en skala med fem niveauer, men ingen kompetenceudsagn. I skriver selv udsagnene.',
	title: DEFAULT_TEMPLATE_TITLE,
	scale: DEFAULT_SCALE,
	areas: DEFAULT_AREAS.map((area) => ({ ...area, statements: [] }))
});

/** The workplace starters, in the order the picker shows them. */
export const WORKPLACE_STARTERS: readonly StarterTemplate[] = [detail, lager, koekken, pleje].map(
	(file) => starterTemplateSchema.parse(file)
);

/** Every starter: the blank one first, then the workplaces. */
export const STARTERS: readonly StarterTemplate[] = [BLANK_STARTER, ...WORKPLACE_STARTERS];

/** The starter with `id`, or undefined. */
export function getStarter(id: string): StarterTemplate | undefined {
	return STARTERS.find((starter) => starter.id === id);
}

/** Every statement in the library. */
export const STATEMENT_LIBRARY: readonly LibraryStatement[] =
	statementLibrarySchema.parse(library).statements;

/** The library statement with `id`, or undefined. */
export function getLibraryStatement(id: string): LibraryStatement | undefined {
	return STATEMENT_LIBRARY.find((statement) => statement.id === id);
}

/**
 * Library statements that suit a workplace: those written for it first, then the general ones.
 * Without a workplace, the whole library.
 */
export function libraryStatementsFor(workplace?: string): LibraryStatement[] {
	if (!workplace) return [...STATEMENT_LIBRARY];
	const specific = STATEMENT_LIBRARY.filter((s) => s.workplaces.includes(workplace));
	const general = STATEMENT_LIBRARY.filter((s) => s.workplaces.length === 0);
	return [...specific, ...general];
}
