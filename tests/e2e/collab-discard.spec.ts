import { test, expect, expectAccessible, newLoggedInPage } from './fixtures.ts';
import { DocumentPage } from './pages/document-page.ts';
import { startServer } from '../support/server.ts';

const OFFLINE = 'Offline – dine ændringer gemmes på denne computer';

test('changes too large to send are explained, not resent in a loop, and can be discarded', async ({
	browser
}) => {
	// A small frame limit stands for a long offline session: 30 KB of text cannot be sent.
	const server = await startServer({ env: { FORMVAERK_MAX_FRAME_BYTES: '16384' } });
	try {
		const page = await newLoggedInPage(browser, server, 'facilitator');
		const frida = new DocumentPage(page);
		await frida.open(server, 'drejebog');
		await frida.typeAtEnd('Gemt før.');
		await frida.expectSaved();

		await page.context().setOffline(true);
		await expect(frida.saveState).toHaveText(OFFLINE);
		await frida.typeAtEnd(' ');
		await page.keyboard.insertText('Lang tekst skrevet uden net. '.repeat(1000));
		await page.context().setOffline(false);

		const alert = frida.presence.getByRole('alert');
		await expect(alert).toContainText('for store til at blive sendt til serveren');
		// Not saved, so not "Gemt" (collab-session.test.ts shows that it does not reconnect).
		await expect(frida.saveState).toHaveText(OFFLINE);
		await expectAccessible(page);

		await frida.presence.getByRole('button', { name: 'Kassér mine ikke-gemte ændringer' }).click();
		const confirm = frida.presence.getByRole('button', { name: 'Ja, kassér ændringerne' });
		await expect(confirm).toBeFocused();
		await confirm.click();

		// The page is loaded again from the server: what was saved, without the refused text.
		await frida.expectSaved();
		await expect(frida.editor).toContainText('Gemt før.');
		await expect(frida.editor).not.toContainText('Lang tekst');
		await expect(alert).toHaveCount(0);
	} finally {
		await server.stop();
	}
});
