/**
 * The print view of an export document as one static HTML page, rendered from the print view's
 * own Svelte component (`ExportDocument.svelte`) with its CSS inlined, for printing through
 * Chromium without a running app. A Vite server in middleware mode compiles the component for
 * the server; nothing listens on a port. The app's global stylesheet is inlined too, as the app
 * serves it with every page.
 */
import fs from 'node:fs';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { createServer } from 'vite';
import type { ExportDocument } from '../src/lib/domain/exports/blocks.ts';

type Render = (component: unknown, options: { props: object }) => { head: string; body: string };

/** `document` as a whole HTML page, the way the print view renders it. */
export async function printViewHtml(document: ExportDocument): Promise<string> {
	const vite = await createServer({
		configFile: false,
		root: new URL('..', import.meta.url).pathname,
		logLevel: 'error',
		appType: 'custom',
		server: { middlewareMode: true, hmr: false, ws: false },
		plugins: [svelte({ compilerOptions: { css: 'injected' } })]
	});
	try {
		const component = await vite.ssrLoadModule('/src/lib/components/exports/ExportDocument.svelte');
		const { render } = (await vite.ssrLoadModule('svelte/server')) as { render: Render };
		const { head, body } = render(component.default, { props: { document } });
		const globalCss = fs.readFileSync(
			new URL('../src/lib/components/ui/global.css', import.meta.url),
			'utf8'
		);
		return `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>${document.title}</title><style>${globalCss}</style>${head}</head><body><main>${body}</main></body></html>`;
	} finally {
		await vite.close();
	}
}
