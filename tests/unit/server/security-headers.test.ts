import { describe, expect, it } from 'vitest';
import {
	applySecurityHeaders,
	baseSecurityHeaders,
	NON_PAGE_CSP,
	withSocketOrigin
} from '../../../src/lib/server/http/security-headers.ts';

const PAGE_CSP =
	"default-src 'self'; connect-src 'self'; script-src 'self' 'nonce-abc'; frame-ancestors 'none'";

describe('baseSecurityHeaders', () => {
	it('sends HSTS only for an https origin', () => {
		expect(baseSecurityHeaders('https://formvaerk.kommune.dk')).toEqual({
			'x-content-type-options': 'nosniff',
			'referrer-policy': 'same-origin',
			'content-security-policy': NON_PAGE_CSP,
			'strict-transport-security': 'max-age=31536000'
		});
		expect(baseSecurityHeaders('http://127.0.0.1:3000')).not.toHaveProperty(
			'strict-transport-security'
		);
		expect(baseSecurityHeaders(undefined)).not.toHaveProperty('strict-transport-security');
	});
});

describe('withSocketOrigin', () => {
	it('adds wss for https and ws for http to connect-src only', () => {
		expect(withSocketOrigin(PAGE_CSP, 'https://formvaerk.kommune.dk')).toBe(
			"default-src 'self'; connect-src 'self' wss://formvaerk.kommune.dk; script-src 'self' 'nonce-abc'; frame-ancestors 'none'"
		);
		expect(withSocketOrigin("connect-src 'self'", 'http://127.0.0.1:3000')).toBe(
			"connect-src 'self' ws://127.0.0.1:3000"
		);
	});
});

describe('applySecurityHeaders', () => {
	it('gives a response without a policy the non-page policy', () => {
		const headers = new Headers({ 'content-type': 'application/json' });
		applySecurityHeaders(headers, undefined);
		expect(headers.get('content-security-policy')).toBe(NON_PAGE_CSP);
		expect(headers.get('x-content-type-options')).toBe('nosniff');
	});

	it("keeps a page's policy, with the socket origin when one is configured", () => {
		const headers = new Headers({ 'content-security-policy': PAGE_CSP });
		applySecurityHeaders(headers, undefined);
		expect(headers.get('content-security-policy')).toBe(PAGE_CSP);
		applySecurityHeaders(headers, 'https://formvaerk.kommune.dk');
		expect(headers.get('content-security-policy')).toContain(
			"connect-src 'self' wss://formvaerk.kommune.dk;"
		);
		expect(headers.get('strict-transport-security')).toBe('max-age=31536000');
	});
});
