/**
 * The "CV og Min Plan" rule applied to a case: with the starter's rule the CV phrases are exactly
 * the statements the læringsbevis lists as reached; a stricter level, one rater's rating at a
 * named point, not-rated statements and the own-words sections change what goes where.
 */
import { describe, expect, it } from 'vitest';
import {
	applyCvPlan,
	defaultCvPlan,
	starterDrejebog,
	thresholdIndex
} from '#lib/domain/drejebog/index.ts';
import {
	describeLaeringsbevis,
	exampleCase,
	starterToTemplate,
	type CaseData
} from '#lib/domain/template/index.ts';
import { getStarter } from '#lib/domain/template/starters/index.ts';

const template = starterToTemplate(getStarter('detail')!);
const caseData: CaseData = exampleCase(template).data;
const statements = template.areas.flatMap((a) => a.statements);

describe('applyCvPlan', () => {
	it('with the starter’s rule, puts in the CV exactly what the læringsbevis lists as reached', () => {
		const plan = starterDrejebog(template).cvPlan;
		const result = applyCvPlan(plan, template, caseData);
		const reached = describeLaeringsbevis(template, caseData).competences.flatMap((c) =>
			c.statements.map((s) => s.statementId)
		);
		expect(result.cv.map((c) => c.statementId)).toEqual(reached);
		expect(result.cv.length).toBeGreaterThan(0);
		// Everything agreed and not reached is in Min Plan; nothing is in both.
		const inCv = new Set(reached);
		expect(result.minPlan.every((m) => !inCv.has(m.statementId))).toBe(true);
		// The own words of "Til mit CV" go to the CV, those of "Det vil jeg arbejde videre med" to Min Plan.
		const written = (label: string) => {
			const section = template.freeTextSections.find((f) => f.label === label)!;
			return caseData.freeText.find((f) => f.sectionId === section.id)?.text.trim() ?? '';
		};
		expect(result.cvOwnWords.map((w) => w.text)).toEqual([written('Til mit CV')].filter(Boolean));
		expect(result.minPlanOwnWords.map((w) => w.text)).toEqual(
			[written('Det vil jeg arbejde videre med')].filter(Boolean)
		);
		expect(result.cvOwnWords.length + result.minPlanOwnWords.length).toBeGreaterThan(0);
	});

	it('follows a stricter level, one rater at a named point, and not-rated statements', () => {
		const strict = applyCvPlan(
			{ ...defaultCvPlan(), cvThreshold: { kind: 'position', position: 5 } },
			template,
			caseData
		);
		const lenient = applyCvPlan(defaultCvPlan(), template, caseData);
		expect(strict.cv.length).toBeLessThanOrEqual(lenient.cv.length);
		expect(thresholdIndex({ kind: 'upperHalf' }, 5)).toBe(2);
		expect(thresholdIndex({ kind: 'position', position: 4 }, 5)).toBe(3);

		const [first] = statements;
		const [start, , end] = template.measurementPoints;
		const youngPerson = template.raters[0];
		const [low, , , top] = template.areas[0].scale.levels;
		const data: CaseData = {
			...caseData,
			ratings: [
				{
					statementId: first.id,
					measurementPointId: end.id,
					raterId: youngPerson.id,
					levelId: top.id
				},
				{
					statementId: first.id,
					measurementPointId: start.id,
					raterId: youngPerson.id,
					levelId: low.id
				}
			],
			nextStep: { kind: 'job', text: ' Søge job i butik ' }
		};
		const byRater = applyCvPlan(
			{
				...defaultCvPlan(),
				basis: { kind: 'rater', raterId: youngPerson.id },
				minPlanIncludesNotRated: true
			},
			template,
			data
		);
		expect(byRater.cv).toEqual([{ statementId: first.id, cvPhrase: first.cvPhrase }]);
		expect(byRater.minPlan).toHaveLength(statements.length - 1);
		expect(byRater.nextStep).toEqual({ kind: 'job', text: 'Søge job i butik' });
		const atStart = applyCvPlan(
			{
				...defaultCvPlan(),
				basis: { kind: 'rater', raterId: youngPerson.id },
				point: { kind: 'point', measurementPointId: start.id },
				minPlanIncludesNextStep: false
			},
			template,
			data
		);
		expect(atStart.cv).toEqual([]);
		expect(atStart.minPlan).toEqual([{ statementId: first.id, text: first.text }]);
		expect(atStart.nextStep).toBeNull();
	});
});
