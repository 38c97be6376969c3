/** The export document model built from templates and cases, before any file format. */
import { describe, expect, it } from 'vitest';
import type { Block, ExportPart, TableBlock } from '#lib/domain/exports/blocks.ts';
import { emptyDrejebog, starterDrejebog, type Drejebog } from '#lib/domain/drejebog/index.ts';
import { caseLaeringsbevisDocument } from '#lib/domain/exports/case-documents.ts';
import { drejebogPart } from '#lib/domain/exports/drejebog-part.ts';
import { DREJEBOG_LABELS } from '#lib/domain/exports/drejebog-labels.ts';
import { ratingTables } from '#lib/domain/exports/form-tables.ts';
import { LABELS } from '#lib/domain/exports/labels.ts';
import { laeringsbevisFormPart } from '#lib/domain/exports/laeringsbevis-form.ts';
import { progressionFormPart } from '#lib/domain/exports/progression-form.ts';
import { publicationDocument } from '#lib/domain/exports/publication-document.ts';
import { richTextBlocks } from '#lib/domain/exports/rich-text-blocks.ts';
import { emptyCaseData } from '#lib/domain/template/case-data.ts';
import { textToRichText } from '#lib/domain/template/rich-text.ts';
import { smallTemplate } from '../../../fixtures/template.ts';

const tables = (part: ExportPart) => part.blocks.filter((b): b is TableBlock => b.kind === 'table');
const headings = (blocks: readonly Block[]) =>
	blocks.flatMap((b) => (b.kind === 'heading' ? [`${b.level} ${b.text}`] : []));

describe('richTextBlocks', () => {
	it('keeps bold, italic, links, line breaks and nested lists, and drops empty paragraphs', () => {
		const blocks = richTextBlocks({
			type: 'doc',
			content: [
				{ type: 'paragraph' },
				{
					type: 'paragraph',
					content: [
						{ type: 'text', text: 'Læs ' },
						{
							type: 'text',
							text: 'vejledningen',
							marks: [{ type: 'link', attrs: { href: 'https://star.dk' } }]
						},
						{ type: 'hardBreak' },
						{ type: 'text', text: 'nu', marks: [{ type: 'bold' }, { type: 'italic' }] }
					]
				},
				{
					type: 'orderedList',
					content: [
						{
							type: 'listItem',
							content: [
								{ type: 'paragraph', content: [{ type: 'text', text: 'Først' }] },
								{
									type: 'bulletList',
									content: [
										{
											type: 'listItem',
											content: [
												{ type: 'paragraph', content: [{ type: 'text', text: 'Indrykket' }] }
											]
										}
									]
								}
							]
						}
					]
				}
			]
		});
		expect(blocks).toEqual([
			{
				kind: 'paragraph',
				tone: 'normal',
				runs: [
					{ text: 'Læs ' },
					{ text: 'vejledningen', href: 'https://star.dk' },
					{ text: '\n' },
					{ text: 'nu', bold: true, italic: true }
				]
			},
			{
				kind: 'list',
				isOrdered: true,
				items: [
					{
						runs: [{ text: 'Først' }],
						children: {
							kind: 'list',
							isOrdered: false,
							items: [{ runs: [{ text: 'Indrykket' }], children: null }]
						}
					}
				]
			}
		]);
	});
});

describe('ratingTables', () => {
	it('puts statements that share a scale in one table, with a box per level, "ikke vurderet" and a comment row', () => {
		const five = ['1', '2', '3', '4', '5'];
		const three = ['a', 'b', 'c'];
		const result = ratingTables(
			[
				{ text: 'A', hint: null, levels: five },
				{ text: 'B', hint: 'forklaring', levels: five },
				{ text: 'C', hint: null, levels: three },
				{ text: 'D', hint: null, levels: five }
			],
			'Sæt kryds'
		);
		expect(result.map((t) => t.rows.length / 2)).toEqual([2, 1, 1]);
		expect(result.map((t) => t.caption)).toEqual(['Sæt kryds', null, null]);
		const [first] = result;
		expect(first.head?.map((c) => (c.kind === 'header' ? c.text : ''))).toEqual([
			LABELS.statement,
			'1. 1',
			'2. 2',
			'3. 3',
			'4. 4',
			'5. 5',
			LABELS.notAssessed
		]);
		expect(first.rows[0].keepWithNext).toBe(true);
		expect(first.rows[0].cells.filter((c) => c.kind === 'box')).toHaveLength(6);
		expect(first.rows[1].cells).toEqual([{ kind: 'writeIn', label: LABELS.comment, span: 7 }]);
		expect(first.rows[2].cells[0]).toEqual({
			kind: 'header',
			scope: 'row',
			text: 'B',
			hint: 'forklaring'
		});
	});
});

