/** The export document model built from templates and cases, before any file format. */
import { describe, expect, it } from 'vitest';
import type { Block, ExportPart, TableBlock } from '#lib/domain/exports/blocks.ts';
import { caseLaeringsbevisDocument } from '#lib/domain/exports/case-documents.ts';
import { ratingTables } from '#lib/domain/exports/form-tables.ts';
import { LABELS } from '#lib/domain/exports/labels.ts';
import { laeringsbevisFormPart } from '#lib/domain/exports/laeringsbevis-form.ts';
import { progressionFormPart } from '#lib/domain/exports/progression-form.ts';
import { publicationDocument } from '#lib/domain/exports/publication-document.ts';
import { richTextBlocks } from '#lib/domain/exports/rich-text-blocks.ts';
import { emptyCaseData } from '#lib/domain/template/case-data.ts';
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
		const document = publicationDocument(
			{ template: smallTemplate(), drejebog: null },
			{
				organisationName: 'Demo Kommune',
				workshopTitle: 'Værksted',
				number: 3,
				publishedAt: new Date('2026-01-05T08:00:00Z'),
				publishedBy: null,
				note: ''
			}
		);
		expect(document.parts.map((p) => [p.title, p.breakBefore])).toEqual([
			[LABELS.laeringsbevis, true],
			[LABELS.cvPhrases, true],
			[LABELS.progressionsskema, true]
		]);
		expect(JSON.stringify(document.front)).toContain('Version 3. Udgivet 5. januar 2026.');
		expect(document.footer).toBe('Læringsbevis · Version 3');
	});
});

describe('a case’s læringsbevis', () => {
	it('of a case with nothing reached has no competence part, and no failures', () => {
		const template = smallTemplate();
		const document = caseLaeringsbevisDocument(template, emptyCaseData(template), {
			organisationName: 'Demo Kommune',
			versionNumber: 1,
			createdAt: new Date('2026-01-05T08:00:00Z'),
			signatures: []
		});
		expect(document.parts.map((p) => p.title)).toEqual([LABELS.signatures]);
		expect(JSON.stringify(document)).not.toContain(LABELS.notAssessed);
	});
});

describe('the drejebog part (until the drejebog model lands)', () => {
	const meta = {
		organisationName: 'Demo Kommune',
		workshopTitle: 'Værksted',
		number: 1,
		publishedAt: new Date('2026-01-05T08:00:00Z'),
		publishedBy: null,
		note: ''
	};

	it('prints a drejebog stored as one rich-text field, and leaves out an empty or unknown one', () => {
		const body = richTextBlocks({ type: 'doc', content: [] });
		expect(body).toEqual([]);
		const withText = publicationDocument(
			{
				template: smallTemplate(),
				drejebog: {
					body: {
						type: 'doc',
						content: [
							{ type: 'paragraph', content: [{ type: 'text', text: 'Før praktik: aftal målet.' }] }
						]
					}
				}
			},
			meta
		);
		const part = withText.parts.at(-1);
		expect(part?.title).toBe(LABELS.drejebog);
		expect(JSON.stringify(part?.blocks)).toContain('Før praktik: aftal målet.');
		for (const drejebog of [null, { body: { type: 'doc', content: [] } }, { stages: 'nope' }]) {
			const document = publicationDocument({ template: smallTemplate(), drejebog }, meta);
			expect(document.parts.map((p) => p.title)).not.toContain(LABELS.drejebog);
		}
	});
});
