/**
 * The starter library: starter templates for common internship workplaces and a library of
 * competence statements that can be pulled into any area. The texts live in the JSON files next to
 * this module; they are parsed here once so a broken file fails loudly (and in the unit tests).
 *
 * Every parse is a function call marked pure, made only when its value is used: the template
 * page's first load imports the template domain but shows no starter, and the parsing (zod) took
 * about a tenth of its start-up on a slow laptop (npm run bench:page). The bundler drops an unused
 * marked call together with the JSON it reads. The statement library is in `library.ts`, apart,
 * because the editor's operations use it (pulling a statement) and the starters only the chooser.
 */
import detail from './detail.json' with { type: 'json' };
import lager from './lager.json' with { type: 'json' };
import koekken from './koekken.json' with { type: 'json' };
import pleje from './pleje.json' with { type: 'json' };
import { DEFAULT_AREAS, DEFAULT_SCALE, DEFAULT_TEMPLATE_TITLE } from '../defaults.ts';
import { starterTemplateSchema, type StarterTemplate } from '../starter-schema.ts';

export * from './library.ts';

/** The id of the blank starter: default areas and scale, no statements. */
export const BLANK_STARTER_ID = 'blank';

/** A template with the defaults and no statements, for groups that want to write everything. */
export const BLANK_STARTER: StarterTemplate = /* @__PURE__ */ parseBlankStarter();

function parseBlankStarter(): StarterTemplate {
	return starterTemplateSchema.parse({
		id: BLANK_STARTER_ID,
		name: 'Tom skabelon',
		summary:
			'De tre kompetenceområder og en skala med fem niveauer, men ingen kompetenceudsagn. I skriver selv udsagnene.',
		title: DEFAULT_TEMPLATE_TITLE,
		scale: DEFAULT_SCALE,
		areas: DEFAULT_AREAS.map((area) => ({ ...area, statements: [] }))
	});
}

/** The workplace starters, in the order the picker shows them. */
export const WORKPLACE_STARTERS: readonly StarterTemplate[] =
	/* @__PURE__ */ parseWorkplaceStarters();

function parseWorkplaceStarters(): StarterTemplate[] {
	return [detail, lager, koekken, pleje].map((file) => starterTemplateSchema.parse(file));
}

/** Every starter: the blank one first, then the workplaces. */
export const STARTERS: readonly StarterTemplate[] = /* @__PURE__ */ allStarters();

function allStarters(): StarterTemplate[] {
	return [BLANK_STARTER, ...WORKPLACE_STARTERS];
}

/** The starter with `id`, or undefined. */
export function getStarter(id: string): StarterTemplate | undefined {
	return STARTERS.find((starter) => starter.id === id);
}
