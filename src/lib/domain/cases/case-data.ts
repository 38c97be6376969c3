/**
 * A stored case turned into `CaseData` on its version's template, so the existing renderers make
 * the læringsbevis and the progressionsskema, and the drejebog's "CV og Min Plan" rule gives the
 * CV phrases and the Min Plan text (`applyCvPlan`).
 */
import { applyCvPlan } from '../drejebog/cv-plan.ts';
import type { CvPlan } from '../drejebog/rule-schemas.ts';
import { formatDanishDate, NEXT_STEP_LABELS } from '../exports/labels.ts';
import type { CaseData, NextStepKind } from '../template/case-data.ts';
import type { HeaderField, Template } from '../template/schemas.ts';
import type { RatingFact } from './analysis.ts';
import type { CaseCv } from './types.ts';

/** A case as the database holds it, in plain data. */
export type StoredCase = {
	youngPerson: { firstName: string; lastName: string };
	company: string;
	mentorName: string;
	start: string;
	end: string;
	goal: string;
	goalAgreedOn: string | null;
	statementIds: string[];
	subGoals: { id: string; text: string; statementIds: string[] }[];
	subGoalStatuses: { subGoalId: string; pointId: string; statusId: string | null }[];
	ratings: (RatingFact & { comment: string })[];
	agreedLevels: { statementId: string; level: string | null }[];
	pointProgress: { pointId: string; hours: number | null; tasks: string }[];
	ownWords: { sectionId: string; text: string }[];
	nextStep: { kind: NextStepKind | null; text: string };
	signatures: { signerId: string; name: string }[];
};

function danishDay(date: string): string {
	return formatDanishDate(new Date(`${date}T12:00:00Z`));
}

function headerValue(field: HeaderField, c: StoredCase): string {
	switch (field.kind) {
		case 'person':
			return `${c.youngPerson.firstName} ${c.youngPerson.lastName}`;
		case 'company':
			return c.mentorName === '' ? c.company : `${c.company} (${c.mentorName})`;
		case 'period':
			return `${danishDay(c.start)} – ${danishDay(c.end)}`;
		case 'goal':
			return c.goal;
		case 'subGoals':
			return c.subGoals.map((s) => s.text).join('\n');
		case 'date':
			return c.goalAgreedOn === null ? '' : danishDay(c.goalAgreedOn);
		default:
			return '';
	}
}

/** `c` as the case data of `template`: only the chosen statements' ratings and agreed levels. */
export function toCaseData(template: Template, c: StoredCase): CaseData {
	const chosen = new Set(c.statementIds);
	return {
		header: template.headerFields
			.map((field) => ({ fieldId: field.id, value: headerValue(field, c) }))
			.filter((h) => h.value !== ''),
		ratings: c.ratings
			.filter((r) => chosen.has(r.statementId))
			.map((r) => ({
				statementId: r.statementId,
				measurementPointId: r.pointId,
				raterId: r.raterId,
				levelId: r.level,
				...(r.comment === '' ? {} : { comment: r.comment })
			})),
		agreedLevels: c.agreedLevels
			.filter((a) => chosen.has(a.statementId))
			.map((a) => ({ statementId: a.statementId, levelId: a.level })),
		goal: c.goal,
		subGoals: c.subGoals.map((s) => ({ ...s, statementIds: [...s.statementIds] })),
		subGoalStatuses: c.subGoalStatuses.map((s) => ({
			subGoalId: s.subGoalId,
			measurementPointId: s.pointId,
			statusId: s.statusId
		})),
		hoursPerWeek: c.pointProgress.map((p) => ({ measurementPointId: p.pointId, hours: p.hours })),
		tasks: c.pointProgress
			.filter((p) => p.tasks !== '')
			.map((p) => ({ measurementPointId: p.pointId, text: p.tasks })),
		freeText: c.ownWords.map((w) => ({ sectionId: w.sectionId, text: w.text })),
		nextStep: { kind: c.nextStep.kind, text: c.nextStep.text },
		signerNames: c.signatures.map((s) => ({ signerId: s.signerId, name: s.name }))
	};
}

/**
 * The CV phrases for Jobnet and the Min Plan text of a case, by the drejebog's rule, each also as
 * one block of text to copy.
 */
export function caseCvFrom(cvPlan: CvPlan, template: Template, caseData: CaseData): CaseCv {
	const result = applyCvPlan(cvPlan, template, caseData);
	const cvPhrases = result.cv.map((c) => c.cvPhrase);
	const minPlan = result.minPlan.map((m) => m.text);
	const strip = (words: { label: string; text: string }[]) =>
		words.map(({ label, text }) => ({ label, text }));
	const nextStepLine =
		result.nextStep === null
			? []
			: [
					[
						result.nextStep.kind === null ? '' : NEXT_STEP_LABELS[result.nextStep.kind],
						result.nextStep.text
					]
						.filter((s) => s !== '')
						.join(': ')
				];
	return {
		cvPhrases,
		cvOwnWords: strip(result.cvOwnWords),
		minPlan,
		minPlanOwnWords: strip(result.minPlanOwnWords),
		nextStep: result.nextStep,
		cvText: [...cvPhrases, ...result.cvOwnWords.map((w) => w.text)].join('\n'),
		minPlanText: [
			...minPlan.map((text) => `Det vil jeg arbejde videre med: ${text}`),
			...result.minPlanOwnWords.map((w) => `${w.label}: ${w.text}`),
			...nextStepLine.map((line) => `Næste skridt: ${line}`)
		].join('\n')
	};
}
