/** Every drejebog problem code and every `drejebog.input.…` key in the code has a message in both languages. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import da from '#lib/i18n/messages/da.json' with { type: 'json' };
import en from '#lib/i18n/messages/en.json' with { type: 'json' };
import { DREJEBOG_PROBLEM_CODES } from '#lib/domain/drejebog/problems.ts';

function lookup(messages: unknown, key: string): unknown {
	return key
		.split('.')
		.reduce<unknown>(
			(node, part) => (node as Record<string, unknown> | undefined)?.[part],
			messages
		);
}

/** Every `'drejebog.input.…'` key written in the drejebog's domain and binding. */
function inputKeysInSource(): string[] {
	const keys = new Set<string>();
	for (const dir of [
		'src/lib/domain/drejebog',
		'src/lib/collab/drejebog',
		'src/lib/components/drejebog'
	]) {
		for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
			if (!/\.(ts|svelte)$/.test(file)) continue;
			const source = readFileSync(join(dir, file), 'utf8');
			for (const match of source.matchAll(/'(drejebog\.input\.[A-Za-z]+)'/g)) keys.add(match[1]);
		}
	}
	return [...keys];
}

describe('drejebog messages', () => {
	it.each([
		['da', da],
		['en', en]
	])('%s has a message for every problem code and every input error', (_locale, messages) => {
		const keys = [
			...DREJEBOG_PROBLEM_CODES.map((code) => `drejebog.problem.${code}`),
			...inputKeysInSource()
		];
		expect(keys.length).toBeGreaterThan(DREJEBOG_PROBLEM_CODES.length + 8);
		for (const key of keys) expect(typeof lookup(messages, key), key).toBe('string');
	});
});