describe('the blank forms', () => {
	it('læringsbevis: header fields, goal, sub-goals, every area, own words, next step and signatures', () => {
		const part = laeringsbevisFormPart(smallTemplate());
		expect(headings(part.blocks)).toEqual([
			`2 ${LABELS.information}`,
			'2 Mit mål',
			`3 ${LABELS.subGoals}`,
			`2 ${LABELS.competences}`,
			'3 Faglige kompetencer',
			'3 Sociale kompetencer',
			`2 ${LABELS.hoursAndTasks} ved slut`,
			'2 Det har jeg lært',
			`2 ${LABELS.nextStep}`,
			`2 ${LABELS.signatures}`
		]);
		const signatures = part.blocks.find((b) => b.kind === 'signatures');
		expect(signatures).toEqual({
			kind: 'signatures',
			signers: ['Den unge', 'Virksomhedsmentor', 'Sagsbehandler'].map((label) => ({
				label,
				name: null,
				signedBy: null,
				signedAt: null
			}))
		});
	});

	it('læringsbevis: no goal or signature part when the template leaves them out', () => {
		const template = smallTemplate();
		template.goals.isIncluded = false;
		template.signature.isIncluded = false;
		const titles = headings(laeringsbevisFormPart(template).blocks);
		expect(titles).not.toContain('2 Mit mål');
		expect(titles).not.toContain(`2 ${LABELS.signatures}`);
	});

	it('progressionsskema: each rater gets the areas the plan gives them at each point', () => {
		// In the small template the company does not rate the social area at the start.
		const part = progressionFormPart(smallTemplate());
		const titles = headings(part.blocks);
		const at = (title: string) => titles.indexOf(title);
		const startCompany = '2 Virksomheden vurderer ved start';
		expect(titles.slice(at(startCompany), at('2 Den unge vurderer ved slut'))).toEqual([
			startCompany,
			'3 Faglige kompetencer',
			'3 Opfølgning ved start'
		]);
		expect(titles.slice(at('2 Virksomheden vurderer ved slut'))).toEqual([
			'2 Virksomheden vurderer ved slut',
			'3 Faglige kompetencer',
			'3 Sociale kompetencer',
			'3 Opfølgning ved slut'
		]);
		// Every form starts a page; hours per week are followed, tasks are not.
		expect(part.blocks.filter((b) => b.kind === 'pageBreak')).toHaveLength(4);
		const fields = tables(part).filter((t) => t.variant === 'fields');
		expect(fields.some((t) => JSON.stringify(t).includes(LABELS.hoursPerWeek))).toBe(true);
		expect(fields.some((t) => JSON.stringify(t).includes(`"${LABELS.tasks}"`))).toBe(false);
		expect(tables(part).some((t) => t.caption === LABELS.statuses)).toBe(true);
	});

	it('progressionsskema: the rating plan at a glance, a row per point and rater', () => {
		const part = progressionFormPart(smallTemplate());
		expect(headings(part.blocks)[0]).toBe(`2 ${LABELS.ratingPlan}`);
		const plan = tables(part)[0];
		const text = (cell: TableBlock['rows'][number]['cells'][number]) =>
			cell.kind === 'header' || cell.kind === 'text' ? [cell.text, cell.hint ?? ''].join('|') : '';
		expect(plan.rows.map((row) => row.cells.map(text))).toEqual([
			[
				'Start|ved opstart',
				'Den unge|',
				'Faglige kompetencer, Sociale kompetencer|',
				'Timer pr. uge, Delmål|'
			],
			['Start|ved opstart', 'Virksomheden|', 'Faglige kompetencer|', 'Timer pr. uge, Delmål|'],
			[
				'Slut|ved afslutning',
				'Den unge|',
				'Faglige kompetencer, Sociale kompetencer|',
				'Timer pr. uge, Delmål|'
			],
			[
				'Slut|ved afslutning',
				'Virksomheden|',
				'Faglige kompetencer, Sociale kompetencer|',
				'Timer pr. uge, Delmål|'
			]
		]);
	});

	it('a version: front page with the version, then the parts, each on a new page', () => {
		const template = smallTemplate();
		const document = publicationDocument(template, starterDrejebog(template), {
			organisationName: 'Demo Kommune',
			workshopTitle: 'Værksted',
			number: 3,
			publishedAt: new Date('2026-01-05T08:00:00Z'),
			publishedBy: null,
			note: ''
		});
		expect(document.parts.map((p) => [p.title, p.breakBefore])).toEqual([
			[LABELS.laeringsbevis, true],
			[LABELS.cvPhrases, true],
			[LABELS.progressionsskema, true],
			['Drejebog for brug af læringsbeviset', true]
		]);
		expect(JSON.stringify(document.front)).toContain('Version 3. Udgivet 5. januar 2026.');
		expect(document.footer).toBe('Læringsbevis · Version 3');
	});
});

