/**
 * The starter drejebog: written from every item of STAR's three columns, and valid against every
 * template starter (as the starter makes it, and as a document of today's layout reads it), so a
 * work group that picks it has nothing to fix before publishing.
 */
import { describe, expect, it } from 'vitest';
import {
	STARTER_DREJEBOG,
	drejebogSchema,
	starterDrejebog,
	validateDrejebog
} from '#lib/domain/drejebog/index.ts';
import {
	completeTemplate,
	starterToTemplate,
	templateCore,
	type Template
} from '#lib/domain/template/index.ts';
import { STARTERS } from '#lib/domain/template/starters/index.ts';

/** STAR's items (seed 001), each as the step title the starter gives it. */
const STAR_ITEMS: Record<string, string[]> = {
	'Før praktik': [
		'Tal om praktikken som en vej til job eller uddannelse',
		'Vis praktikmuligheder hos vores samarbejdsvirksomheder',
		'Aftal mål og delmål med den unge',
		'Start den unges CV eller kompetencekort',
		'Tjek, at praktikken giver mening for den unge',
		'Vurdér, om den unge skal have en mentor',
		'Match den unge med en arbejdsplads, der er et skridt mod job eller uddannelse'
	],
	'Under praktik': [
		'Sørg for en tryg opstart',
		'Reagér hurtigt, hvis praktikken ikke fungerer',
		'Øg timetal og opgaver i takt med den unge',
		'Tal om mål og delmål ved hver opfølgning',
		'Vær opmærksom på behov for andre indsatser ved siden af',
		'Skriv nye kompetencer ind i CV eller kompetencekort'
	],
	'Mod afslutningen': [
		'Tal om næste skridt i god tid',
		'Hold fast i jobsporet',
		'Saml op på udbyttet, også i den unges CV',
		'Inddrag andre aktører, fx UU eller fleksjobambassadør',
		'Overvej jobklub',
		'Overvej efterværn'
	]
};

/** What `readTemplate` gives for a template of today's document layout (derived second pass). */
function asStoredToday(template: Template): Template {
	return completeTemplate(templateCore(template));
}

describe('the starter drejebog', () => {
	it('places every item of STAR’s three columns as a step in its stage', () => {
		const drejebog = starterDrejebog(starterToTemplate(STARTERS[1]));
		expect(drejebog.stages.map((s) => s.label)).toEqual(Object.keys(STAR_ITEMS));
		for (const stage of drejebog.stages) {
			const titles = stage.steps.map((s) => s.title);
			for (const item of STAR_ITEMS[stage.label]) expect(titles).toContain(item);
		}
		expect(
			STARTER_DREJEBOG.stages.flatMap((s) => s.steps).every((s) => s.guidance.length > 20)
		).toBe(true);
	});

	it.each(STARTERS.map((s) => [s.id, s] as const))(
		'validates with no problems against the %s template, as made and as stored today',
		(_id, starter) => {
			for (const template of [
				starterToTemplate(starter),
				asStoredToday(starterToTemplate(starter))
			]) {
				const drejebog = starterDrejebog(template);
				expect(validateDrejebog(drejebog, template)).toEqual([]);
				// Valid means publishable: the plain-data schema accepts it as it is.
				expect(drejebogSchema.parse(drejebog)).toEqual(drejebog);
			}
		}
	);

	it('rates at every measurement point, naming the raters who rate there', () => {
		const template = starterToTemplate(STARTERS[1]);
		const drejebog = starterDrejebog(template);
		const steps = drejebog.stages.flatMap((s) => s.steps);
		for (const point of template.measurementPoints) {
			const rating = steps.find(
				(s) => s.link?.kind === 'measurementPoint' && s.link.id === point.id
			);
			expect(rating?.title).toContain(point.label);
			expect(rating?.when).toEqual({ kind: 'point', measurementPointId: point.id, offsetWeeks: 0 });
		}
		const last = steps.find((s) => s.title.startsWith('Slutvurdering'));
		expect(last?.produces).toBe('laeringsbevisPdf');
		expect(last?.who.roles).toEqual(
			expect.arrayContaining(['youngPerson', 'company', 'jobConsultant'])
		);
	});

	it('covers a template with more points and a rater of its own with a rating step each', () => {
		const base = starterToTemplate(STARTERS[2]);
		const template: Template = {
			...base,
			measurementPoints: [
				base.measurementPoints[0],
				{ id: 'uge2', label: 'Uge 2', timing: { kind: 'afterWeeks', weeks: 2 } },
				...base.measurementPoints.slice(1)
			],
			raters: [
				...base.raters,
				{ id: 'vaert', label: 'Praktikvært' },
				{ id: 'skole', label: 'Skolevejleder' }
			]
		};
		const drejebog = starterDrejebog(template);
		expect(validateDrejebog(drejebog, template)).toEqual([]);
		const titles = drejebog.stages.flatMap((s) => s.steps.map((step) => step.title));
		expect(titles).toContain('Opfølgning og vurdering: Uge 2');
		// "Praktikvært" is the company's role; "Skolevejleder" names none, so a custom role covers it.
		const uge2 = drejebog.stages.flatMap((s) => s.steps).find((s) => s.title.endsWith('Uge 2'));
		expect(uge2?.who.roles).toContain('company');
		expect(uge2?.who.customRoles.map((r) => r.label)).toEqual(['Skolevejleder']);
	});

	it('links the CV and Min Plan rules to the template’s free-text sections by label', () => {
		const template = starterToTemplate(STARTERS[1]);
		const drejebog = starterDrejebog(template);
		const label = (id: string) => template.freeTextSections.find((s) => s.id === id)?.label;
		expect(drejebog.cvPlan.cvSectionIds.map(label)).toEqual(['Til mit CV']);
		expect(drejebog.cvPlan.minPlanSectionIds.map(label)).toEqual([
			'Det vil jeg arbejde videre med'
		]);
		expect(drejebog.reactions.map((r) => r.condition.kind)).toEqual([
			'noProgress',
			'missedRating',
			'custom'
		]);
	});
});
