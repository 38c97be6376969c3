/**
 * `translator()` reads plain messages without i18next (src/lib/i18n/plain-message.ts) and creates
 * i18next only for the texts that need it; these tests hold it to i18next's own output for every
 * key of both message files, and check that the plain path is really taken.
 */
import { describe, expect, it, vi } from 'vitest';
import i18next, { type i18n } from 'i18next';
import da from '#lib/i18n/messages/da.json' with { type: 'json' };
import en from '#lib/i18n/messages/en.json' with { type: 'json' };
import { translator } from '#lib/i18n/translate.ts';
import type { Locale } from '#lib/domain/schemas.ts';

type Messages = { [key: string]: string | Messages };
type Vars = Record<string, string | number>;

/** i18next as `locales.ts` configured it before the plain path: the reference output. */
function reference(locale: Locale, messages: object): i18n {
	const instance = i18next.createInstance();
	void instance.init({
		lng: locale,
		fallbackLng: 'da',
		resources: { da: { translation: da }, [locale]: { translation: messages } },
		initAsync: false,
		interpolation: { escapeValue: false },
		returnNull: false
	});
	return instance;
}

function entries(messages: Messages, prefix = ''): [string, string][] {
	return Object.entries(messages).flatMap(([key, value]): [string, string][] =>
		typeof value === 'string' ? [[prefix + key, value]] : entries(value, `${prefix}${key}.`)
	);
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const texts = [new Map(entries(da)), new Map(entries(en))];
const all = new Map([...texts[0], ...texts[1]]);
const keys = [...all.keys()];
/** Keys asked for with `count` ("template.timing.afterWeeks" of "…afterWeeks_one"). */
const pluralBases = [
	...new Set(keys.filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')))
];

/** Typical variables for `key`: each placeholder of either language, a number for `count`. */
function typicalVars(key: string): Vars {
	const vars: Vars = {};
	for (const locale of texts) {
		for (const [, name] of (locale.get(key) ?? '').matchAll(/\{\{\s*([\w.]+)/g)) {
			vars[name] = name === 'count' ? 3 : `«${name}»`;
		}
	}
	return vars;
}

describe('translator() gives exactly what i18next gives', () => {
	for (const locale of ['da', 'en'] as const) {
		it(`for every key in ${locale}, with and without variables`, () => {
			const expected = reference(locale, locale === 'da' ? da : en);
			const t = translator(locale);
			for (const key of keys) {
				expect(t(key), key).toBe(expected.t(key));
				expect(t(key, {}), key).toBe(expected.t(key, {}));
				const vars = typicalVars(key);
				expect(t(key, vars), key).toBe(expected.t(key, vars));
			}
		});

		it(`for every plural key in ${locale} with count 0, 1 and 2 (and without)`, () => {
			expect(pluralBases.length).toBeGreaterThan(0);
			const expected = reference(locale, locale === 'da' ? da : en);
			const t = translator(locale);
			for (const base of pluralBases) {
				const vars = { ...typicalVars(`${base}_one`), ...typicalVars(`${base}_other`) };
				for (const count of [0, 1, 2]) {
					expect(t(base, { ...vars, count }), base).toBe(expected.t(base, { ...vars, count }));
				}
				expect(t(base), base).toBe(expected.t(base));
			}
		});

		it(`for keys that are missing, name a section or a namespace (${locale})`, () => {
			const expected = reference(locale, locale === 'da' ? da : en);
			const t = translator(locale);
			for (const key of [
				'no.such.key',
				'nosuchkey',
				'',
				'template',
				'translation:login.password',
				'a {{x}}',
				'constructor',
				'toString'
			]) {
				expect(t(key), key).toBe(expected.t(key));
			}
			expect(t('no.such.key')).toBe('no.such.key');
		});
	}

	it('no message key holds a "." itself, which i18next would try as a flat key', () => {
		const nested = (messages: Messages): string[] =>
			Object.entries(messages).flatMap(([k, v]) =>
				typeof v === 'string' ? [k] : [k, ...nested(v)]
			);
		for (const messages of [da, en] as Messages[]) {
			expect(nested(messages).filter((k) => k.includes('.'))).toEqual([]);
		}
	});
});

/** A fresh `locales.ts` with i18next's `createInstance` watched, and its instances' `t`. */
async function freshLocales() {
	vi.resetModules();
	const { default: fresh } = await import('i18next');
	const t = vi.fn();
	const createInstance = fresh.createInstance.bind(fresh);
	const create = vi.spyOn(fresh, 'createInstance').mockImplementation((...args) => {
		const instance = createInstance(...args);
		const original = instance.t.bind(instance);
		instance.t = ((...targs: Parameters<typeof original>) => {
			t(targs[0]);
			return original(...targs);
		}) as typeof instance.t;
		return instance;
	});
	const locales = await import('#lib/i18n/locales.ts');
	return { locales, create, t, restore: () => create.mockRestore() };
}

describe('the plain path', () => {
	it('reads plain keys, with or without variables, without creating i18next or calling its t()', async () => {
		const { locales, create, t, restore } = await freshLocales();
		try {
			const tr = locales.translator('da');
			expect(tr('login.password')).toBe(da.login.password);
			expect(tr('login.throttled', { minutes: 5 })).toBe(
				'For mange forsøg. Prøv igen om 5 minut(ter).'
			);
			expect(create).not.toHaveBeenCalled();
			for (const base of pluralBases) {
				for (const count of [0, 1, 2]) tr(base, { ...typicalVars(`${base}_other`), count });
			}
			expect(create).not.toHaveBeenCalled();
			// A context is i18next's to handle.
			tr('login.title', { context: 'male' });
			expect(create).toHaveBeenCalledTimes(1);
			expect(t).toHaveBeenCalledTimes(1);
			for (const key of keys) tr(key, typicalVars(key));
			expect(t).toHaveBeenCalledTimes(1);
		} finally {
			restore();
		}
	});

	it('falls back to Danish for a key missing in English, without i18next, as i18next does', async () => {
		const { locales, create, restore } = await freshLocales();
		try {
			const partial = structuredClone(en);
			Reflect.deleteProperty(partial.login, 'password');
			locales.registerMessages('en', partial);
			const tr = locales.translator('en');
			expect(tr('login.password')).toBe(da.login.password);
			expect(tr('login.email')).toBe(en.login.email);
			expect(create).not.toHaveBeenCalled();
			expect(tr('login.password')).toBe(reference('en', partial).t('login.password'));
		} finally {
			restore();
		}
	});

	it('falls back to Danish for a plural form missing in English, as i18next does', async () => {
		const { locales, restore } = await freshLocales();
		try {
			const partial = structuredClone(en);
			Reflect.deleteProperty(partial.template.timing, 'afterWeeks_other');
			locales.registerMessages('en', partial);
			const expected = reference('en', partial);
			const tr = locales.translator('en');
			for (const count of [0, 1, 2]) {
				const vars = { ...typicalVars('template.timing.afterWeeks_other'), count };
				expect(tr('template.timing.afterWeeks', vars)).toBe(
					expected.t('template.timing.afterWeeks', vars)
				);
			}
		} finally {
			restore();
		}
	});
});

describe('edge cases the plain path must leave to i18next or get right', () => {
	const odd = {
		braces: '{{{a}}',
		spaced: 'x {{ a }} y',
		format: 'x {{a, number}}',
		unescaped: 'x {{-a}}',
		nested: '$t(login.title) and {{a}}',
		dollar: 'price $ {{a}}',
		twice: '{{a}} and {{a}} and {{b}}',
		single: '{a} and {{a}}',
		closing: '{{a}}} and }}',
		count: 'just {{count}}',
		lng: 'in {{lng}}',
		plural_zero: 'none',
		plural_one: '{{count}} one {{a}}',
		plural_other: '{{count}} other {{a}}',
		onlyOne_one: 'one {{count}}',
		onlyOne: 'base {{count}}',
		emptyOne_one: '',
		emptyOne_other: 'other',
		emptyOne: 'base',
		empty: '',
		section: { inner: 'inner' }
	};
	const values: Vars[] = [
		{},
		{ a: 'A' },
		{ a: 'A', b: 'B' },
		{ a: 0, b: Number.NaN },
		{ a: '{{b}}', b: 'B' },
		{ a: '$t(login.title)' },
		{ a: 't(login.title)' },
		{ a: '$& $1 $$' },
		{ a: 'A', extra: 'E' },
		{ count: 1 },
		{ count: 0 },
		{ count: 2 },
		{ count: 1.5 },
		{ count: -1 },
		{ count: '1' },
		{ count: 1, a: 'A' },
		{ count: 2, a: 'A', b: 'B' },
		{ lng: 'en' }
	];

	it('gives what i18next gives for odd messages and values', async () => {
		const { locales, restore } = await freshLocales();
		try {
			const messages = { ...structuredClone(en), odd } as unknown as typeof en;
			locales.registerMessages('en', messages);
			const expected = reference('en', messages);
			const tr = locales.translator('en');
			for (const name of [...Object.keys(odd), 'plural', 'onlyOne', 'emptyOne']) {
				for (const vars of values) {
					const key = `odd.${name}`;
					expect(tr(key, vars), `${key} ${JSON.stringify(vars)}`).toBe(expected.t(key, vars));
				}
			}
			for (const vars of values) {
				expect(tr('login.throttled', vars)).toBe(expected.t('login.throttled', vars));
				expect(tr('no.such.key', vars)).toBe(expected.t('no.such.key', vars));
			}
		} finally {
			restore();
		}
	});
});