describe('a case’s læringsbevis', () => {
	it('of a case with nothing reached has no competence part, and no failures', () => {
		const template = smallTemplate();
		const document = caseLaeringsbevisDocument(template, emptyDrejebog(), emptyCaseData(template), {
			organisationName: 'Demo Kommune',
			versionNumber: 1,
			createdAt: new Date('2026-01-05T08:00:00Z'),
			signatures: []
		});
		expect(document.parts.map((p) => p.title)).toEqual([LABELS.signatures]);
		expect(JSON.stringify(document)).not.toContain(LABELS.notAssessed);
	});
});

describe('a case’s læringsbevis and the drejebog’s "CV og Min Plan" rule', () => {
	const meta = {
		organisationName: 'Demo Kommune',
		versionNumber: 1,
		createdAt: new Date('2026-01-05T08:00:00Z'),
		signatures: []
	};
	const template = smallTemplate();
	const caseData = {
		...emptyCaseData(template),
		// Agreed: s1 "Kan selv", s2 "Kan lære andre", s3 "Kan med hjælp", s4 not rated.
		agreedLevels: [
			{ statementId: 's1', levelId: 'a1-l2' },
			{ statementId: 's2', levelId: 'a1-l3' },
			{ statementId: 's3', levelId: 'a2-l1' },
			{ statementId: 's4', levelId: null }
		],
		// The company rated every statement at the top at the end.
		ratings: ['s1', 's2', 's3', 's4'].map((statementId) => ({
			statementId,
			measurementPointId: 'm2',
			raterId: 'r2',
			levelId: `${statementId === 's1' || statementId === 's2' ? 'a1' : 'a2'}-l3`
		}))
	};
	const listed = (drejebog: Drejebog) =>
		caseLaeringsbevisDocument(template, drejebog, caseData, meta)
			.parts.flatMap((part) => part.blocks)
			.flatMap((b) => (b.kind === 'list' ? b.items.map((item) => item.runs[0].text) : []));

	it('lists the CV phrases the rule gives: by default the upper half of the agreed levels', () => {
		expect(listed(emptyDrejebog())).toEqual(['Jeg kan modtage varer', 'Jeg kan fylde varer op']);
	});

	it('follows a stricter threshold, and a rule that counts one rater’s ratings', () => {
		const strict = emptyDrejebog();
		strict.cvPlan.cvThreshold = { kind: 'position', position: 3 };
		expect(listed(strict)).toEqual(['Jeg kan fylde varer op']);
		const company = emptyDrejebog();
		company.cvPlan.basis = { kind: 'rater', raterId: 'r2' };
		expect(listed(company)).toEqual([
			'Jeg kan modtage varer',
			'Jeg kan fylde varer op',
			'Jeg kan spørge om hjælp',
			'Jeg kan samarbejde'
		]);
	});
});

