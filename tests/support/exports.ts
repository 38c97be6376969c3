/**
 * Reading exported files the way their readers do: PDFs through poppler's command-line tools
 * (pdfinfo, pdftotext, pdffonts, and pdftohtml for the bookmarks), Word files through mammoth
 * (which maps Word's heading styles, tables and lists to HTML, as a screen reader sees them) and
 * through the zip itself for the parts mammoth does not show (check boxes, language, properties).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync, strFromU8 } from 'fflate';
import mammoth from 'mammoth';
import { tempDirsForFile } from './temp-dirs.ts';

const run = promisify(execFile);

/** Returns helpers that write each PDF to a temporary file of this test file and run poppler. */
export function pdfReaders() {
	const newDir = tempDirsForFile();
	let dir: string | null = null;
	let count = 0;
	async function withFile<T>(bytes: Uint8Array, use: (file: string) => Promise<T>): Promise<T> {
		dir ??= newDir();
		const file = path.join(dir, `export-${count++}.pdf`);
		fs.writeFileSync(file, bytes);
		return use(file);
	}
	const tool = async (bytes: Uint8Array, command: string, args: string[]) =>
		withFile(
			bytes,
			async (file) =>
				(
					await run(command, [...args, file, ...(command === 'pdftotext' ? ['-'] : [])], {
						maxBuffer: 64 << 20
					})
				).stdout
		);
	return {
		/** `pdfinfo`'s fields ("Tagged" → "yes", "Page size" → "595.28 x 841.89 pts (A4)"). */
		async info(bytes: Uint8Array): Promise<Record<string, string>> {
			const out = await tool(bytes, 'pdfinfo', []);
			return Object.fromEntries(
				out
					.split('\n')
					.filter((line) => line.includes(':'))
					.map((line) => {
						const at = line.indexOf(':');
						return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
					})
			);
		},
		/**
		 * The text in the order it is drawn (so table cells side by side do not interleave), with
		 * whitespace collapsed to single spaces so wrapped lines read as one.
		 */
		async text(bytes: Uint8Array): Promise<string> {
			return collapsed(await tool(bytes, 'pdftotext', ['-raw', '-enc', 'UTF-8']));
		},
		/** The logical structure tree with its text, as `pdfinfo -struct-text` prints it. */
		structure: (bytes: Uint8Array) => tool(bytes, 'pdfinfo', ['-struct-text']),
		/** The fonts: name and whether each is embedded. */
		async fonts(bytes: Uint8Array): Promise<{ name: string; isEmbedded: boolean }[]> {
			const lines = (await tool(bytes, 'pdffonts', [])).split('\n').slice(2);
			return lines
				.filter((line) => line.trim() !== '')
				.map((line) => {
					const columns = line.trim().split(/\s+/);
					// name, type…, encoding, emb, sub, uni, object, id: "emb" is fifth from the end.
					return { name: columns[0], isEmbedded: columns.at(-5) === 'yes' };
				});
		},
		/** The bookmarks' titles in document order, with their depth (0 for the top level). */
		async bookmarks(bytes: Uint8Array): Promise<{ title: string; depth: number }[]> {
			const xml = await tool(bytes, 'pdftohtml', ['-xml', '-i', '-q', '-stdout']);
			const items: { title: string; depth: number }[] = [];
			let depth = -1;
			for (const match of xml.matchAll(/<outline>|<\/outline>|<item[^>]*>([^<]*)<\/item>/g)) {
				if (match[0] === '<outline>') depth++;
				else if (match[0] === '</outline>') depth--;
				else items.push({ title: decodeXml(match[1]), depth });
			}
			return items;
		}
	};
}

function decodeXml(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;|&apos;/g, "'")
		.replace(/&amp;/g, '&');
}

/** The text of HTML without its tags, entities decoded and whitespace collapsed. */
export function htmlText(html: string): string {
	return collapsed(decodeXml(html.replace(/<[^>]+>/g, ' ')));
}

/** A Word file as HTML, the way mammoth reads its styles (Heading 1 → h1, tables, lists). */
export async function docxHtml(bytes: Uint8Array): Promise<string> {
	const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
	return result.value;
}

/** One part of a Word file's zip as text ("word/document.xml", "docProps/core.xml"). */
export function docxPart(bytes: Uint8Array, name: string): string {
	const part = unzipSync(bytes, { filter: (file) => file.name === name })[name];
	if (!part) throw new Error(`${name} is not in the file`);
	return strFromU8(part);
}

/** `text` with whitespace collapsed, for comparing with extracted text. */
export function collapsed(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}
