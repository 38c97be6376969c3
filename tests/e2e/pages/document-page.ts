/**
 * Page object of a workshop document: the editor, the presence bar and the save state. Selectors
 * live here so the specs read as what a person does and sees.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { TestServer } from '../../support/server.ts';
import { demoDocuments } from '../../support/demo-documents.ts';

export type DocumentKind = 'template' | 'drejebog';

export class DocumentPage {
	readonly page: Page;
	readonly editor: Locator;
	readonly presence: Locator;
	readonly people: Locator;
	readonly toolbar: Locator;

	constructor(page: Page) {
		this.page = page;
		this.editor = page.getByRole('textbox', { name: 'Indledning og noter' });
		this.presence = page.getByRole('region', { name: 'Samarbejde' });
		this.people = this.presence.getByRole('list', { name: 'Til stede' });
		this.toolbar = page.getByRole('toolbar', { name: 'Formatering' });
	}

	/** The path of a demo document on `server`. */
	static path(server: TestServer, kind: DocumentKind): string {
		const docs = demoDocuments(server);
		return `/workshops/${docs.workshopId}/documents/${docs[kind]}`;
	}

	/** Opens a demo document and waits until its editor is there. */
	async open(server: TestServer, kind: DocumentKind): Promise<void> {
		await this.page.goto(`${server.url}${DocumentPage.path(server, kind)}`);
		await expect(this.editor).toBeVisible();
	}

	/** The visible save state ("Gemt", "Gemmer…", "Offline – …", "Skrivebeskyttet"). */
	get saveState(): Locator {
		return this.presence.locator('.save-state');
	}

	/** Waits until the server has confirmed everything ("Gemt"). */
	async expectSaved(): Promise<void> {
		await expect(this.saveState).toHaveText('Gemt');
	}

	/** The document's text without other people's caret labels. */
	async text(): Promise<string> {
		return this.editor.evaluate((element) => {
			const copy = element.cloneNode(true) as HTMLElement;
			copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
			return copy.textContent ?? '';
		});
	}

	/** Types at the end of the document. */
	async typeAtEnd(text: string): Promise<void> {
		await this.editor.click();
		await this.page.keyboard.press('ControlOrMeta+End');
		await this.page.keyboard.type(text);
	}

	/** Another person's caret label in this editor. */
	caretOf(name: string): Locator {
		return this.page.locator('.collaboration-carets__label', { hasText: name });
	}

	/**
	 * Waits until the service worker keeps this page for offline reloads. A precondition of the
	 * offline test, not a user-visible state: without it a reload offline could not work at all.
	 */
	async waitUntilAvailableOffline(): Promise<void> {
		const path = new URL(this.page.url()).pathname;
		await expect
			.poll(() => this.page.evaluate(async (p) => (await caches.match(p)) !== undefined, path))
			.toBe(true);
	}
}