describe('the drejebog part', () => {
	/** A drejebog for the small template with one step of each kind the model allows. */
	function drejebog(): Drejebog {
		return {
			...emptyDrejebog(),
			title: 'Vores drejebog',
			introduction: textToRichText('Til alle i jobcentret.'),
			stages: [
				{
					id: 'd1',
					label: 'Før praktik',
					steps: [
						{
							id: 't1',
							title: 'Aftal målet',
							guidance: textToRichText('Brug den unges egne ord.'),
							who: {
								roles: ['youngPerson', 'jobConsultant'],
								customRoles: [{ id: 'c1', label: 'Praktikvært' }]
							},
							when: { kind: 'start', offsetWeeks: -2 },
							link: { kind: 'goals' },
							produces: 'minPlan',
							checklist: [{ id: 'k1', text: 'Skriv målet i Min Plan' }]
						}
					]
				},
				{
					id: 'd2',
					label: 'Under praktik',
					steps: [
						{
							id: 't2',
							title: 'Vurdér ved start',
							guidance: textToRichText(''),
							who: { roles: [], customRoles: [] },
							when: { kind: 'point', measurementPointId: 'm1', offsetWeeks: 1 },
							link: { kind: 'area', id: 'a2' },
							produces: 'none',
							checklist: []
						},
						{
							id: 't3',
							title: 'Skriv i CV’et',
							guidance: textToRichText(''),
							who: { roles: ['youngPerson'], customRoles: [] },
							when: { kind: 'free', text: 'Løbende' },
							link: { kind: 'freeTextSection', id: 'f1' },
							produces: 'cv',
							checklist: []
						}
					]
				},
				{ id: 'd3', label: 'Mod afslutningen', steps: [] }
			],
			cvPlan: {
				...emptyDrejebog().cvPlan,
				basis: { kind: 'rater', raterId: 'r2' },
				point: { kind: 'point', measurementPointId: 'm2' },
				cvThreshold: { kind: 'position', position: 3 },
				cvSectionIds: ['f1']
			},
			reactions: [
				{
					id: 'q1',
					condition: { kind: 'noProgress', fromPointId: 'm1', toPointId: 'm2' },
					action: 'Ring til virksomheden.'
				},
				{ id: 'q2', condition: { kind: 'missedRating', days: 1, raterId: 'r1' }, action: '' },
				{ id: 'q3', condition: { kind: 'missedRating', days: 7, raterId: null }, action: 'Ryk.' }
			]
		};
	}

	const fieldsOf = (blocks: readonly Block[]) =>
		blocks.flatMap((b) =>
			b.kind === 'table' && b.variant === 'fields'
				? [
						b.rows.map((row) =>
							row.cells
								.map((c) => (c.kind === 'header' || c.kind === 'text' ? c.text : ''))
								.join(': ')
						)
					]
				: []
		);

	it('prints stage by stage each step with who, when, link, product, guidance and checklist', () => {
		const template = smallTemplate();
		const part = drejebogPart(template, drejebog());
		expect(part.title).toBe('Vores drejebog');
		expect(headings(part.blocks)).toEqual([
			'2 Før praktik',
			'3 Aftal målet',
			`4 ${DREJEBOG_LABELS.checklist}`,
			'2 Under praktik',
			'3 Vurdér ved start',
			'3 Skriv i CV’et',
			'2 Mod afslutningen',
			`2 ${DREJEBOG_LABELS.cvPlan}`,
			`2 ${DREJEBOG_LABELS.reactions}`
		]);
		const [aftal, vurder, skriv, cvPlan] = fieldsOf(part.blocks);
		expect(aftal).toEqual([
			'Hvem: Den unge, Jobkonsulenten, Praktikvært',
			'Hvornår: 2 uger før start',
			'Del af læringsbeviset: Mit mål',
			'Giver: Min Plan'
		]);
		// Nobody named and nothing produced leave their rows out; a point prints its own timing.
		expect(vurder).toEqual([
			'Hvornår: 1 uge efter start (ved opstart)',
			'Del af læringsbeviset: Kompetenceområde: Sociale kompetencer'
		]);
		expect(skriv).toEqual([
			'Hvem: Den unge',
			'Hvornår: Løbende',
			'Del af læringsbeviset: Egne ord: Det har jeg lært',
			'Giver: CV'
		]);
		expect(cvPlan).toEqual([
			'Hvis vurdering tæller: Virksomhedens vurdering',
			'Ved hvilket målepunkt: Slut',
			'Kommer i CV’et fra: Niveau 3 på skalaen: fra »Kan lære andre«',
			'Kommer i Min Plan, når niveauet er under: Den øverste halvdel af skalaen: fra »Kan selv«',
			'Udsagn, der ikke er vurderet: Kommer ikke i Min Plan',
			'Næste skridt: Kommer i Min Plan',
			'Den unges egne ord, der kommer i CV’et: Det har jeg lært',
			'Den unges egne ord, der kommer i Min Plan: Ingen'
		]);
		const text = JSON.stringify(part.blocks);
		for (const words of [
			'Til alle i jobcentret.',
			'Brug den unges egne ord.',
			'Skriv målet i Min Plan',
			DREJEBOG_LABELS.noSteps,
			'Ingen fremgang fra Start til Slut',
			'Ring til virksomheden.',
			'Den unge har ikke vurderet 1 dag efter målepunktet',
			DREJEBOG_LABELS.noAction,
			'En vurdering mangler 7 dage efter målepunktet'
		]) {
			expect(text).toContain(words);
		}
	});

	it('names the template’s parts by their current names, so a rename prints renamed', () => {
		const template = smallTemplate();
		template.goals.label = 'Dit mål';
		template.areas[1].label = 'Samarbejde';
		template.measurementPoints[1].label = 'Afslutning';
		const blocks = drejebogPart(template, drejebog()).blocks;
		expect(fieldsOf(blocks)[0]).toContain('Del af læringsbeviset: Dit mål');
		expect(fieldsOf(blocks)[1]).toContain('Del af læringsbeviset: Kompetenceområde: Samarbejde');
		expect(fieldsOf(blocks)[3]).toContain('Ved hvilket målepunkt: Afslutning');
		const text = JSON.stringify(blocks);
		expect(text).toContain('Ingen fremgang fra Start til Afslutning');
		expect(text).not.toContain('Sociale kompetencer');
	});
});
