/**
 * The "CV og Min Plan" rule applied to one case: which statements become CV phrases, which go to
 * "det vil jeg arbejde videre med" in Min Plan, and which of the young person's own words and the
 * next step go where. Operations (Drift) use it when a case ends; the rule itself is the work
 * group's (`CvPlan`), the case is what `case-data.ts` describes.
 */
import type { CaseData } from '../template/case-data.ts';
import { firstReachedLevelIndex } from '../template/laeringsbevis.ts';
import { effectiveScale, type Template } from '../template/schemas.ts';
import type { CvPlan, LevelThreshold } from './schemas.ts';

export type CvPlanResult = {
	/** Statements reached, as CV phrases, in template order. */
	cv: { statementId: string; cvPhrase: string }[];
	/** The young person's own words that go to the CV (sections the rule names, filled in). */
	cvOwnWords: { sectionId: string; label: string; text: string }[];
	/** Statements to keep working on, in the young person's words from the template. */
	minPlan: { statementId: string; text: string }[];
	minPlanOwnWords: { sectionId: string; label: string; text: string }[];
	/** The next step, when the rule sends it to Min Plan and the case has one. */
	nextStep: CaseData['nextStep'] | null;
};

/** The lowest level (0-based) a threshold accepts on a scale of `levelCount` levels. */
export function thresholdIndex(threshold: LevelThreshold, levelCount: number): number {
	return threshold.kind === 'upperHalf'
		? firstReachedLevelIndex(levelCount)
		: threshold.position - 1;
}

/**
 * The level id each statement has by the rule's basis: the agreed level (which a case records at
 * its end, whatever point the rule names), or one rater's rating at the rule's point.
 */
function levelsByStatement(
	plan: CvPlan,
	template: Template,
	caseData: CaseData
): Map<string, string | null> {
	if (plan.basis.kind === 'agreed') {
		return new Map(caseData.agreedLevels.map((a) => [a.statementId, a.levelId]));
	}
	const { raterId } = plan.basis;
	const pointId =
		plan.point.kind === 'last'
			? template.measurementPoints.at(-1)?.id
			: plan.point.measurementPointId;
	return new Map(
		caseData.ratings
			.filter((r) => r.raterId === raterId && r.measurementPointId === pointId)
			.map((r) => [r.statementId, r.levelId])
	);
}

function ownWords(
	sectionIds: readonly string[],
	template: Template,
	caseData: CaseData
): CvPlanResult['cvOwnWords'] {
	return template.freeTextSections
		.filter((section) => sectionIds.includes(section.id))
		.map((section) => ({
			sectionId: section.id,
			label: section.label,
			text: caseData.freeText.find((f) => f.sectionId === section.id)?.text.trim() ?? ''
		}))
		.filter((words) => words.text !== '');
}

/** What `plan` makes of `caseData` on `template` (see the module comment). */
export function applyCvPlan(plan: CvPlan, template: Template, caseData: CaseData): CvPlanResult {
	const levels = levelsByStatement(plan, template, caseData);
	const result: CvPlanResult = {
		cv: [],
		cvOwnWords: ownWords(plan.cvSectionIds, template, caseData),
		minPlan: [],
		minPlanOwnWords: ownWords(plan.minPlanSectionIds, template, caseData),
		nextStep: null
	};
	for (const area of template.areas) {
		for (const statement of area.statements) {
			const scale = effectiveScale(area, statement).levels;
			const index = scale.findIndex((level) => level.id === levels.get(statement.id));
			if (index >= 0 && index >= thresholdIndex(plan.cvThreshold, scale.length)) {
				result.cv.push({ statementId: statement.id, cvPhrase: statement.cvPhrase.trim() });
			}
			const isBelow = index >= 0 && index < thresholdIndex(plan.minPlanThreshold, scale.length);
			if (isBelow || (index < 0 && plan.minPlanIncludesNotRated)) {
				result.minPlan.push({ statementId: statement.id, text: statement.text.trim() });
			}
		}
	}
	const next = caseData.nextStep;
	if (plan.minPlanIncludesNextStep && (next.kind !== null || next.text.trim() !== '')) {
		result.nextStep = { kind: next.kind, text: next.text.trim() };
	}
	return result;
}
