/** Danish file names of exports and the Content-Disposition header that carries them. */
import { describe, expect, it } from 'vitest';
import {
	asciiFileName,
	caseFileName,
	exportFileName,
	publicationFileName
} from '#lib/domain/exports/file-names.ts';
import { contentDisposition, fileResponse } from '#lib/server/http/content-disposition.ts';

describe('export file names', () => {
	it('name a version after the organisation and its number', () => {
		expect(publicationFileName({ organisationName: 'Jobcenter Eksempel', number: 2 }, 'pdf')).toBe(
			'Læringsbevis-Jobcenter-Eksempel-version-2.pdf'
		);
		expect(publicationFileName({ organisationName: 'Demo Kommune', number: 12 }, 'docx')).toBe(
			'Læringsbevis-Demo-Kommune-version-12.docx'
		);
	});

	it('name a case’s outputs after the young person', () => {
		expect(caseFileName('laeringsbevis', 'Søren Åkjær', 'pdf')).toBe(
			'Læringsbevis-Søren-Åkjær.pdf'
		);
		expect(caseFileName('progressionsskema', '', 'pdf')).toBe('Progressionsskema.pdf');
	});

	it('leave out path separators, reserved characters and quotes, and stay short', () => {
		expect(exportFileName(['A/B\\C: "D" <E>|F?*'], 'pdf')).toBe('A-B-C-D-E-F.pdf');
		expect(exportFileName(['x'.repeat(500)], 'pdf')).toHaveLength(124);
	});

	it('spell Danish letters out in ASCII and drop other accents', () => {
		expect(asciiFileName('Læringsbevis-Ærø-Østerbro-Åbyhøj.pdf')).toBe(
			'Laeringsbevis-Aeroe-Oesterbro-Aabyhoej.pdf'
		);
		expect(asciiFileName('Łukasz-Şeyma-José-Ümit.pdf')).toBe('Lukasz-Seyma-Jose-Umit.pdf');
	});
});

describe('contentDisposition', () => {
	it('gives an ASCII name and the UTF-8 name encoded as RFC 5987 says', () => {
		expect(contentDisposition('Læringsbevis-Jobcenter-Eksempel-version-2.pdf')).toBe(
			`attachment; filename="Laeringsbevis-Jobcenter-Eksempel-version-2.pdf"; filename*=UTF-8''L%C3%A6ringsbevis-Jobcenter-Eksempel-version-2.pdf`
		);
	});

	it('percent-encodes the characters RFC 5987 does not allow bare', () => {
		const header = contentDisposition("Ærø's (plan)*.pdf", 'inline');
		expect(header.startsWith('inline; filename="Aeroe-s-plan-.pdf"')).toBe(true);
		expect(header).toContain(`filename*=UTF-8''%C3%86r%C3%B8%27s%20%28plan%29%2A.pdf`);
	});
});

describe('fileResponse', () => {
	it('sends the bytes with their type, length and Danish name', async () => {
		const response = fileResponse({
			bytes: new Uint8Array([37, 80, 68, 70]),
			contentType: 'application/pdf',
			fileName: 'Læringsbevis-Ærø-version-1.pdf'
		});
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(response.headers.get('content-length')).toBe('4');
		expect(response.headers.get('content-disposition')).toBe(
			`attachment; filename="Laeringsbevis-Aeroe-version-1.pdf"; filename*=UTF-8''L%C3%A6ringsbevis-%C3%86r%C3%B8-version-1.pdf`
		);
		expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([37, 80, 68, 70]));
	});
});
