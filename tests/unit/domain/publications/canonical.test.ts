/**
 * Canonical JSON: one text per value whatever the key order or the way it was stored, in the form
 * of RFC 8785 (JCS) plus NFC strings, and refusal of what JSON cannot hold faithfully.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, CanonicalJsonError } from '#lib/domain/publications/canonical.ts';

/** `value` with every object's keys in reverse order (same content, other construction). */
function reversedKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(reversedKeys);
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value)
				.reverse()
				.map(([k, v]) => [k, reversedKeys(v)])
		);
	}
	return value;
}

describe('canonicalJson', () => {
	it('sorts keys, writes no whitespace and keeps array order', () => {
		expect(canonicalJson({ b: 1, a: [true, null, 'x', { d: 2, c: 3 }] })).toBe(
			'{"a":[true,null,"x",{"c":3,"d":2}],"b":1}'
		);
	});

	it('sorts keys by UTF-16 code units (the RFC 8785 example, after NFC)', () => {
		const value = {
			'\u20ac': 1,
			'\r': 2,
			'\ufb33': 3,
			'1': 4,
			'\ud83d\ude00': 5,
			'\u0080': 6,
			'\u00f6': 7
		};
		// U+FB33 is excluded from composition: NFC writes it as U+05D3 U+05BC, which sorts
		// before U+20AC. The rest is RFC 8785's order, an astral character by its surrogates.
		const order = ['\r', '1', '\u0080', '\u00f6', '\u05d3\u05bc', '\u20ac', '\ud83d\ude00'];
		const values = [2, 4, 6, 7, 3, 1, 5];
		const expected = `{${order.map((k, i) => `${JSON.stringify(k)}:${values[i]}`).join(',')}}`;
		expect(canonicalJson(value)).toBe(expected);
	});

	it('writes numbers in their shortest round-trip form', () => {
		expect(canonicalJson([1.0, -0, 1e21, 0.1 + 0.2, 1e-7, 333333333.3333333])).toBe(
			'[1,0,1e+21,0.30000000000000004,1e-7,333333333.3333333]'
		);
	});

	it('puts strings (and keys) in NFC, so composed and decomposed letters are the same', () => {
		expect(canonicalJson({ 'Caf\u00e9': 'bl\u00e5b\u00e6r' })).toBe(
			canonicalJson({ 'Cafe\u0301': 'bla\u030ab\u00e6r' })
		);
	});

	it('escapes like JSON.stringify, lone surrogates included', () => {
		expect(canonicalJson('a"b\\c\n\u0001\ud800')).toBe('"a\\"b\\\\c\\n\\u0001\\ud800"');
	});

	it('leaves out undefined properties and refuses what JSON cannot hold', () => {
		expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
		for (const bad of [
			NaN,
			Infinity,
			[undefined],
			10n,
			new Date(0),
			new Map(),
			() => 1,
			Symbol('x')
		]) {
			expect(() => canonicalJson(bad), typeof bad).toThrow(CanonicalJsonError);
		}
		const cyclic: Record<string, unknown> = {};
		cyclic.self = cyclic;
		expect(() => canonicalJson(cyclic)).toThrow(CanonicalJsonError);
	});

	it('gives the same text across key orders, a JSON round trip and its own output', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (value) => {
				const text = canonicalJson(value);
				expect(canonicalJson(reversedKeys(value))).toBe(text);
				expect(canonicalJson(JSON.parse(JSON.stringify(value)))).toBe(text);
				expect(canonicalJson(JSON.parse(text))).toBe(text);
			})
		);
	});
});
