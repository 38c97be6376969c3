import { describe, expect, it } from 'vitest';
import { DEFAULT_RETURN_PATH, safeReturnPath } from '#lib/domain/return-path.ts';

describe('safeReturnPath', () => {
	it.each([
		['/workshops', '/workshops'],
		['/workshops/abc/documents/def', '/workshops/abc/documents/def'],
		['/workshops?view=run#agenda', '/workshops?view=run#agenda'],
		['/invitations/tok-en_1', '/invitations/tok-en_1'],
		// Normalised, so the Location header is plain ASCII and has no dot segments.
		['/workshops/../account', '/account'],
		['/søg', '/s%C3%B8g']
	])('keeps the same-site path %j', (next, expected) => {
		expect(safeReturnPath(next)).toBe(expected);
	});

	it.each([
		[null],
		[undefined],
		[''],
		['workshops'],
		['//evil.example'],
		['//evil.example/workshops'],
		['///evil.example'],
		['/\\evil.example'],
		['\\\\evil.example'],
		['/\t/evil.example'],
		['/\n/evil.example'],
		['/\r\n/evil.example'],
		['/\u0000/evil.example'],
		['/.//evil.example'],
		['/./\\evil.example'],
		['https://evil.example'],
		['https://evil.example/workshops'],
		['http:/evil.example'],
		['javascript:alert(1)'],
		['data:text/html,<script>alert(1)</script>'],
		[' /workshops'],
		['\t/workshops']
	])('falls back to /workshops for %j', (next) => {
		expect(safeReturnPath(next)).toBe(DEFAULT_RETURN_PATH);
	});

	it('keeps encoded slashes encoded: they stay a path on this site', () => {
		expect(safeReturnPath('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
		expect(safeReturnPath('/%5Cevil.example')).toBe('/%5Cevil.example');
	});
});
