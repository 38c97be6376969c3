/**
 * The readable diff between two versions: added, removed, moved and changed areas, statements,
 * levels, rating-plan cells, goals, and the drejebog's stages, steps, "CV og Min Plan" and
 * "Hurtig reaktion", with the changed words of texts, as message keys every language has.
 */
import { describe, expect, it } from 'vitest';
import {
	diffContent,
	diffList,
	sayChange,
	type VersionChange
} from '#lib/domain/publications/diff.ts';
import type { PublicationContent } from '#lib/domain/publications/content.ts';
import { PUBLICATION_FORMAT } from '#lib/domain/publications/content.ts';
import { textToRichText, type Template } from '#lib/domain/template/index.ts';
import { translator } from '#lib/i18n/translate.ts';
import type { Drejebog } from '#lib/domain/drejebog/index.ts';
import { smallTemplate } from '../../../fixtures/template.ts';
import { smallDrejebog } from '../../../fixtures/drejebog.ts';

function content(template: Template, drejebog: Drejebog = smallDrejebog()): PublicationContent {
	return { format: PUBLICATION_FORMAT, template, drejebog };
}

/** The changes from `smallTemplate()` to it after `edit`. */
function changesAfter(edit: (t: Template) => void): VersionChange[] {
	const after = smallTemplate();
	edit(after);
	return diffContent(content(smallTemplate()), content(after));
}

const da = translator('da');
const en = translator('en');
const said = (changes: VersionChange[]) => changes.map((c) => sayChange(da, c));

/** The changes from `smallDrejebog()` to it after `edit`, with the same template. */
function drejebogChangesAfter(edit: (d: Drejebog) => void): VersionChange[] {
	const after = smallDrejebog();
	edit(after);
	return diffContent(content(smallTemplate()), content(smallTemplate(), after));
}

describe('diffList', () => {
	const items = (ids: string) => ids.split('').map((id) => ({ id }));

	it('reports one moved item, not everything it passed', () => {
		const result = diffList(items('abcd'), items('bcda'));
		expect(result.moved.map((m) => m.after.id)).toEqual(['a']);
		expect(result.moved[0].position).toBe(4);
		expect(result.kept).toHaveLength(4);
	});

	it('reports additions and removals with their positions, and no moves around them', () => {
		const result = diffList(items('abc'), items('axc'));
		expect(result.removed).toEqual([{ item: { id: 'b' }, position: 2 }]);
		expect(result.added).toEqual([{ item: { id: 'x' }, position: 2 }]);
		expect(result.moved).toEqual([]);
	});
});

