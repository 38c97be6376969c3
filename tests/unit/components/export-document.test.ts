/**
 * The print view of an export document, rendered as the server renders it: one h1 (the title),
 * an h2 per part, headings below nested one level deeper than in the PDF, tables with column and
 * row headers in HTML's words, and the same statements as the PDF and the Word file.
 */
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ExportDocument from '#lib/components/exports/ExportDocument.svelte';
import { starterDrejebog } from '#lib/domain/drejebog/index.ts';
import { LABELS } from '#lib/domain/exports/labels.ts';
import { publicationDocument } from '#lib/domain/exports/publication-document.ts';
import { starterTemplate } from '../../fixtures/template.ts';

describe('ExportDocument', () => {
	const template = starterTemplate('lager');
	const drejebog = starterDrejebog(template);
	const document = publicationDocument(template, drejebog, {
		organisationName: 'Demo Kommune',
		workshopTitle: 'Værksted',
		number: 1,
		publishedAt: new Date('2026-01-05T08:00:00Z'),
		publishedBy: 'Frida Facilitator',
		note: ''
	});
	const { body } = render(ExportDocument, { props: { document } });

	it('has one h1 and an h2 per part', () => {
		expect(body.match(/<h1\b/g)).toHaveLength(1);
		for (const part of document.parts) {
			expect(body).toMatch(new RegExp(`<h2 id="part-${part.id}"[^>]*>${part.title}</h2>`));
		}
		expect(body).toMatch(/<h3[^>]*>Faglige kompetencer(<!---->)?<\/h3>/);
		expect(body).toContain('lang="da"');
	});

	it('has tables with column and row headers, captions and a header row per table', () => {
		expect(body).toContain(`<th scope="col"`);
		expect(body).toContain(`<th scope="row"`);
		expect(body).not.toContain('scope="column"');
		expect(body).toContain(`<caption>${LABELS.statuses}</caption>`);
		expect(body).toContain(LABELS.tickOne);
		const grids = body.match(/<table class="export-table grid/g) ?? [];
		expect(grids.length).toBeGreaterThan(0);
		expect(body.match(/<thead>/g)).toHaveLength(grids.length);
	});

	it('holds every statement and CV phrase, and the drejebog’s stages and steps', () => {
		for (const statement of template.areas.flatMap((a) => a.statements)) {
			expect(body).toContain(statement.text);
			expect(body).toContain(statement.cvPhrase);
		}
		for (const stage of drejebog.stages) {
			expect(body).toMatch(new RegExp(`<h3[^>]*>${stage.label}(<!---->)?</h3>`));
			for (const step of stage.steps) expect(body).toContain(step.title);
		}
	});
});
