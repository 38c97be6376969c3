import { describe, expect, it } from 'vitest';
import da from '../../../src/lib/i18n/messages/da.json' with { type: 'json' };
import en from '../../../src/lib/i18n/messages/en.json' with { type: 'json' };

type Messages = { [key: string]: string | Messages };

/** Every leaf key as a dotted path ("workshop.invite.copy"). */
function keys(messages: Messages, prefix = ''): string[] {
	return Object.entries(messages).flatMap(([key, value]) =>
		typeof value === 'string' ? [prefix + key] : keys(value, `${prefix}${key}.`)
	);
}

describe('message files', () => {
	it('have the same keys in Danish and English, so no text falls back silently', () => {
		expect(keys(en as Messages).sort()).toEqual(keys(da as Messages).sort());
	});

	it('use the same placeholders in both languages', () => {
		const lookup = (messages: Messages, path: string) =>
			path.split('.').reduce<string | Messages>((node, key) => (node as Messages)[key], messages);
		const placeholders = (text: string) =>
			[...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
		for (const key of keys(da)) {
			const danish = lookup(da, key) as string;
			const english = lookup(en, key) as string;
			expect(placeholders(english), key).toEqual(placeholders(danish));
		}
	});
});
