/**
 * What a published version holds: the template (shape 3, as `readTemplate` gives it) and the
 * structured drejebog (as `readDrejebog` gives it) as plain data, checked by their domain schemas,
 * in a format with its own version number. `canonicalContent` gives the one text that is stored
 * and hashed; the same content always gives the same text.
 */
import { z } from 'zod';
import type { ErrorProblem } from '../errors.ts';
import { templateSchema, type Template } from '../template/schemas.ts';
import { validateTemplate } from '../template/validate.ts';
import { canonicalJson } from './canonical.ts';
import { drejebogSchema, type Drejebog } from '../drejebog/schemas.ts';
import { validateDrejebog } from '../drejebog/validate.ts';

/**
 * The version of this JSON format. Raise it (and keep reading the old one) when the content's
 * shape changes in a way an old reader would misread.
 */
export const PUBLICATION_FORMAT = 1;

export const publicationContentSchema = z.object({
	format: z.literal(PUBLICATION_FORMAT),
	template: templateSchema,
	drejebog: drejebogSchema
});
/** A published version's content. */
export type PublicationContent = z.infer<typeof publicationContentSchema>;

/** Which document a problem belongs to; the first element of a publishing problem's path. */
export type ContentPart = 'template' | 'drejebog';

function inPart(part: ContentPart, problems: readonly ErrorProblem[]): ErrorProblem[] {
	return problems.map((p) => ({ ...p, path: [part, ...p.path] }));
}

/** The schema's complaints as problems (rules `validateTemplate` does not word itself). */
function schemaProblems(part: ContentPart, error: z.ZodError): ErrorProblem[] {
	return error.issues.map((issue) => ({
		code: 'schema.invalid',
		path: [part, ...issue.path.map(String)],
		messageKey: /^[a-z][A-Za-z]*(\.[A-Za-z_]+)+$/.test(issue.message)
			? issue.message
			: 'publications.problem.invalid',
		params: {}
	}));
}

/** Content ready to store, or every problem that keeps it from being published. */
export type ContentCheck =
	{ ok: true; content: PublicationContent } | { ok: false; problems: ErrorProblem[] };

/**
 * Checks a template and a drejebog as read from their documents and turns them into content:
 * every problem of either (paths start with `template` or `drejebog`; the drejebog is checked
 * against the template: its points and raters covered, a goal-setting step before the internship,
 * links to parts that exist), else the content as the schemas output it.
 */
export function checkContent(template: Template, drejebog: Drejebog): ContentCheck {
	const problems = [
		...inPart('template', validateTemplate(template)),
		...inPart('drejebog', validateDrejebog(drejebog, template))
	];
	if (problems.length > 0) return { ok: false, problems };
	const parsedTemplate = templateSchema.safeParse(template);
	const parsedDrejebog = drejebogSchema.safeParse(drejebog);
	const schemaIssues = [
		...(parsedTemplate.success ? [] : schemaProblems('template', parsedTemplate.error)),
		...(parsedDrejebog.success ? [] : schemaProblems('drejebog', parsedDrejebog.error))
	];
	if (!parsedTemplate.success || !parsedDrejebog.success) {
		return { ok: false, problems: schemaIssues };
	}
	return {
		ok: true,
		content: {
			format: PUBLICATION_FORMAT,
			template: parsedTemplate.data,
			drejebog: parsedDrejebog.data
		}
	};
}

/** The canonical JSON text of `content`: what a version stores and what its SHA-256 covers. */
export function canonicalContent(content: PublicationContent): string {
	return canonicalJson(publicationContentSchema.parse(content));
}

/**
 * Reads a version's stored text back.
 * @throws z.ZodError or SyntaxError when the text is not a version's content.
 */
export function parseContent(text: string): PublicationContent {
	return publicationContentSchema.parse(JSON.parse(text));
}