describe('diffContent', () => {
	it('finds nothing between equal versions', () => {
		expect(diffContent(content(smallTemplate()), content(smallTemplate()))).toEqual([]);
	});

	it('says a statement was added in its area', () => {
		const changes = changesAfter((t) =>
			t.areas[0].statements.push({
				...t.areas[0].statements[0],
				id: 's9',
				text: 'Kan tjekke varer ind',
				cvPhrase: 'Jeg kan tjekke varer ind'
			})
		);
		expect(said(changes)).toEqual(['Udsagn tilføjet i Faglige kompetencer: Kan tjekke varer ind']);
		expect(changes[0]).toMatchObject({
			kind: 'added',
			subject: 'statement',
			path: ['template', 'areas', 'a1', 'statements', 's9']
		});
	});

	it('says a statement was removed, moved within its area, or moved to another area', () => {
		expect(said(changesAfter((t) => t.areas[0].statements.shift()))).toEqual([
			'Udsagn fjernet fra Faglige kompetencer: Kan modtage varer'
		]);
		expect(said(changesAfter((t) => t.areas[0].statements.reverse()))).toEqual([
			'Udsagn flyttet i Faglige kompetencer: Kan modtage varer (nu nr. 2)'
		]);
		const moved = changesAfter((t) => t.areas[1].statements.push(t.areas[0].statements.pop()!));
		expect(said(moved)).toEqual([
			'Udsagn flyttet fra Faglige kompetencer til Sociale kompetencer: Kan fylde varer op'
		]);
		expect(moved[0].kind).toBe('moved');
	});

	it('shows a changed statement word by word', () => {
		const [change] = changesAfter((t) => {
			t.areas[0].statements[0].text = 'Kan modtage og kontrollere varer';
		});
		expect(change.kind).toBe('changed');
		expect(sayChange(da, change)).toBe(
			'Udsagn ændret i Faglige kompetencer: »Kan modtage og kontrollere varer«'
		);
		expect(change.words?.filter((w) => w.change !== 'same').map((w) => w.text.trim())).toEqual([
			'og kontrollere'
		]);
		expect(change.words?.map((w) => (w.change === 'removed' ? '' : w.text)).join('')).toBe(
			'Kan modtage og kontrollere varer'
		);
	});

	it('shows rich text word by word, and formatting-only changes as such', () => {
		const [words] = changesAfter((t) => {
			t.freeTextSections[0].guidance = textToRichText('Skriv selv, gerne med eksempler.');
		});
		expect(words.messageKey).toBe('publications.diff.freeTextSection.guidance');
		expect(words.words?.some((w) => w.change === 'added' && w.text.includes('eksempler'))).toBe(
			true
		);
		const [bold] = changesAfter((t) => {
			t.freeTextSections[0].guidance = textToRichText('**Skriv selv.**');
		});
		expect(bold).toMatchObject({ isFormattingOnly: true });
		expect(bold.words).toBeUndefined();
	});

	it('covers areas: added, removed, moved, renamed, recategorised', () => {
		const changes = changesAfter((t) => {
			t.areas.reverse();
			t.areas[0].label = 'Samarbejde';
			t.areas[1].category = 'personal';
			t.areas.push({ ...t.areas[0], id: 'a9', label: 'Personlige kompetencer', statements: [] });
		});
		expect(said(changes)).toEqual([
			'Kompetenceområde tilføjet: Personlige kompetencer',
			'Kompetenceområde flyttet: Faglige kompetencer (nu nr. 2)',
			'Kompetenceområde omdøbt: »Sociale kompetencer« hedder nu »Samarbejde«',
			'Kompetenceområdet »Faglige kompetencer« er nu personlige kompetencer'
		]);
		expect(said(changesAfter((t) => t.areas.pop()))).toContain(
			'Kompetenceområde fjernet: Sociale kompetencer'
		);
	});

	it('covers the levels of a scale, and a statement getting its own scale', () => {
		const changes = changesAfter((t) => {
			const levels = t.areas[0].scale.levels;
			levels[1].label = 'Kan det selv';
			levels[2].descriptor = textToRichText('Viser andre, hvordan man gør.');
			levels.push({ id: 'a1-l4', label: 'Ekspert', descriptor: textToRichText('') });
			t.areas[1].statements[0].scale = { levels: t.areas[1].scale.levels };
		});
		expect(said(changes)).toEqual([
			'Niveau tilføjet i skalaen for Faglige kompetencer: Ekspert',
			'Niveau omdøbt i skalaen for Faglige kompetencer: »Kan selv« hedder nu »Kan det selv«',
			'Beskrivelsen af niveauet »Kan lære andre« i skalaen for Faglige kompetencer er ændret',
			'Udsagnet »Kan spørge om hjælp« i Sociale kompetencer har fået sin egen skala'
		]);
	});

	it('covers the rating plan cell by cell, but not cells of an added rater', () => {
		const changes = changesAfter((t) => {
			t.ratingPlan = [{ measurementPointId: 'm2', raterId: 'r1', areaId: 'a1', rates: false }];
			t.raters.push({ id: 'r3', label: 'Jobkonsulenten' });
		});
		expect(said(changes)).toEqual([
			'Vurderer tilføjet: Jobkonsulenten',
			'Vurderingsplan: Virksomheden vurderer nu Sociale kompetencer ved Start',
			'Vurderingsplan: Den unge vurderer ikke længere Faglige kompetencer ved Slut'
		]);
	});

	it('covers goals, sub-goals, points, signatures and progression measures', () => {
		const changes = changesAfter((t) => {
			t.goals.subGoals.push({ id: 'g2', text: 'Spørge, når jeg er i tvivl', statementIds: [] });
			t.goals.subGoals[0].text = 'Møde til tiden hver eneste dag';
			t.goals.measurementPointIds = ['m2'];
			t.signature.signers.pop();
			t.progressionMeasures.hasTasks = true;
		});
		expect(said(changes)).toEqual([
			'Underskriver fjernet: Sagsbehandler',
			'Delmål tilføjet: Spørge, når jeg er i tvivl',
			'Delmål ændret: »Møde til tiden hver eneste dag«',
			'Delmålene følges ikke længere op ved Start',
			'Progressionsskemaet viser nu opgaver'
		]);
	});

	it('words every change it can make in Danish and English', () => {
		const changes = changesAfter((t) => {
			t.title = 'Nyt læringsbevis';
			t.headerFields[0] = {
				...t.headerFields[0],
				label: 'Navn',
				kind: 'shortText',
				isRequired: false
			};
			t.headerFields.push({ id: 'h2', label: 'Virksomhed', kind: 'company', isRequired: true });
			t.measurementPoints[0].label = 'Opstart';
			t.measurementPoints[1].timing = { kind: 'afterWeeks', weeks: 8 };
			t.raters.reverse();
			t.raters[0].label = 'Mentor';
			t.freeTextSections.push({ id: 'f2', label: 'Til mit CV', guidance: textToRichText('') });
			t.signature = { ...t.signature, isIncluded: false, text: 'Vi er helt enige.' };
			t.goals = { ...t.goals, isIncluded: false, label: 'Målet', guidance: textToRichText('Nyt.') };
			t.goals.statuses[1].label = 'Påbegyndt';
			t.goals.statuses.reverse();
			t.goals.subGoals[0].statementIds = [];
			t.progressionMeasures.hasHoursPerWeek = false;
			t.areas[0].statements[0].kind = 'formal';
			t.areas[0].statements[0].cvPhrase = 'Jeg modtager varer';
			t.areas[0].statements[0].description = textToRichText('Også paller.');
		});
		expect(changes.length).toBeGreaterThan(18);
		for (const change of changes) {
			for (const t of [da, en]) {
				const text = sayChange(t, change);
				expect(text, change.messageKey).not.toBe(change.messageKey);
				expect(text, change.messageKey).not.toMatch(/\{\{/);
			}
		}
	});
});

describe('diffContent: the drejebog', () => {
	it('finds nothing between equal drejebøger, and the fixture has no problems', async () => {
		const { validateDrejebog } = await import('#lib/domain/drejebog/index.ts');
		expect(validateDrejebog(smallDrejebog(), smallTemplate())).toEqual([]);
		expect(drejebogChangesAfter(() => {})).toEqual([]);
	});

	it('covers stages: added, removed, moved and renamed', () => {
		expect(
			said(
				drejebogChangesAfter((d) => {
					d.stages.push({ id: 'd4', label: 'Efter praktik', steps: [] });
					d.stages[0].label = 'Inden praktik';
					[d.stages[1], d.stages[2]] = [d.stages[2], d.stages[1]];
				})
			)
		).toEqual([
			'Fase tilføjet i drejebogen: Efter praktik',
			'Fase flyttet i drejebogen: Under praktik (nu nr. 3)',
			'Fase omdøbt: »Før praktik« hedder nu »Inden praktik«'
		]);
		expect(said(drejebogChangesAfter((d) => d.stages.pop()))).toEqual([
			'Fase fjernet fra drejebogen: Mod afslutningen',
			'Trin fjernet fra Mod afslutningen: Skriv CV med den unge'
		]);
	});

	it('covers steps: added, removed, moved within a stage and to another stage', () => {
		const changes = drejebogChangesAfter((d) => {
			d.stages[1].steps.reverse();
			d.stages[2].steps.push(d.stages[0].steps.pop()!);
			d.stages[0].steps.push({ ...d.stages[1].steps[0], id: 'p9', title: 'Send invitation' });
		});
		expect(said(changes)).toEqual([
			'Trin tilføjet i Før praktik: Send invitation',
			'Trin flyttet fra Før praktik til Mod afslutningen: Aftal mål og delmål',
			'Trin flyttet i Under praktik: Vurdér ved start (nu nr. 2)'
		]);
		expect(changes[1]).toMatchObject({
			kind: 'moved',
			subject: 'step',
			path: ['drejebog', 'stages', 'd3', 'steps', 'p1']
		});
	});

	it("words a step's changes: title and guidance word by word, who, when, link, produces", () => {
		const changes = drejebogChangesAfter((d) => {
			const goal = d.stages[0].steps[0];
			goal.title = 'Aftal mål og delmål sammen';
			goal.guidance = textToRichText('Tal om, hvad den unge gerne vil lære først.');
			goal.who = {
				roles: ['youngPerson', 'caseworker'],
				customRoles: [{ id: 'cr1', label: 'Mentor i kommunen' }]
			};
			goal.when = { kind: 'start', offsetWeeks: -2 };
			goal.link = { kind: 'area', id: 'a1' };
			goal.produces = 'minPlan';
		});
		expect(said(changes)).toEqual([
			'Trin ændret i Før praktik: »Aftal mål og delmål sammen«',
			'Vejledningen til trinnet »Aftal mål og delmål sammen« er ændret',
			'Sagsbehandleren er nu med i trinnet »Aftal mål og delmål sammen«',
			'Jobkonsulenten er ikke længere med i trinnet »Aftal mål og delmål sammen«',
			'Mentor i kommunen er nu med i trinnet »Aftal mål og delmål sammen«',
			'Trinnet »Aftal mål og delmål sammen« ligger nu: 2 uger før start',
			'Trinnet »Aftal mål og delmål sammen« handler nu om: Kompetenceområde: Faglige kompetencer',
			'Trinnet »Aftal mål og delmål sammen« giver nu: Min Plan'
		]);
		expect(changes[0].words?.filter((w) => w.change !== 'same').map((w) => w.text)).toEqual([
			'sammen'
		]);
		expect(changes[1].words?.some((w) => w.change === 'added' && w.text.includes('først'))).toBe(
			true
		);
	});

	it("says a timing at a measuring point with its label, in the reader's language", () => {
		const [change] = drejebogChangesAfter((d) => {
			d.stages[2].steps[0].when = { kind: 'point', measurementPointId: 'm2', offsetWeeks: 1 };
		});
		expect(sayChange(da, change)).toBe(
			'Trinnet »Skriv CV med den unge« ligger nu: 1 uge efter Slut'
		);
		expect(sayChange(en, change)).not.toMatch(/ligger|uge/);
	});

	it('covers the checklist of a step', () => {
		expect(
			said(
				drejebogChangesAfter((d) => {
					const checklist = d.stages[1].steps[0].checklist;
					checklist[0].text = 'Print skemaet i farver';
					checklist.unshift({ id: 'c2', text: 'Book et lokale' });
				})
			)
		).toEqual([
			'Punkt tilføjet til tjeklisten for »Vurdér ved start«: Book et lokale',
			'Punkt ændret på tjeklisten for »Vurdér ved start«: »Print skemaet i farver«'
		]);
	});

	it('covers "CV og Min Plan" setting by setting, with the template\'s labels', () => {
		expect(
			said(
				drejebogChangesAfter((d) => {
					d.cvPlan.basis = { kind: 'rater', raterId: 'r2' };
					d.cvPlan.cvThreshold = { kind: 'position', position: 3 };
					d.cvPlan.minPlanIncludesNotRated = true;
					d.cvPlan.cvSectionIds = [];
					d.cvPlan.minPlanSectionIds = ['f1'];
				})
			)
		).toEqual([
			'CV og Min Plan – hvis vurdering tæller: Virksomhedens vurdering',
			"CV og Min Plan – kommer i CV'et fra: Niveau 3 på skalaen",
			'CV og Min Plan: udsagn, der ikke er vurderet, kommer nu også i Min Plan',
			"CV og Min Plan: den unges ord i »Det har jeg lært« kommer ikke længere i CV'et",
			'CV og Min Plan: den unges ord i »Det har jeg lært« kommer nu i Min Plan'
		]);
	});

	it('covers "Hurtig reaktion": rules added, removed and changed', () => {
		const changes = drejebogChangesAfter((d) => {
			d.reactions[0].action = 'Jobkonsulenten ringer til virksomheden samme dag.';
			d.reactions.push({
				id: 'x2',
				condition: { kind: 'missedRating', days: 3, raterId: 'r1' },
				action: 'Ring til den unge.'
			});
		});
		expect(said(changes)).toEqual([
			'Hurtig reaktion: regel tilføjet: Den unge har ikke vurderet 3 dage efter målepunktet',
			'Hurtig reaktion: det, I gør ved »Ingen fremgang fra Start til Slut«, er ændret'
		]);
		expect(changes[1].words?.find((w) => w.change === 'added')?.text).toContain('samme dag');
		expect(
			said(
				drejebogChangesAfter((d) => {
					d.reactions[0].condition = { kind: 'custom', text: 'Den unge udebliver' };
				})
			)
		).toEqual([
			'Hurtig reaktion: reglen »Ingen fremgang fra Start til Slut« hedder nu »Den unge udebliver«'
		]);
	});

	it('covers the title and the introduction, and words every drejebog change in both languages', () => {
		const changes = drejebogChangesAfter((d) => {
			d.title = 'Drejebog for lageret';
			d.introduction = textToRichText('Sådan bruger vi læringsbeviset hver dag.');
			d.stages[1].label = 'I praktik';
			d.stages[1].steps[1].who.customRoles.push({ id: 'cr9', label: 'Mentor' });
			d.stages[0].steps[0].when = { kind: 'free', text: 'Ved første møde' };
			d.stages[0].steps[0].link = null;
			d.stages[1].steps[0].checklist = [];
			d.cvPlan.point = { kind: 'point', measurementPointId: 'm2' };
			d.cvPlan.minPlanThreshold = { kind: 'position', position: 2 };
			d.cvPlan.minPlanIncludesNextStep = false;
			d.reactions.unshift({ id: 'x3', condition: { kind: 'custom', text: 'Fravær' }, action: '' });
		});
		expect(said(changes).slice(0, 2)).toEqual([
			'Drejebogens titel er ændret til »Drejebog for lageret«',
			'Drejebogens indledning er ændret'
		]);
		expect(changes.length).toBeGreaterThan(10);
		for (const change of changes) {
			for (const t of [da, en]) {
				const text = sayChange(t, change);
				expect(text, change.messageKey).not.toMatch(/publications\.|drejebog\.|\{\{/);
			}
		}
	});
});
