/**
 * The læringsbevis as data: what the young person can now ("hvad den unge kan her og nu"), to put
 * behind the CV. It lists the statements reached at the final point by the agreed rating, as CV
 * phrases, the goal and the sub-goals reached, the hours and tasks at the end, the young person's
 * own words, the next step and the signatures. Nothing in it reads as a failure: what was not
 * reached is simply not listed (that stays in the progressionsskema).
 */
import type { CaseData, NextStepKind } from './case-data.ts';
import { goalPoints } from './plan.ts';
import type { AreaCategory } from './plan-schemas.ts';
import { effectiveScale, type StatementKind, type Template } from './schemas.ts';

/**
 * The lowest level (0-based) that counts as reached on a scale of `levelCount` levels: the upper
 * half, which on the starters' four- and five-level scales begins at "Kan selv".
 */
export function firstReachedLevelIndex(levelCount: number): number {
	return Math.floor(levelCount / 2);
}

/** True when `levelId` is one of `levels` and in the reached half of them. */
export function isReachedLevel(levels: readonly { id: string }[], levelId: string | null): boolean {
	const index = levels.findIndex((level) => level.id === levelId);
	return index >= 0 && index >= firstReachedLevelIndex(levels.length);
}

export type Laeringsbevis = {
	title: string;
	/** Header fields with their values; fields left empty are left out. */
	header: { fieldId: string; label: string; value: string }[];
	/** The goal in the young person's words, when the template has the goal part and it is filled. */
	goal: { label: string; text: string } | null;
	/** Sub-goals whose latest status is the last step of the status scale ("Nået"). */
	achievedSubGoals: { subGoalId: string; text: string }[];
	/** Hours per week at the last point that has some, when the template follows hours. */
	hoursPerWeek: { measurementPointLabel: string; hours: number } | null;
	/** The tasks at the last point that has some, when the template follows tasks. */
	tasks: { measurementPointLabel: string; text: string } | null;
	/** Per area with something reached, in template order: the reached statements' CV phrases. */
	competences: {
		areaId: string;
		areaLabel: string;
		category: AreaCategory;
		statements: { statementId: string; cvPhrase: string; kind: StatementKind }[];
	}[];
	/** The young person's own words: the free-text sections they filled in. */
	ownWords: { sectionId: string; label: string; text: string }[];
	nextStep: { kind: NextStepKind | null; text: string } | null;
	/**
	 * Null when the template has no signatures. Each signer has the role it signs in (`label`) and,
	 * when the case names them, the person's name; both print under the signature line.
	 */
	signature: {
		text: string;
		signers: { signerId: string; label: string; name: string | null }[];
	} | null;
};

function latest<T>(values: readonly (T | null)[]): T | null {
	return values.reduce<T | null>((found, value) => value ?? found, null);
}

function achievedSubGoals(
	template: Template,
	caseData: CaseData
): Laeringsbevis['achievedSubGoals'] {
	const { goals } = template;
	const reachedId = goals.statuses.at(-1)?.id;
	if (!goals.isIncluded || reachedId === undefined) return [];
	const known = new Set(goals.statuses.map((s) => s.id));
	const points = goalPoints(template);
	return caseData.subGoals
		.filter((subGoal) => {
			const statuses = points.map((point) => {
				const found = caseData.subGoalStatuses.find(
					(s) => s.subGoalId === subGoal.id && s.measurementPointId === point.id
				);
				return found?.statusId && known.has(found.statusId) ? found.statusId : null;
			});
			return latest(statuses) === reachedId && subGoal.text.trim() !== '';
		})
		.map((subGoal) => ({ subGoalId: subGoal.id, text: subGoal.text.trim() }));
}

function reachedCompetences(template: Template, caseData: CaseData): Laeringsbevis['competences'] {
	const agreed = new Map(caseData.agreedLevels.map((a) => [a.statementId, a.levelId]));
	return template.areas.flatMap((area) => {
		const statements = area.statements.filter((statement) =>
			isReachedLevel(effectiveScale(area, statement).levels, agreed.get(statement.id) ?? null)
		);
		if (statements.length === 0) return [];
		return [
			{
				areaId: area.id,
				areaLabel: area.label,
				category: area.category,
				statements: statements.map((s) => ({
					statementId: s.id,
					cvPhrase: s.cvPhrase.trim(),
					kind: s.kind
				}))
			}
		];
	});
}

function endMeasures(
	template: Template,
	caseData: CaseData
): Pick<Laeringsbevis, 'hoursPerWeek' | 'tasks'> {
	const points = template.measurementPoints;
	const hours = latest(
		points.map((point) => {
			const found = caseData.hoursPerWeek.find((h) => h.measurementPointId === point.id);
			return found?.hours ? { measurementPointLabel: point.label, hours: found.hours } : null;
		})
	);
	const tasks = latest(
		points.map((point) => {
			const text = caseData.tasks.find((t) => t.measurementPointId === point.id)?.text.trim();
			return text ? { measurementPointLabel: point.label, text } : null;
		})
	);
	return {
		hoursPerWeek: template.progressionMeasures.hasHoursPerWeek ? hours : null,
		tasks: template.progressionMeasures.hasTasks ? tasks : null
	};
}

/** The læringsbevis of `caseData` on `template`; see the module comment for what it holds. */
export function describeLaeringsbevis(template: Template, caseData: CaseData): Laeringsbevis {
	const valueOf = (fieldId: string) =>
		caseData.header.find((h) => h.fieldId === fieldId)?.value.trim() ?? '';
	const nameOf = (signerId: string) =>
		caseData.signerNames.find((s) => s.signerId === signerId)?.name.trim() ?? '';
	const answerOf = (sectionId: string) =>
		caseData.freeText.find((f) => f.sectionId === sectionId)?.text.trim() ?? '';
	const { goals, signature } = template;
	const goalText = caseData.goal.trim();
	const nextStep = { kind: caseData.nextStep.kind, text: caseData.nextStep.text.trim() };
	return {
		title: template.title,
		header: template.headerFields
			.map((field) => ({ fieldId: field.id, label: field.label, value: valueOf(field.id) }))
			.filter((field) => field.value !== ''),
		goal: goals.isIncluded && goalText !== '' ? { label: goals.label, text: goalText } : null,
		achievedSubGoals: achievedSubGoals(template, caseData),
		...endMeasures(template, caseData),
		competences: reachedCompetences(template, caseData),
		ownWords: template.freeTextSections
			.map((section) => ({
				sectionId: section.id,
				label: section.label,
				text: answerOf(section.id)
			}))
			.filter((section) => section.text !== ''),
		nextStep: nextStep.kind !== null || nextStep.text !== '' ? nextStep : null,
		signature: signature.isIncluded
			? {
					text: signature.text,
					signers: signature.signers.map((s) => ({
						signerId: s.id,
						label: s.label,
						name: nameOf(s.id) || null
					}))
				}
			: null
	};
}
