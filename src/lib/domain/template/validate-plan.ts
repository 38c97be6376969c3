/**
 * The checks of `validateTemplate` for the template's second-pass parts: CV phrases, timings, the
 * rating plan, signers, and the goal with its sub-goals.
 */
import {
	MAX_CV_PHRASE_LENGTH,
	MAX_GOAL_STATUSES,
	MAX_LABEL_LENGTH,
	MAX_LEVEL_LABEL_LENGTH,
	MAX_SIGNERS,
	MAX_SUB_GOAL_LENGTH,
	MAX_SUB_GOALS,
	MAX_TIMING_AFTER_WEEKS,
	MAX_TIMING_EVERY_WEEKS,
	MIN_GOAL_STATUSES
} from '../limits.ts';
import { missingPlanItems, ratingPlanLookup } from './plan.ts';
import type { Timing } from './plan-schemas.ts';
import { problem, type ProblemPath } from './problems.ts';
import type { Statement, Template } from './schemas.ts';
import {
	checkLabels,
	checkRichText,
	normalizeLabel,
	type Collector,
	type Labelled
} from './validate-labels.ts';

/** A missing or too long CV phrase of a statement at `path`. */
export function checkCvPhrase(
	statement: Statement,
	path: ProblemPath,
	area: string,
	add: Collector
): void {
	const phrase = statement.cvPhrase.trim();
	const params = { area, label: statement.text.trim() };
	if (phrase === '') add(problem('statement.cvPhrase.empty', [...path, 'cvPhrase'], params));
	if (phrase.length > MAX_CV_PHRASE_LENGTH) {
		add(
			problem('statement.cvPhrase.tooLong', [...path, 'cvPhrase'], {
				...params,
				max: MAX_CV_PHRASE_LENGTH
			})
		);
	}
}

function isWholeWeeks(weeks: number, max: number): boolean {
	return Number.isInteger(weeks) && weeks >= 1 && weeks <= max;
}

/** Where a timing sits in time: start first, "after N weeks" by N, end last; null for repeats. */
function timingRank(timing: Timing | null): number | null {
	if (timing === null || timing.kind === 'everyWeeks') return null;
	if (timing.kind === 'start') return 0;
	return timing.kind === 'end' ? Number.POSITIVE_INFINITY : timing.weeks;
}

/** One measurement point is no progression; timings out of range or out of order. */
export function checkTimings(template: Template, add: Collector): void {
	const points = template.measurementPoints;
	if (points.length === 1) add(problem('measurementPoints.tooFew', ['measurementPoints']));
	let latest: { rank: number; label: string } | null = null;
	points.forEach((point, index) => {
		const path = ['measurementPoints', point.id, 'timing'];
		const params = { label: point.label.trim(), position: index + 1 };
		const { timing } = point;
		if (timing?.kind === 'afterWeeks' || timing?.kind === 'everyWeeks') {
			const max = timing.kind === 'afterWeeks' ? MAX_TIMING_AFTER_WEEKS : MAX_TIMING_EVERY_WEEKS;
			if (!isWholeWeeks(timing.weeks, max)) {
				add(problem('measurementPoint.timing.outOfRange', path, { ...params, max }));
				return;
			}
		}
		const rank = timingRank(timing);
		if (rank === null) return;
		if (latest && rank <= latest.rank) {
			add(
				problem('measurementPoint.timing.outOfOrder', path, { ...params, previous: latest.label })
			);
		}
		if (!latest || rank > latest.rank) latest = { rank, label: point.label.trim() };
	});
}

/** Plan entries naming removed items (one problem per removed item), and areas without progression. */
function checkRatingPlan(template: Template, add: Collector): void {
	const missing = new Map<string, 'measurementPoint' | 'rater' | 'area'>();
	for (const entry of template.ratingPlan) {
		const ids = {
			measurementPoint: entry.measurementPointId,
			rater: entry.raterId,
			area: entry.areaId
		};
		for (const kind of missingPlanItems(template, entry)) missing.set(ids[kind], kind);
	}
	for (const id of missing.keys()) add(problem('ratingPlan.unknownItem', ['ratingPlan', id]));
	// Too few points or no raters are problems of their own; every area would repeat them.
	if (template.measurementPoints.length < 2 || template.raters.length === 0) return;
	const rates = ratingPlanLookup(template.ratingPlan);
	for (const area of template.areas) {
		const hasProgression = template.raters.some(
			(rater) =>
				template.measurementPoints.filter((point) =>
					rates({ measurementPointId: point.id, raterId: rater.id, areaId: area.id })
				).length >= 2
		);
		if (!hasProgression) {
			add(
				problem('area.noProgression', ['areas', area.id, 'ratingPlan'], {
					label: area.label.trim()
				})
			);
		}
	}
}

