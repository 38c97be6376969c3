import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyCaseData, type CaseData } from '#lib/domain/template/case-data.ts';
import {
	describeLaeringsbevis,
	firstReachedLevelIndex
} from '#lib/domain/template/laeringsbevis.ts';
import { effectiveScale } from '#lib/domain/template/schemas.ts';
import { smallTemplate, starterTemplate } from '../../../fixtures/template.ts';

function filledCase(): CaseData {
	const template = smallTemplate();
	return {
		...emptyCaseData(template),
		header: [{ fieldId: 'h1', value: 'Amalie Jensen' }],
		agreedLevels: [
			{ statementId: 's1', levelId: 'a1-l2' },
			{ statementId: 's2', levelId: 'a1-l1' },
			{ statementId: 's3', levelId: null },
			{ statementId: 's4', levelId: 'a2-l1' }
		],
		goal: ' Jeg vil være butiksassistent. ',
		subGoals: [
			{ id: 'g1', text: 'Møde til tiden hver dag', statementIds: ['s1'] },
			{ id: 'g2', text: 'Arbejde 25 timer om ugen', statementIds: [] }
		],
		subGoalStatuses: [
			{ subGoalId: 'g1', measurementPointId: 'm1', statusId: 'st2' },
			{ subGoalId: 'g1', measurementPointId: 'm2', statusId: 'st3' },
			{ subGoalId: 'g2', measurementPointId: 'm1', statusId: 'st3' },
			{ subGoalId: 'g2', measurementPointId: 'm2', statusId: 'st2' }
		],
		hoursPerWeek: [
			{ measurementPointId: 'm1', hours: 10 },
			{ measurementPointId: 'm2', hours: null }
		],
		tasks: [{ measurementPointId: 'm2', text: 'Opfyldning' }],
		freeText: [{ sectionId: 'f1', text: 'Jeg har lært at fylde op.' }],
		nextStep: { kind: 'education', text: ' Erhvervsuddannelsen ' },
		// The mentor's name is blank: the line prints without a name, as for a signer not named.
		signerNames: [
			{ signerId: 'u1', name: 'Amalie Jensen' },
			{ signerId: 'u2', name: '  ' },
			{ signerId: 'u3', name: ' Lars Nielsen ' },
			{ signerId: 'gone', name: 'Nogen' }
		]
	};
}

describe('describeLaeringsbevis', () => {
	it('counts the upper half of a scale as reached', () => {
		expect([2, 3, 4, 5, 10].map(firstReachedLevelIndex)).toEqual([1, 1, 2, 2, 5]);
	});

	it('shows what the young person can now, the goal, what was reached, next step and signers', () => {
		const bevis = describeLaeringsbevis(smallTemplate(), filledCase());
		expect(bevis).toEqual({
			title: 'Læringsbevis',
			header: [{ fieldId: 'h1', label: 'Den unges navn', value: 'Amalie Jensen' }],
			goal: { label: 'Mit mål', text: 'Jeg vil være butiksassistent.' },
			achievedSubGoals: [{ subGoalId: 'g1', text: 'Møde til tiden hver dag' }],
			hoursPerWeek: { measurementPointLabel: 'Start', hours: 10 },
			tasks: null,
			competences: [
				{
					areaId: 'a1',
					areaLabel: 'Faglige kompetencer',
					category: 'professional',
					statements: [{ statementId: 's1', cvPhrase: 'Jeg kan modtage varer', kind: 'informal' }]
				}
			],
			ownWords: [{ sectionId: 'f1', label: 'Det har jeg lært', text: 'Jeg har lært at fylde op.' }],
			nextStep: { kind: 'education', text: 'Erhvervsuddannelsen' },
			signature: {
				text: 'Vi er enige.',
				signers: [
					{ signerId: 'u1', label: 'Den unge', name: 'Amalie Jensen' },
					{ signerId: 'u2', label: 'Virksomhedsmentor', name: null },
					{ signerId: 'u3', label: 'Sagsbehandler', name: 'Lars Nielsen' }
				]
			}
		});
	});

	it('leaves out what is switched off or empty, and never fails on an empty case', () => {
		const template = smallTemplate();
		template.goals.isIncluded = false;
		template.signature.isIncluded = false;
		template.progressionMeasures = { hasHoursPerWeek: false, hasTasks: true };
		const bevis = describeLaeringsbevis(template, filledCase());
		expect(bevis.goal).toBeNull();
		expect(bevis.achievedSubGoals).toEqual([]);
		expect(bevis.signature).toBeNull();
		expect(bevis.hoursPerWeek).toBeNull();
		expect(bevis.tasks).toEqual({ measurementPointLabel: 'Slut', text: 'Opfyldning' });
		const empty = describeLaeringsbevis(smallTemplate(), emptyCaseData(smallTemplate()));
		expect(empty).toMatchObject({
			header: [],
			goal: null,
			achievedSubGoals: [],
			hoursPerWeek: null,
			competences: [],
			ownWords: [],
			nextStep: null
		});
	});

	it('ignores sub-goal statuses at points where sub-goals are not followed', () => {
		const template = smallTemplate();
		template.goals.measurementPointIds = ['m1'];
		const bevis = describeLaeringsbevis(template, filledCase());
		expect(bevis.achievedSubGoals.map((s) => s.subGoalId)).toEqual(['g2']);
	});

	it('lists exactly the statements whose agreed level is reached, and nothing else', () => {
		const template = starterTemplate('pleje');
		const statements = template.areas.flatMap((area) =>
			area.statements.map((statement) => ({ area, statement }))
		);
		const levelChoice = fc.oneof(fc.constant(null), fc.constant('gone'), fc.nat({ max: 9 }));
		fc.assert(
			fc.property(
				fc.array(levelChoice, { minLength: statements.length, maxLength: statements.length }),
				(choices) => {
					const agreedLevels = statements.map(({ area, statement }, i) => {
						const levels = effectiveScale(area, statement).levels;
						const choice = choices[i];
						const levelId = typeof choice === 'number' ? levels[choice % levels.length].id : choice;
						return { statementId: statement.id, levelId };
					});
					const bevis = describeLaeringsbevis(template, {
						...emptyCaseData(template),
						agreedLevels
					});
					const listed = bevis.competences.flatMap((c) => c.statements.map((s) => s.statementId));
					const reached = statements
						.filter(({ area, statement }, i) => {
							const levels = effectiveScale(area, statement).levels;
							const index = levels.findIndex((l) => l.id === agreedLevels[i].levelId);
							return index >= firstReachedLevelIndex(levels.length);
						})
						.map(({ statement }) => statement.id);
					expect(listed).toEqual(reached);
					for (const area of bevis.competences) expect(area.statements.length).toBeGreaterThan(0);
				}
			)
		);
	});
});
