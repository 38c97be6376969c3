/**
 * Who does a step, compared with who rates in the template. The template's raters are free
 * labels ("Den unge", "Virksomheden", "Jobkonsulenten" by default); a step names standard roles or
 * custom ones. A rater is the standard role its label names, else a custom role with the same
 * label: a work group whose template has a rater "Praktikvært" covers it with a custom role
 * "Praktikvært".
 */
import { normalizeLabel } from '../template/validate-labels.ts';
import type { StandardRole, Who } from './step-schemas.ts';

/** Words in a rater's label that name a standard role, tried in this order. */
const RATER_WORDS: readonly [RegExp, StandardRole][] = [
	// "Virksomhedsmentor" is the company's mentor, so the company is tried before the mentor.
	[/virksomhed|arbejdsgiver|praktikvært|praktiksted/, 'company'],
	[/(?<!\p{L})(den )?unge(?!\p{L})|borger|praktikant|selvvurdering/u, 'youngPerson'],
	[/jobkonsulent/, 'jobConsultant'],
	[/sagsbehandler/, 'caseworker'],
	[/(?<!\p{L})uu(?!\p{L})/u, 'uuCounsellor'],
	[/mentor/, 'mentor']
];

/** The standard role a rater's label names, or null (a custom role then covers it). */
export function standardRoleOfRater(raterLabel: string): StandardRole | null {
	const label = normalizeLabel(raterLabel);
	return RATER_WORDS.find(([pattern]) => pattern.test(label))?.[1] ?? null;
}

/** True when `who` includes the rater with label `raterLabel` (see the module comment). */
export function whoIncludesRater(who: Who, raterLabel: string): boolean {
	const role = standardRoleOfRater(raterLabel);
	if (role !== null && who.roles.includes(role)) return true;
	const wanted = normalizeLabel(raterLabel);
	return who.customRoles.some((custom) => normalizeLabel(custom.label) === wanted);
}
