/**
 * Short Danish descriptions of a step's parts for summaries and the read-only view: who does it,
 * when, and which part of the læringsbevis it is about, with the template's current labels. The
 * timing and the link are worded by the domain (`describe.ts` there), which the published version
 * and the diff between versions share.
 */
import { t } from '#lib/i18n/index.svelte.ts';
import { linkTerm, whenTerm, type Link, type When, type Who } from '#lib/domain/drejebog/index.ts';
import { sayTerm } from '#lib/domain/terms.ts';
import type { Template } from '#lib/domain/template/schemas.ts';

/** "Den unge, Jobkonsulenten og Fleksjobambassadør", or that nobody is named. */
export function describeWho(who: Who): string {
	const names = [
		...who.roles.map((role) => t(`drejebog.role.${role}`)),
		...who.customRoles.map((role) => role.label.trim())
	].filter((name) => name !== '');
	if (names.length === 0) return t('drejebog.step.nobody');
	if (names.length === 1) return names[0];
	return t('drejebog.list.and', { first: names.slice(0, -1).join(', '), last: names.at(-1)! });
}

/** "2 uger før start", "Ved Midtvejs", "1 uge efter slut", or the free words. */
export function describeWhen(when: When, template: Template | null): string {
	return sayTerm(t, whenTerm(when, template));
}

/** The linked part's name ("Målepunkt: Midtvejs"), that it is gone, or null for no link. */
export function describeLink(link: Link | null, template: Template | null): string | null {
	const described = linkTerm(link, template);
	return described ? sayTerm(t, described) : null;
}
