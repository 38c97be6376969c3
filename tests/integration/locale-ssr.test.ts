/**
 * Server rendering in two locales at once: `t()` (src/lib/i18n/index.svelte.ts) keeps the page's
 * locale in a module shared by every request, so requests with different locale cookies, sent
 * together and rendered interleaved, must each come back wholly in their own language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { LOCALE_COOKIE } from '#lib/i18n/translate.ts';

let server: TestServer;

beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

const EXPECTED = {
	da: { lang: 'lang="da"', title: '<h1>Log ind</h1>', other: 'Adgangskode', foreign: 'Password' },
	en: { lang: 'lang="en"', title: '<h1>Log in</h1>', other: 'Password', foreign: 'Adgangskode' }
} as const;

async function loginPage(locale: 'da' | 'en'): Promise<string> {
	const response = await fetch(`${server.url}/login`, {
		headers: { accept: 'text/html', cookie: `${LOCALE_COOKIE}=${locale}` }
	});
	expect(response.status).toBe(200);
	return response.text();
}

describe('server rendering in different locales at once', () => {
	it('renders each request in its own cookie locale', async () => {
		const locales = Array.from({ length: 24 }, (_, i): 'da' | 'en' => (i % 2 === 0 ? 'da' : 'en'));
		const pages = await Promise.all(locales.map((locale) => loginPage(locale)));
		pages.forEach((html, i) => {
			const expected = EXPECTED[locales[i]];
			expect(html).toContain(expected.lang);
			expect(html).toContain(expected.title);
			expect(html).toContain(expected.other);
			expect(html).not.toContain(expected.foreign);
		});
	});
});