/** With signatures: at least one signer, good labels, links to existing raters. */
function checkSigners(template: Template, add: Collector): void {
	const { signature } = template;
	if (!signature.isIncluded) return;
	const root = ['signature', 'signers'];
	if (signature.signers.length === 0) add(problem('signature.noSigners', root));
	if (signature.signers.length > MAX_SIGNERS) {
		add(problem('signers.tooMany', root, { count: signature.signers.length, max: MAX_SIGNERS }));
	}
	// A signer named like its rater (as signers derived from raters are) shares the rater's
	// label: when the raters' own check already reports that label, it is not reported twice.
	const raterLabels = new Map(template.raters.map((rater) => [rater.id, rater.label]));
	const raterCount = new Map<string, number>();
	for (const rater of template.raters) {
		const key = normalizeLabel(rater.label);
		raterCount.set(key, (raterCount.get(key) ?? 0) + 1);
	}
	const isReportedWithRaters = (label: string) =>
		normalizeLabel(label) === '' ||
		label.trim().length > MAX_LABEL_LENGTH ||
		(raterCount.get(normalizeLabel(label)) ?? 0) > 1;
	const mirrored = new Set(
		signature.signers
			.filter((s) => s.raterId !== null && raterLabels.get(s.raterId) === s.label)
			.filter((s) => isReportedWithRaters(s.label))
			.map((s) => s.id)
	);
	checkLabels({
		items: signature.signers,
		prefix: 'signer.label',
		max: MAX_LABEL_LENGTH,
		path: (item) => [...root, item.id, 'label'],
		add: (p) => {
			if (!mirrored.has(p.path[2])) add(p);
		}
	});
	for (const signer of signature.signers) {
		if (signer.raterId !== null && !raterLabels.has(signer.raterId)) {
			add(
				problem('signer.rater.unknown', [...root, signer.id, 'raterId'], {
					label: signer.label.trim()
				})
			);
		}
	}
}

/** With the goal part: its heading, sub-goals and their links, statuses and points. */
function checkGoals(template: Template, add: Collector): void {
	const { goals } = template;
	if (!goals.isIncluded) return;
	const label = goals.label.trim();
	if (label === '') add(problem('goal.label.empty', ['goals', 'label']));
	if (label.length > MAX_LABEL_LENGTH) {
		add(problem('goal.label.tooLong', ['goals', 'label'], { max: MAX_LABEL_LENGTH }));
	}
	checkRichText({
		value: goals.guidance,
		code: 'goal.guidance.tooLong',
		path: ['goals', 'guidance'],
		params: { label },
		add
	});
	const count = goals.subGoals.length;
	if (count > MAX_SUB_GOALS) {
		add(problem('subGoals.tooMany', ['goals', 'subGoals'], { count, max: MAX_SUB_GOALS }));
	}
	const subGoals: Labelled[] = goals.subGoals.map((s) => ({ id: s.id, label: s.text }));
	checkLabels({
		items: subGoals,
		prefix: 'subGoal.text',
		max: MAX_SUB_GOAL_LENGTH,
		path: (item) => ['goals', 'subGoals', item.id, 'text'],
		add
	});
	const statementIds = new Set(template.areas.flatMap((a) => a.statements.map((s) => s.id)));
	for (const subGoal of goals.subGoals) {
		for (const id of subGoal.statementIds.filter((s) => !statementIds.has(s))) {
			const path = ['goals', 'subGoals', subGoal.id, 'statementIds', id];
			add(problem('subGoal.statement.unknown', path, { label: subGoal.text.trim() }));
		}
	}
	checkStatuses(template, add);
	const pointIds = new Set(template.measurementPoints.map((p) => p.id));
	for (const id of goals.measurementPointIds.filter((p) => !pointIds.has(p))) {
		add(problem('goals.point.unknown', ['goals', 'measurementPointIds', id]));
	}
	if (count > 0 && !goals.measurementPointIds.some((id) => pointIds.has(id))) {
		add(problem('goals.noPoints', ['goals', 'measurementPointIds']));
	}
}

function checkStatuses(template: Template, add: Collector): void {
	const { statuses } = template.goals;
	const path = ['goals', 'statuses'];
	const count = statuses.length;
	if (count < MIN_GOAL_STATUSES) {
		add(problem('goalStatuses.tooFew', path, { count, min: MIN_GOAL_STATUSES }));
	}
	if (count > MAX_GOAL_STATUSES) {
		add(problem('goalStatuses.tooMany', path, { count, max: MAX_GOAL_STATUSES }));
	}
	checkLabels({
		items: statuses,
		prefix: 'goalStatus.label',
		max: MAX_LEVEL_LABEL_LENGTH,
		path: (item) => [...path, item.id, 'label'],
		add
	});
}

/** The rating plan, the signers and the goals (CV phrases and timings are checked in place). */
export function checkSecondPass(template: Template, add: Collector): void {
	checkRatingPlan(template, add);
	checkSigners(template, add);
	checkGoals(template, add);
}
