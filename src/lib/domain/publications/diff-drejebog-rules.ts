/**
 * The diff of the drejebog's two rule sections: each setting of "CV og Min Plan" that changed,
 * with its new value in words, and the rules of "Hurtig reaktion" (added, removed, moved, and a
 * changed condition or action).
 */
import type { CvPlan, LevelThreshold, RatingBasis, Reaction } from '../drejebog/rule-schemas.ts';
import {
	labelOrGone as labelIn,
	reactionConditionTerm,
	type TemplateLabels
} from '../drejebog/describe.ts';
import { term, type Term, type TermValue } from '../terms.ts';
import { canonicalJson } from './canonical.ts';
import { change, diffItems, diffText, type ChangeSink } from './diff-core.ts';

const CV_PLAN = ['drejebog', 'cvPlan'];
function basisTerm(basis: RatingBasis, labels: TemplateLabels): Term {
	return basis.kind === 'agreed'
		? term('drejebog.cvPlan.basisAgreed')
		: term('drejebog.cvPlan.basisRater', { rater: labelIn(labels?.raters, basis.raterId) });
}

function thresholdTerm(threshold: LevelThreshold): Term {
	return threshold.kind === 'upperHalf'
		? term('drejebog.cvPlan.upperHalf')
		: term('drejebog.cvPlan.position', { position: threshold.position });
}

/** The free-text sections that joined or left one of the rule's two lists. */
function diffSections(
	sink: ChangeSink,
	list: 'cv' | 'minPlan',
	ids: { before: readonly string[]; after: readonly string[] },
	labels: TemplateLabels
): void {
	const key = list === 'cv' ? 'cvSectionIds' : 'minPlanSectionIds';
	const report = (kind: 'added' | 'removed', id: string) =>
		sink(
			change(kind, 'cvPlan', `${list}Section.${kind}`, [...CV_PLAN, key, id], {
				section: labelIn(labels?.freeTextSections, id)
			})
		);
	for (const id of ids.after.filter((id) => !ids.before.includes(id))) report('added', id);
	for (const id of ids.before.filter((id) => !ids.after.includes(id))) report('removed', id);
}

/** Each setting of "CV og Min Plan" that changed, with its new value. */
export function diffCvPlan(sink: ChangeSink, a: CvPlan, b: CvPlan, labels: TemplateLabels): void {
	const setting = (field: keyof CvPlan, before: unknown, value: TermValue) => {
		if (canonicalJson(before) === canonicalJson(b[field])) return;
		sink(change('changed', 'cvPlan', field, [...CV_PLAN, field], { value }));
	};
	setting('basis', a.basis, basisTerm(b.basis, labels));
	setting(
		'point',
		a.point,
		b.point.kind === 'last'
			? term('drejebog.cvPlan.pointLast')
			: labelIn(labels?.measurementPoints, b.point.measurementPointId)
	);
	setting('cvThreshold', a.cvThreshold, thresholdTerm(b.cvThreshold));
	setting('minPlanThreshold', a.minPlanThreshold, thresholdTerm(b.minPlanThreshold));
	for (const flag of ['minPlanIncludesNotRated', 'minPlanIncludesNextStep'] as const) {
		if (a[flag] === b[flag]) continue;
		sink(change('changed', 'cvPlan', `${flag}.${b[flag] ? 'on' : 'off'}`, [...CV_PLAN, flag]));
	}
	diffSections(sink, 'cv', { before: a.cvSectionIds, after: b.cvSectionIds }, labels);
	diffSections(
		sink,
		'minPlan',
		{ before: a.minPlanSectionIds, after: b.minPlanSectionIds },
		labels
	);
}

/** The rules of "Hurtig reaktion": added, removed, moved, and changed conditions and actions. */
export function diffReactions(
	sink: ChangeSink,
	before: readonly Reaction[],
	after: readonly Reaction[],
	labels: TemplateLabels
): void {
	const path = (id: string) => ['drejebog', 'reactions', id];
	const rule = (reaction: Reaction) => reactionConditionTerm(reaction, labels);
	const kept = diffItems(sink, {
		subject: 'reaction',
		before,
		after,
		path: (reaction) => path(reaction.id),
		describe: (reaction) => ({ rule: rule(reaction) })
	});
	for (const { before: a, after: b } of kept) {
		if (canonicalJson(a.condition) !== canonicalJson(b.condition)) {
			sink(
				change('changed', 'reaction', 'condition', path(b.id), { rule: rule(b), from: rule(a) })
			);
		}
		diffText(sink, a.action, b.action, (extra) =>
			change('changed', 'reaction', 'action', [...path(b.id), 'action'], { rule: rule(b) }, extra)
		);
	}
}
