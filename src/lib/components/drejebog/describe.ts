/**
 * Short Danish descriptions of a step's parts for summaries and the read-only view: who does it,
 * when, and which part of the læringsbevis it is about, with the template's current labels.
 */
import { t } from '#lib/i18n/index.svelte.ts';
import type { Link, When, Who } from '#lib/domain/drejebog/index.ts';
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

/** The label of the measurement point `id`, or that it is gone. */
function pointLabel(id: string, template: Template | null): string {
	const point = template?.measurementPoints.find((p) => p.id === id);
	return point ? point.label.trim() : t('drejebog.link.gone');
}

/** "2 uger før start", "Ved Midtvejs", "1 uge efter slut", or the free words. */
export function describeWhen(when: When, template: Template | null): string {
	if (when.kind === 'free') return when.text.trim() || t('drejebog.when.unsaid');
	const moment =
		when.kind === 'point'
			? pointLabel(when.measurementPointId, template)
			: t(`drejebog.when.moment.${when.kind}`);
	const weeks = Math.abs(when.offsetWeeks);
	if (weeks === 0) return t('drejebog.when.at', { moment });
	const key = when.offsetWeeks < 0 ? 'drejebog.when.before' : 'drejebog.when.after';
	return t(key, { count: weeks, moment });
}

/** The linked part's name ("Målepunkt: Midtvejs"), that it is gone, or null for no link. */
export function describeLink(link: Link | null, template: Template | null): string | null {
	if (!link) return null;
	if (link.kind === 'goals') return t('drejebog.link.goals');
	const items =
		link.kind === 'measurementPoint'
			? template?.measurementPoints
			: link.kind === 'area'
				? template?.areas
				: template?.freeTextSections;
	const label = items?.find((item) => item.id === link.id)?.label.trim();
	return label ? t(`drejebog.link.kind.${link.kind}`, { label }) : t('drejebog.link.gone');
}
