/**
 * The icon sprite's symbols are Lucide's icons written out as static markup (IconSprite.svelte
 * says why): each must be exactly the installed @lucide/svelte's icon of its name, shapes and
 * drawing attributes, so the sprite cannot drift from the library.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SPRITE = fs.readFileSync(path.join(ROOT, 'src/lib/components/ui/IconSprite.svelte'), 'utf8');
const ICONS = path.join(ROOT, 'node_modules/@lucide/svelte/dist/icons');

type Shape = [string, Record<string, string>];

function attributes(text: string): Record<string, string> {
	return Object.fromEntries([...text.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

/** The sprite's symbols: name → its own attributes and its shapes. */
function spriteSymbols(): Map<string, { attrs: Record<string, string>; shapes: Shape[] }> {
	const symbols = new Map<string, { attrs: Record<string, string>; shapes: Shape[] }>();
	for (const m of SPRITE.matchAll(/<symbol\s([^>]*)>([\s\S]*?)<\/symbol/g)) {
		const attrs = attributes(m[1]);
		const shapes = [...m[2].matchAll(/<(\w+)\s([^>]*?)\/>/g)].map((s): Shape => [
			s[1],
			attributes(s[2])
		]);
		symbols.set(attrs.id.replace(/^icon-/, ''), { attrs, shapes });
	}
	return symbols;
}

/** The shapes of Lucide's icon `name` (following the package's aliases). */
function lucideShapes(name: string): Shape[] {
	const entry = fs.readFileSync(path.join(ICONS, `${name}.js`), 'utf8');
	const file = /from\s+["']\.\/([\w-]+)\.svelte["']/.exec(entry)?.[1] ?? name;
	const source = fs.readFileSync(path.join(ICONS, `${file}.svelte`), 'utf8');
	const data = /const iconData = (\{.*?\});\n/.exec(source)?.[1];
	if (!data) throw new Error(`no icon data in ${file}.svelte`);
	const icon = JSON.parse(data) as { node: [string, Record<string, string | number>][] };
	return icon.node.map(([tag, attrs]) => [
		tag,
		Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, String(v)]))
	]);
}

describe('the icon sprite', () => {
	const symbols = spriteSymbols();

	it('has a symbol for every name the icon snippet takes, and no other', () => {
		const type = /export type SpriteIconName =([^;]*);/.exec(SPRITE)?.[1] ?? '';
		const names = [...type.matchAll(/'([\w-]+)'/g)].map((m) => m[1]);
		expect(names.length).toBeGreaterThan(10);
		expect([...symbols.keys()].sort()).toEqual([...names].sort());
	});

	it.each([...symbols])('draws %s exactly as @lucide/svelte does', (name, symbol) => {
		expect(symbol.shapes).toEqual(lucideShapes(name));
		expect(symbol.attrs).toMatchObject({
			viewBox: '0 0 24 24',
			fill: 'none',
			stroke: 'currentColor',
			'stroke-width': '2',
			'stroke-linecap': 'round',
			'stroke-linejoin': 'round'
		});
	});
});
