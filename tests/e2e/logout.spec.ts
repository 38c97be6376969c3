import { test, expect } from './fixtures.ts';
import { DocumentPage } from './pages/document-page.ts';
import { LOCAL_DB_PREFIX } from '../../src/lib/db/local-db.ts';

/** Names of this origin's IndexedDB databases that belong to the offline document cache. */
function offlineCaches(page: import('@playwright/test').Page): Promise<string[]> {
	return page.evaluate(
		async (prefix) =>
			(await indexedDB.databases())
				.map((db) => db.name ?? '')
				.filter((name) => name.startsWith(prefix)),
		LOCAL_DB_PREFIX
	);
}

test('logging out leaves no workshop content in the browser', async ({ loggedInPage, server }) => {
	const doc = new DocumentPage(loggedInPage);
	await doc.open(server, 'drejebog');
	await doc.typeAtEnd(' Kun til arbejdsgruppen.');
	await doc.expectSaved();
	// The offline cache holds the document now; this is what a shared laptop must not keep.
	await expect.poll(() => offlineCaches(loggedInPage)).not.toEqual([]);

	await loggedInPage.getByRole('banner').getByRole('button', { name: 'Log ud' }).click();
	await expect(loggedInPage).toHaveURL(`${server.url}/login`);
	await expect.poll(() => offlineCaches(loggedInPage)).toEqual([]);
	expect(await loggedInPage.evaluate(() => caches.keys())).toEqual([]);
});
