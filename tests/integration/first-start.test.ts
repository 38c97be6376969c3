/**
 * First start without the demo (FORMVAERK_DEMO=0): a one-time setup link on the console, a new
 * one on each start while nobody has an account, and none once a user exists; a printed link
 * says it is used up (and refuses its form) once any account exists.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, expect, it } from 'vitest';
import { createUserWithCli, formLogin } from '../support/cli.ts';
import { startServer, tempDataDir } from '../support/server.ts';

const dataDir = tempDataDir();
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** A setup link on its own line; the token is 256 random bits in base64url. */
const SETUP_LINK = /^ {2}(\S+)\/setup\/([A-Za-z0-9_-]{43})$/gm;

function setupLinks(output: string): { origin: string; token: string }[] {
	return [...output.matchAll(SETUP_LINK)].map((m) => ({ origin: m[1], token: m[2] }));
}

/** Token hashes the database holds (tokens are stored hashed, like sessions). */
function storedSetupTokens(): string[] {
	const db = new DatabaseSync(path.join(dataDir, 'formvaerk.db'));
	const rows = db.prepare('SELECT token_hash FROM setup_tokens').all() as { token_hash: string }[];
	db.close();
	return rows.map((r) => r.token_hash);
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('base64url');

it('prints a setup link until the first user exists, then nothing', async () => {
	const first = await startServer({ dataDir, env: { FORMVAERK_DEMO: '0' } });
	expect(await first.stop()).toBe(0);
	const [link] = setupLinks(first.output());
	expect(setupLinks(first.output())).toHaveLength(1);
	expect(link.origin).toBe(`http://localhost:${first.port}`);
	expect(first.output()).not.toContain('Demo Kommune');
	expect(first.logins).toEqual({});

	// Behind a proxy the link uses the public origin; every start replaces the previous link.
	const origin = 'https://formvaerk.kommune.example';
	const second = await startServer({
		dataDir,
		env: { FORMVAERK_DEMO: '0', FORMVAERK_ORIGIN: origin }
	});
	expect(await second.stop()).toBe(0);
	const [newLink] = setupLinks(second.output());
	expect(newLink.origin).toBe(origin);
	expect(newLink.token).not.toBe(link.token);
	expect(storedSetupTokens()).toEqual([sha256(newLink.token)]);

	const email = 'forste@kommune.dk';
	const password = 'en lang nok adgangskode';
	await createUserWithCli(dataDir, { email, password, isAdmin: true });
	const third = await startServer({ dataDir, env: { FORMVAERK_DEMO: '0' } });
	try {
		expect(setupLinks(third.output())).toEqual([]);
		expect(third.output()).not.toContain('/setup/');
		expect(await formLogin(third.url, email, password)).not.toBeNull();
	} finally {
		expect(await third.stop()).toBe(0);
	}
	// With a user in the database the demo stays away too, even when it is switched on.
	const withDemo = await startServer({ dataDir, env: { FORMVAERK_DEMO: '1' } });
	expect(await withDemo.stop()).toBe(0);
	expect(withDemo.logins).toEqual({});
	expect(withDemo.output()).not.toContain('/setup/');
});

it('a setup link says it is used up once an account exists, and refuses its form', async () => {
	const dir = tempDataDir();
	const server = await startServer({ dataDir: dir, env: { FORMVAERK_DEMO: '0' } });
	try {
		const [link] = setupLinks(server.output());
		const url = `${server.url}/setup/${link.token}`;
		const form = await fetch(url, { headers: { accept: 'text/html' } });
		expect(form.status).toBe(200);
		expect(await form.text()).toContain('Opret den første administrator');

		// The operator creates the first account with the CLI instead of opening the link.
		await createUserWithCli(dir, { email: 'via-cli@kommune.dk', password: 'en lang adgangskode' });
		const page = await fetch(url, { headers: { accept: 'text/html' } });
		expect(page.status).toBe(410);
		const html = await page.text();
		expect(html).toContain('Linket er allerede brugt.');
		expect(html).toContain('Formværk er allerede sat op. Log ind med din konto.');
		expect(html).not.toContain('Kommunens navn');

		const post = await fetch(url, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html',
				origin: server.url
			},
			body: new URLSearchParams({
				orgName: 'Anden Kommune',
				name: 'Ny Admin',
				email: 'ny-admin@kommune.dk',
				password: 'en lang adgangskode'
			}),
			redirect: 'manual'
		});
		expect(post.status).toBe(410);
		expect(await post.text()).toContain('Linket er allerede brugt.');
		expect(post.headers.getSetCookie()).toEqual([]);
		expect(await formLogin(server.url, 'ny-admin@kommune.dk', 'en lang adgangskode')).toBeNull();
	} finally {
		expect(await server.stop()).toBe(0);
		fs.rmSync(dir, { recursive: true, force: true });
	}
});
