/**
 * The typeface the PDFs embed: Noto Sans (SIL Open Font License) as full TrueType files from an
 * npm package, never from the operating system, so every server prints the same letters. The
 * full files cover Latin Extended, Greek and Cyrillic besides æøå, for names like Łukasz or
 * Şeyma. pdfkit embeds only the glyphs a document uses.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

export type FontFace = 'regular' | 'bold' | 'italic';

const FILES: Record<FontFace, string> = {
	regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
	bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
	italic: '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf'
};

/**
 * Parsed fonts, shared by every document. Parsing a 600 KB font takes tens of milliseconds, and
 * a parsed font is read-only (each document makes its own subset), so it is done once per face
 * per process; the fonts hold nobody's data.
 */
const parsed = new Map<FontFace, fontkit.Font>();

function load(face: FontFace): fontkit.Font {
	const path = createRequire(import.meta.url).resolve(FILES[face]);
	const font = fontkit.create(readFileSync(path));
	if (!('layout' in font)) throw new Error(`${FILES[face]} is a font collection, not a font`);
	return font;
}

/** The parsed font of `face`, loaded on first use. */
export function exportFont(face: FontFace): fontkit.Font {
	let font = parsed.get(face);
	if (!font) {
		font = load(face);
		parsed.set(face, font);
	}
	return font;
}
