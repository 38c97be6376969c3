import adapter from '@sveltejs/adapter-node';

/**
 * SvelteKit and adapter options. Plugins and Vitest live in vite.config.ts.
 * @type {import('@sveltejs/kit').Config}
 */
const config = {
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build' }),
		// Document pages register it (src/lib/collab/offline-page.ts): it exists for offline
		// reloads of documents, so other pages do not pay for its install.
		serviceWorker: { register: false },
		// Content-Security-Policy of pages; Kit adds a nonce (hashes on prerendered pages) for its
		// own inline script, and a document page's early socket script uses it too (app.html,
		// src/lib/collab/early-socket.ts; a page template with the nonce cannot be prerendered). Responses that are not pages get theirs from security-headers.ts,
		// which also adds the collaboration socket's origin to connect-src at run time.
		// Styles: <style> elements only from our own files (tiptap's injected CSS is off, see
		// Editor.svelte); style *attributes* are allowed, because Svelte renders `style:`
		// directives (presence colours, chart colours) and Kit's route announcer as style
		// attributes. An attribute can neither run script nor use selectors to read the page,
		// and it can load nothing beyond what img-src allows. See docs/architecture.md.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'style-src-elem': ['self'],
				'style-src-attr': ['unsafe-inline'],
				'img-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
