/** A rule of "Hurtig reaktion" in one Danish sentence, for the read-only view. */
import { t } from '#lib/i18n/index.svelte.ts';
import type { Reaction } from '#lib/domain/drejebog/index.ts';
import type { Template } from '#lib/domain/template/schemas.ts';

function labelIn(items: readonly { id: string; label: string }[] | undefined, id: string): string {
	return items?.find((item) => item.id === id)?.label.trim() ?? t('drejebog.link.gone');
}

/** "Ingen fremgang fra Start til Midtvejs: Jobkonsulenten ringer …" */
export function describeReaction(reaction: Reaction, template: Template | null): string {
	const { condition } = reaction;
	let when: string;
	if (condition.kind === 'noProgress') {
		when = t('drejebog.reaction.describe.noProgress', {
			from: labelIn(template?.measurementPoints, condition.fromPointId),
			to: labelIn(template?.measurementPoints, condition.toPointId)
		});
	} else if (condition.kind === 'missedRating') {
		const rater =
			condition.raterId === null
				? t('drejebog.reaction.anyRater')
				: labelIn(template?.raters, condition.raterId);
		when = t('drejebog.reaction.describe.missedRating', { count: condition.days, rater });
	} else {
		when = condition.text.trim();
	}
	const action = reaction.action.trim();
	return action ? t('drejebog.reaction.describe.then', { when, action }) : when;
}
