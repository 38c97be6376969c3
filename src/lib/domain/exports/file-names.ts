/**
 * Danish file names for exported documents ("Læringsbevis-Demo-Kommune-version-2.pdf") and their
 * ASCII spelling for clients that cannot read a UTF-8 file name ("Laeringsbevis-…"): Danish
 * letters spelt out (æ → ae, ø → oe, å → aa), other accents dropped, anything a file system or
 * a header could trip on replaced by a hyphen.
 */
import { LABELS } from './labels.ts';

export type ExportFormat = 'pdf' | 'docx';

/** The media type of each export format. */
export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
};

/**
 * Letters spelt out: the Danish ones the Danish way, and letters Unicode does not split into a
 * base letter and an accent (Ł, ı, đ…), so dropping accents would lose them.
 */
const SPELT_OUT: Record<string, string> = {
	æ: 'ae',
	ø: 'oe',
	å: 'aa',
	Æ: 'Ae',
	Ø: 'Oe',
	Å: 'Aa',
	ß: 'ss',
	Ł: 'L',
	ł: 'l',
	ı: 'i',
	Đ: 'D',
	đ: 'd',
	ð: 'd',
	Œ: 'Oe',
	œ: 'oe',
	Þ: 'Th',
	þ: 'th'
};

/** Longest name we hand out without its extension; some file systems stop at 255 bytes. */
const MAX_BASE_LENGTH = 120;

/** `words` joined with hyphens, without characters that are unsafe in a file name. */
export function exportFileBase(words: readonly string[]): string {
	const joined = words
		.join(' ')
		// Path separators, Windows' reserved characters, quotes and controls.
		.replace(/[\\/:*?"<>|\p{Cc}\p{Cf}]/gu, ' ')
		.trim()
		.replace(/\s+/g, '-')
		.replace(/-{2,}/g, '-');
	return [...joined].slice(0, MAX_BASE_LENGTH).join('') || LABELS.laeringsbevis;
}

/** The file name `words` make, with the extension. */
export function exportFileName(words: readonly string[], format: ExportFormat): string {
	return `${exportFileBase(words)}.${format}`;
}

/** `fileName` in ASCII letters, digits, dots, hyphens and underscores (see the module comment). */
export function asciiFileName(fileName: string): string {
	return fileName
		.replace(/./gu, (letter) => SPELT_OUT[letter] ?? letter)
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.replace(/[^A-Za-z0-9._-]/g, '-')
		.replace(/-{2,}/g, '-');
}

/** The file name of a published version's export. */
export function publicationFileName(
	meta: { organisationName: string; number: number },
	format: ExportFormat
): string {
	return exportFileName(
		[LABELS.laeringsbevis, meta.organisationName, 'version', String(meta.number)],
		format
	);
}

/** The file name of a case's læringsbevis or progressionsskema, after the young person. */
export function caseFileName(
	kind: 'laeringsbevis' | 'progressionsskema',
	youngPersonName: string,
	format: ExportFormat
): string {
	return exportFileName([LABELS[kind], youngPersonName], format);
}
