/**
 * A published version's PDF and Word file for every starter (the template starter with the
 * starter drejebog written for it), opened the way their readers open them: pdfinfo must call the
 * PDF tagged, A4 and titled; the text, the structure tree and the bookmarks must hold the parts,
 * the statements, the CV phrases, the drejebog's stages, steps and rules, and æøå; the fonts must
 * be embedded. The Word file must have Word headings, tables, lists, check boxes and Danish set.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { starterDrejebog, type Drejebog } from '#lib/domain/drejebog/index.ts';
import { DREJEBOG_LABELS } from '#lib/domain/exports/drejebog-labels.ts';
import { LABELS } from '#lib/domain/exports/labels.ts';
import { inSentence } from '#lib/domain/text.ts';
import type { PublicationMeta } from '#lib/domain/exports/publication-document.ts';
import { describeRatingForms } from '#lib/domain/template/rating-forms.ts';
import { starterToTemplate, type Template } from '#lib/domain/template/index.ts';
import { STARTERS } from '#lib/domain/template/starters/index.ts';
import {
	publicationExport,
	renderPublicationDocx,
	renderPublicationPdf
} from '#lib/server/exports/render.ts';
import { collapsed, docxHtml, docxPart, htmlText, pdfReaders } from '../../../support/exports.ts';

const pdf = pdfReaders();

const META: PublicationMeta = {
	organisationName: 'Jobcenter Ærø',
	workshopTitle: 'Læringsbevis for unge i praktik',
	number: 2,
	publishedAt: new Date('2026-03-02T09:30:00Z'),
	publishedBy: 'Frida Facilitator',
	note: 'Nye udsagn om hygiejne og sikkerhed på lageret.'
};

const statementsOf = (template: Template) =>
	template.areas.flatMap((area) => area.statements.map((s) => s));
const stepsOf = (drejebog: Drejebog) => drejebog.stages.flatMap((stage) => stage.steps);

describe.each(STARTERS.map((starter) => [starter.id, starterToTemplate(starter)] as const))(
	'the export of a version made from the %s starter',
	(_id, template) => {
		const drejebog = starterDrejebog(template);
		let bytes: Uint8Array;
		let word: Uint8Array;

		beforeAll(async () => {
			[bytes, word] = await Promise.all([
				renderPublicationPdf(template, drejebog, META),
				renderPublicationDocx(template, drejebog, META)
			]);
		});

		it('is a tagged A4 PDF with the title, author, language and embedded fonts', async () => {
			const info = await pdf.info(bytes);
			expect(info.Tagged).toBe('yes');
			expect(info.Title).toBe(template.title);
			expect(info.Author).toBe(META.organisationName);
			expect(info['Page size']).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)$/);
			const fonts = await pdf.fonts(bytes);
			expect(fonts.length).toBeGreaterThan(0);
			expect(fonts.every((font) => font.isEmbedded && font.name.includes('NotoSans'))).toBe(true);
			expect(new TextDecoder('latin1').decode(bytes)).toMatch(/\/Lang \(da\)|\/Lang <FEFF0064/);
		});

		it('prints the parts, every statement, every CV phrase and æøå', async () => {
			const text = await pdf.text(bytes);
			for (const heading of [LABELS.laeringsbevis, LABELS.progressionsskema, LABELS.signatures]) {
				expect(text).toContain(heading);
			}
			for (const statement of statementsOf(template)) {
				expect(text).toContain(collapsed(statement.text));
				expect(text).toContain(collapsed(statement.cvPhrase));
			}
			for (const header of template.headerFields) expect(text).toContain(collapsed(header.label));
			expect(text).toContain(LABELS.notAssessed);
			expect(text).toContain('Version 2. Udgivet 2. marts 2026 af Frida Facilitator.');
			expect(text).toContain(LABELS.ratingPlan);
			expect(text).toMatch(/æ/);
			expect(text).toMatch(/ø/);
			expect(text).toMatch(/å/);
		});

		it('prints the drejebog stage by stage, every step with its checklist, and its two rules', async () => {
			const text = await pdf.text(bytes);
			const drejebogText = text.slice(text.lastIndexOf(collapsed(drejebog.title)));
			expect(stepsOf(drejebog).length).toBeGreaterThan(15);
			for (const stage of drejebog.stages) expect(drejebogText).toContain(stage.label);
			for (const step of stepsOf(drejebog)) {
				expect(drejebogText).toContain(collapsed(step.title));
				for (const item of step.checklist) expect(drejebogText).toContain(collapsed(item.text));
			}
			expect(drejebogText).toContain(`${DREJEBOG_LABELS.who} Den unge, Jobkonsulenten`);
			expect(drejebogText).toContain(`${DREJEBOG_LABELS.when} 2 uger før start`);
			expect(drejebogText).toContain(`${DREJEBOG_LABELS.produces} Min Plan`);
			// The goal step links to the goals by the template's current name for them.
			if (template.goals.isIncluded) {
				expect(drejebogText).toContain(
					`${DREJEBOG_LABELS.link} ${collapsed(template.goals.label)}`
				);
			}
			const last = template.measurementPoints.at(-1);
			if (last) {
				expect(drejebogText).toContain(`Det sidste målepunkt (nu ${collapsed(last.label)})`);
			}
			for (const heading of [DREJEBOG_LABELS.cvPlan, DREJEBOG_LABELS.reactions]) {
				expect(drejebogText).toContain(heading);
			}
			for (const reaction of drejebog.reactions) {
				expect(drejebogText).toContain(collapsed(reaction.action));
			}
			// The starter's guidance is rich text with bold: it prints as text.
			expect(drejebogText).toContain('før praktikken begynder');
		});

		it('has a bookmark per part and one per measurement point and rater form', async () => {
			const marks = await pdf.bookmarks(bytes);
			const top = marks.filter((m) => m.depth === 0).map((m) => m.title);
			expect(top[0]).toBe(LABELS.laeringsbevis);
			expect(top).toContain(LABELS.progressionsskema);
			expect(top.at(-1)).toBe(drejebog.title);
			const titles = marks.map((m) => m.title);
			for (const stage of drejebog.stages) expect(titles).toContain(stage.label);
			for (const step of stepsOf(drejebog)) expect(titles).toContain(step.title);
			expect(titles).toContain(DREJEBOG_LABELS.cvPlan);
			expect(titles).toContain(DREJEBOG_LABELS.reactions);
			for (const form of describeRatingForms(template)) {
				expect(titles).toContain(
					LABELS.formTitle(form.raterLabel, inSentence(form.measurementPointLabel))
				);
			}
		});

		it('is a Word file with the same headings, statements, CV phrases and drejebog', async () => {
			const html = await docxHtml(word);
			expect(html).toContain(`<h1>${LABELS.laeringsbevis}</h1>`);
			expect(html).toContain(`<h1>${LABELS.progressionsskema}</h1>`);
			expect(html).toContain(`<h1>${drejebog.title}</h1>`);
			for (const stage of drejebog.stages) expect(html).toContain(`<h2>${stage.label}</h2>`);
			expect(html).toContain(`<h2>${DREJEBOG_LABELS.cvPlan}</h2>`);
			expect(html).toContain(`<h2>${DREJEBOG_LABELS.reactions}</h2>`);
			expect(html).toMatch(/<h2>/);
			expect(html).toMatch(/<ul>|<ol>/);
			const text = htmlText(html);
			for (const statement of statementsOf(template)) {
				expect(text).toContain(collapsed(statement.text));
				expect(text).toContain(collapsed(statement.cvPhrase));
			}
			for (const step of stepsOf(drejebog)) {
				expect(text).toContain(collapsed(step.title));
				for (const item of step.checklist) expect(text).toContain(collapsed(item.text));
			}
			for (const reaction of drejebog.reactions) expect(text).toContain(collapsed(reaction.action));
			expect(text).toMatch(/[æøå]/);
			if (statementsOf(template).length > 0) expect(html).toMatch(/<table>/);
			const document = docxPart(word, 'word/document.xml');
			expect(document).toContain('<w:tblHeader/>');
			expect(document).toContain('<w14:checkbox>');
			expect(document).toContain('<w:pStyle w:val="Title"/>');
			expect(docxPart(word, 'word/styles.xml')).toContain('<w:lang w:val="da-DK"/>');
			const core = docxPart(word, 'docProps/core.xml');
			expect(core).toContain(`<dc:title>${template.title}</dc:title>`);
			expect(core).toContain(`<dc:creator>${META.organisationName}</dc:creator>`);
		});
	}
);

describe('the export of a version', () => {
	const template = starterToTemplate(STARTERS[1]);
	const drejebog = starterDrejebog(template);

	it('gives each rater the statements of the areas the rating plan gives them, and no others', async () => {
		const [first, second] = template.areas;
		const point = template.measurementPoints[0];
		const rater = template.raters[1];
		const planned: Template = {
			...template,
			ratingPlan: [
				...template.measurementPoints.flatMap((p) =>
					template.raters.flatMap((r) =>
						template.areas.map((a) => ({
							measurementPointId: p.id,
							raterId: r.id,
							areaId: a.id,
							rates: p.id === point.id && r.id === rater.id && a.id === second.id
						}))
					)
				)
			]
		};
		const tree = await pdf.structure(
			await renderPublicationPdf(planned, starterDrejebog(planned), META)
		);
		const progression = tree.slice(tree.indexOf(`"${LABELS.progressionsskema}"`));
		const title = LABELS.formTitle(rater.label, inSentence(point.label));
		expect(progression).toContain(`"${title}"`);
		expect(progression).toContain(`"${second.statements[0].text}"`);
		// The first area's statements appear only in the blank læringsbevis and the CV phrases.
		const forms = progression.slice(progression.indexOf(`"${title}"`));
		expect(forms).not.toContain(`"${first.statements[0].text}"`);
	});

	it('has a structure tree with headings, tables with header cells, and lists', async () => {
		const tree = await pdf.structure(await renderPublicationPdf(template, drejebog, META));
		for (const tag of ['Document', 'Sect', 'H1', 'H2', 'H3', 'P', 'L', 'LI', 'LBody']) {
			expect(tree).toMatch(new RegExp(`^\\s*${tag}\\b`, 'm'));
		}
		expect(tree).toMatch(/^\s*Table\b/m);
		expect(tree).toMatch(/^\s*THead\b/m);
		expect(tree).toMatch(/^\s*TH:\s*\n\s*\/Scope \/Column/m);
		expect(tree).toMatch(/^\s*TH:\s*\n\s*\/Scope \/Row/m);
		expect(tree).toMatch(/^\s*TD:\s*\n(\s*\/\w+.*\n)*\s*\/ColSpan \d/m);
	});

	it('is named in Danish with the version number, and in ASCII for old clients', async () => {
		const file = await publicationExport(template, drejebog, META, 'docx');
		expect(file.fileName).toBe('Læringsbevis-Jobcenter-Ærø-version-2.docx');
		expect(file.contentType).toBe(
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
		);
		const pdfFile = await publicationExport(template, drejebog, META, 'pdf');
		expect(pdfFile.fileName).toBe('Læringsbevis-Jobcenter-Ærø-version-2.pdf');
		expect(pdfFile.contentType).toBe('application/pdf');
	});

	it('gives the same bytes for the same version', async () => {
		const a = await renderPublicationPdf(template, drejebog, META);
		const b = await renderPublicationPdf(template, drejebog, META);
		expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
	});
});
