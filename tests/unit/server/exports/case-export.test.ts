/**
 * One young person's læringsbevis and progressionsskema PDFs, from each starter's example case:
 * the læringsbevis holds what they can here and now (the reached statements as CV phrases, the
 * goal and what was achieved, the next step, the signatures) and nothing that reads as a
 * failure; the progressionsskema holds every rating. Both are tagged, A4 and in Danish.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseOutputMeta } from '#lib/domain/exports/case-documents.ts';
import { applyCvPlan, starterDrejebog } from '#lib/domain/drejebog/index.ts';
import { LABELS, NEXT_STEP_LABELS } from '#lib/domain/exports/labels.ts';
import { exampleCase, starterToTemplate } from '#lib/domain/template/index.ts';
import { WORKPLACE_STARTERS } from '#lib/domain/template/starters/index.ts';
import {
	caseExport,
	renderCaseLaeringsbevisPdf,
	renderCaseProgressionPdf
} from '#lib/server/exports/render.ts';
import { collapsed, pdfReaders } from '../../../support/exports.ts';

const pdf = pdfReaders();

describe.each(WORKPLACE_STARTERS.map((s) => [s.id, starterToTemplate(s)] as const))(
	'the case outputs of the %s starter’s example',
	(_id, template) => {
		const example = exampleCase(template);
		const drejebog = starterDrejebog(template);
		const [firstSigner, secondSigner] = template.signature.signers;
		const meta: CaseOutputMeta = {
			organisationName: 'Jobcenter Ærø',
			versionNumber: 3,
			createdAt: new Date('2026-04-25T12:00:00Z'),
			signatures: [
				{
					signerId: firstSigner.id,
					name: 'Amalie Jensen',
					signedAt: new Date('2026-04-24T10:00:00Z')
				}
			]
		};
		let laeringsbevis: Uint8Array;
		let progression: Uint8Array;

		beforeAll(async () => {
			[laeringsbevis, progression] = await Promise.all([
				renderCaseLaeringsbevisPdf(template, drejebog, example.data, meta),
				renderCaseProgressionPdf(template, example.data, meta)
			]);
		});

		it('læringsbevis: a tagged A4 PDF titled with the young person’s name', async () => {
			const info = await pdf.info(laeringsbevis);
			expect(info.Tagged).toBe('yes');
			expect(info.Title).toBe(`${template.title} – Amalie Jensen`);
			expect(info['Page size']).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)$/);
			expect((await pdf.fonts(laeringsbevis)).every((font) => font.isEmbedded)).toBe(true);
		});

		it('læringsbevis: lists the statements the drejebog’s rule reaches as CV phrases, and only those', async () => {
			const text = await pdf.text(laeringsbevis);
			const reached = applyCvPlan(drejebog.cvPlan, template, example.data).cv.map(
				(c) => c.statementId
			);
			expect(reached.length).toBeGreaterThan(0);
			const ownWords = collapsed(example.data.freeText.map((f) => f.text).join(' '));
			for (const area of template.areas) {
				for (const statement of area.statements) {
					const phrase = collapsed(statement.cvPhrase);
					if (reached.includes(statement.id)) expect(text).toContain(phrase);
					else if (!ownWords.includes(phrase)) expect(text).not.toContain(phrase);
					// The statements themselves are not printed: the læringsbevis speaks in CV phrases.
					if (!statement.cvPhrase.includes(statement.text)) {
						expect(text).not.toContain(collapsed(statement.text));
					}
				}
			}
		});

		it('læringsbevis: holds the goal, what was achieved, the next step and the signatures', async () => {
			const text = await pdf.text(laeringsbevis);
			const bevis = example.laeringsbevis;
			expect(text).toContain(collapsed(bevis.goal?.text ?? ''));
			for (const subGoal of bevis.achievedSubGoals) expect(text).toContain(collapsed(subGoal.text));
			const kind = bevis.nextStep?.kind;
			expect(text).toContain(
				`${kind ? NEXT_STEP_LABELS[kind] : ''}. ${collapsed(bevis.nextStep?.text ?? '')}`
			);
			expect(text).toContain('Amalie Jensen');
			expect(text).toContain(`${firstSigner.label} · bekræftet 24. april 2026`);
			const second = example.laeringsbevis.signature?.signers[1];
			expect(text).toContain(
				LABELS.signatureCaption({
					label: secondSigner.label,
					name: second?.name ?? null,
					signedBy: null,
					signedAt: null
				})
			);
			for (const failure of [LABELS.notAssessed, 'Ikke påbegyndt', 'Ikke nået', 'I gang']) {
				expect(text).not.toContain(failure);
			}
			expect(text).toMatch(/[æøå]/);
		});

		it('progressionsskema: every statement and every rating, on lying A4 pages', async () => {
			const info = await pdf.info(progression);
			expect(info.Tagged).toBe('yes');
			expect(info.Title).toBe(`${LABELS.progressionsskema} – Amalie Jensen`);
			expect(info['Page size']).toMatch(/^841\.\d+ x 595\.\d+ pts \(A4\)$/);
			const text = await pdf.text(progression);
			for (const row of example.progression.rows) {
				expect(text).toContain(collapsed(row.statementText));
			}
			for (const rating of example.data.ratings) {
				if (rating.comment) expect(text).toContain(collapsed(rating.comment));
			}
			expect(text).toContain(LABELS.notAssessed);
			expect(text).toContain(LABELS.hoursPerWeek);
			expect(text).toContain(LABELS.agreed);
			const tree = await pdf.structure(progression);
			expect(tree).toMatch(/^\s*TH:\s*\n\s*\/Scope \/Column/m);
		});
	}
);

describe('a case output’s file', () => {
	it('is named after the young person', async () => {
		const template = starterToTemplate(WORKPLACE_STARTERS[0]);
		const example = exampleCase(template);
		const meta = {
			organisationName: 'Jobcenter Ærø',
			versionNumber: 1,
			createdAt: new Date('2026-04-25T12:00:00Z'),
			signatures: []
		};
		const file = await caseExport(
			'laeringsbevis',
			template,
			starterDrejebog(template),
			example.data,
			meta
		);
		expect(file.fileName).toBe('Læringsbevis-Amalie-Jensen.pdf');
		expect(file.contentType).toBe('application/pdf');
		const other = await caseExport(
			'progressionsskema',
			template,
			starterDrejebog(template),
			example.data,
			meta
		);
		expect(other.fileName).toBe('Progressionsskema-Amalie-Jensen.pdf');
	});
});
