/**
 * Keeps open documents usable through a reload without a network: the app's build files are
 * cached at install, and the HTML of each document page is cached when the page asks for it (a
 * page reached by client-side navigation never went through us as HTML). Online, pages always
 * come from the network; the cache only answers when the network does not. The document's
 * content itself is in IndexedDB (see src/lib/db), not here.
 */
/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, version } from '$service-worker';

// Kit 2 types the worker's global scope through this cast (its documented pattern).
const self = globalThis.self as unknown as ServiceWorkerGlobalScope;

/** Build files and static assets of this version. */
const ASSET_CACHE = `assets-${version}`;
/**
 * HTML of pages kept for offline reloads. Versioned too: old HTML points at old build files,
 * which disappear with the old version.
 */
const PAGE_CACHE = `pages-${version}`;

/** A page asks to be kept: `{ type: 'keep-page', url }` (see src/lib/collab/offline-page.ts). */
type KeepPageMessage = { type: 'keep-page'; url: string };

const ASSET_PATHS = new Set([...build, ...files]);

self.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(ASSET_CACHE)
			.then((cache) => cache.addAll([...ASSET_PATHS]))
			.then(() => self.skipWaiting())
	);
});

self.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) =>
				Promise.all(
					keys
						.filter((key) => key !== ASSET_CACHE && key !== PAGE_CACHE)
						.map((key) => caches.delete(key))
				)
			)
			.then(() => self.clients.claim())
	);
});

self.addEventListener('message', (event) => {
	const data = event.data as Partial<KeepPageMessage> | null;
	if (data?.type !== 'keep-page' || typeof data.url !== 'string') return;
	const url = new URL(data.url, self.location.origin);
	if (url.origin !== self.location.origin) return;
	event.waitUntil(storePage(url.pathname));
});

self.addEventListener('fetch', (event) => {
	const request = event.request;
	const url = new URL(request.url);
	if (url.origin !== self.location.origin) return;
	// Logging out forgets every kept page: the next person on this computer sees none of them.
	if (request.method === 'POST' && url.pathname === '/logout') {
		event.waitUntil(caches.delete(PAGE_CACHE));
		return;
	}
	if (request.method !== 'GET') return;
	// Live streams (run-mode events) go straight to the network: a cached or buffered stream
	// would be stale by definition and would hold the worker open.
	if (request.headers.get('accept')?.includes('text/event-stream')) return;
	if (ASSET_PATHS.has(url.pathname)) {
		event.respondWith(cacheFirst(request));
	} else if (request.mode === 'navigate') {
		event.respondWith(networkFirstPage(request, url.pathname));
	}
});

async function cacheFirst(request: Request): Promise<Response> {
	const cached = await caches.match(request, { cacheName: ASSET_CACHE });
	return cached ?? fetch(request);
}

/**
 * Pages come from the network; a kept page is refreshed on the way and answers when the network
 * (or the app behind a proxy) is down. A redirect or 4xx means the page is no longer ours: forget it.
 */
async function networkFirstPage(request: Request, pathname: string): Promise<Response> {
	const cache = await caches.open(PAGE_CACHE);
	const kept = await cache.match(pathname);
	let response: Response;
	try {
		response = await fetch(request);
	} catch (error) {
		if (kept) return kept;
		throw error;
	}
	if (!kept) return response;
	if (isStorable(response)) await cache.put(pathname, response.clone());
	else if (isRefusal(response)) await cache.delete(pathname);
	else if (response.status >= 500) return kept;
	return response;
}

async function storePage(pathname: string): Promise<void> {
	const response = await fetch(pathname, { credentials: 'same-origin', redirect: 'manual' });
	if (!isStorable(response)) return;
	const cache = await caches.open(PAGE_CACHE);
	await cache.put(pathname, response);
}

/** Only a plain 200 page is kept: never a redirect to the login page or an error. */
function isStorable(response: Response): boolean {
	return response.status === 200 && response.type === 'basic' && !response.redirected;
}

/** The server says the page is gone or not ours (a redirect to the login page, 403, 404). */
function isRefusal(response: Response): boolean {
	return response.type === 'opaqueredirect' || (response.status >= 400 && response.status < 500);
}
