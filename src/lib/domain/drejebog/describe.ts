/**
 * A step's timing and link and a "Hurtig reaktion" rule in words (`Term`s, said in the reader's
 * language), with the template's labels: the editor's read-only view, the published version and
 * the diff between versions all word them the same way. A part the template no longer has reads
 * as deleted.
 */
import { term, type Term } from '../terms.ts';
import type { Template } from '../template/schemas.ts';
import type { Link, When } from './step-schemas.ts';
import type { Reaction } from './rule-schemas.ts';

const GONE = term('drejebog.link.gone');

/** The template's parts a description names, or null while it is not known. */
export type TemplateLabels = Pick<
	Template,
	'measurementPoints' | 'areas' | 'freeTextSections' | 'raters'
> | null;

/** The label of the item `id` among `items`, or "deleted" when it has none. */
export function labelOrGone(
	items: readonly { id: string; label: string }[] | undefined,
	id: string
): string | Term {
	const label = items?.find((item) => item.id === id)?.label.trim();
	return label ? label : GONE;
}

/** "2 uger før start", "Ved Midtvejs", "1 uge efter slut", or the free words. */
export function whenTerm(when: When, template: TemplateLabels): Term | string {
	if (when.kind === 'free') return when.text.trim() || term('drejebog.when.unsaid');
	const moment =
		when.kind === 'point'
			? labelOrGone(template?.measurementPoints, when.measurementPointId)
			: term(`drejebog.when.moment.${when.kind}`);
	const weeks = Math.abs(when.offsetWeeks);
	if (weeks === 0) return term('drejebog.when.at', { moment });
	const key = when.offsetWeeks < 0 ? 'drejebog.when.before' : 'drejebog.when.after';
	return term(key, { count: weeks, moment });
}

/** The linked part ("Målepunkt: Midtvejs"), that it is gone, or null for no link. */
export function linkTerm(link: Link | null, template: TemplateLabels): Term | null {
	if (!link) return null;
	if (link.kind === 'goals') return term('drejebog.link.goals');
	const items =
		link.kind === 'measurementPoint'
			? template?.measurementPoints
			: link.kind === 'area'
				? template?.areas
				: template?.freeTextSections;
	const label = labelOrGone(items, link.id);
	return typeof label === 'string' ? term(`drejebog.link.kind.${link.kind}`, { label }) : GONE;
}

/** When a rule applies: "Ingen fremgang fra Start til Midtvejs", or the free words. */
export function reactionConditionTerm(reaction: Reaction, template: TemplateLabels): Term | string {
	const { condition } = reaction;
	if (condition.kind === 'noProgress') {
		return term('drejebog.reaction.describe.noProgress', {
			from: labelOrGone(template?.measurementPoints, condition.fromPointId),
			to: labelOrGone(template?.measurementPoints, condition.toPointId)
		});
	}
	if (condition.kind === 'missedRating') {
		const rater =
			condition.raterId === null
				? term('drejebog.reaction.anyRater')
				: labelOrGone(template?.raters, condition.raterId);
		return term('drejebog.reaction.describe.missedRating', { count: condition.days, rater });
	}
	return condition.text.trim();
}

/** "Ingen fremgang fra Start til Midtvejs: Jobkonsulenten ringer …" */
export function reactionTerm(reaction: Reaction, template: TemplateLabels): Term | string {
	const when = reactionConditionTerm(reaction, template);
	const action = reaction.action.trim();
	return action ? term('drejebog.reaction.describe.then', { when, action }) : when;
}
