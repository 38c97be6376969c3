import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import da from '#lib/i18n/messages/da.json' with { type: 'json' };
import en from '#lib/i18n/messages/en.json' with { type: 'json' };
import { PROBLEM_CODES } from '#lib/domain/template/problems.ts';

function lookup(messages: unknown, key: string): unknown {
	return key
		.split('.')
		.reduce<unknown>(
			(node, part) => (node as Record<string, unknown> | undefined)?.[part],
			messages
		);
}

/** Every `'template.input.…'` key written in the template code. */
function inputKeysInSource(): string[] {
	const dirs = ['src/lib/collab', 'src/lib/collab/template', 'src/lib/domain/template'];
	const keys = new Set<string>();
	for (const dir of dirs) {
		// Recursive: the template's Yjs binding lives in src/lib/collab/template/.
		const files = readdirSync(dir, { recursive: true, encoding: 'utf8' });
		for (const file of files.filter((f) => f.endsWith('.ts'))) {
			const source = readFileSync(join(dir, file), 'utf8');
			for (const match of source.matchAll(/'(template\.input\.[A-Za-z]+)'/g)) keys.add(match[1]);
		}
	}
	return [...keys];
}

describe('template messages', () => {
	it.each([
		['da', da],
		['en', en]
	])('%s has a message for every problem code and every input error', (_locale, messages) => {
		const keys = [
			...PROBLEM_CODES.map((code) => `template.problem.${code}`),
			...inputKeysInSource()
		];
		expect(keys.length).toBeGreaterThan(PROBLEM_CODES.length + 10);
		for (const key of keys) expect(typeof lookup(messages, key), key).toBe('string');
	});
});
