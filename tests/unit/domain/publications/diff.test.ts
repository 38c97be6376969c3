/**
 * The readable diff between two versions: added, removed, moved and changed areas, statements,
 * levels, rating-plan cells, goals and the drejebog, with the changed words of texts, as message
 * keys every language has.
 */
import { describe, expect, it } from 'vitest';
import { diffContent, diffList, type VersionChange } from '#lib/domain/publications/diff.ts';
import type { PublicationContent } from '#lib/domain/publications/content.ts';
import { PUBLICATION_FORMAT } from '#lib/domain/publications/content.ts';
import { textToRichText, type Template } from '#lib/domain/template/index.ts';
import { translator } from '#lib/i18n/translate.ts';
import { smallTemplate } from '../../../fixtures/template.ts';

function content(
	template: Template,
	drejebogText = 'Aftal mål før praktikken.'
): PublicationContent {
	return {
		format: PUBLICATION_FORMAT,
		template,
		drejebog: { body: textToRichText(drejebogText) }
	};
}

/** The changes from `smallTemplate()` to it after `edit`. */
function changesAfter(edit: (t: Template) => void): VersionChange[] {
	const after = smallTemplate();
	edit(after);
	return diffContent(content(smallTemplate()), content(after));
}

const da = translator('da');
const en = translator('en');
const said = (changes: VersionChange[]) => changes.map((c) => da(c.messageKey, c.params));

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
		expect(da(change.messageKey, change.params)).toBe(
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

	it("compares the drejebog's text word by word", () => {
		const changes = diffContent(
			content(smallTemplate()),
			content(smallTemplate(), 'Aftal mål med den unge før praktikken.')
		);
		expect(said(changes)).toEqual(['Drejebogens tekst er ændret']);
		expect(changes[0].words?.find((w) => w.change === 'added')?.text).toContain('med den unge');
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
				const text = t(change.messageKey, change.params);
				expect(text, change.messageKey).not.toBe(change.messageKey);
				expect(text, change.messageKey).not.toMatch(/\{\{/);
			}
		}
	});
});
