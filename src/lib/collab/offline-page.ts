/**
 * Registers the service worker (src/service-worker) and asks it to keep the current page's HTML,
 * so a reload while offline still opens the document. Only document pages do this; browsers
 * without service workers (or on plain http other than localhost) simply go without.
 */

/** Where SvelteKit puts the built worker (the app has no base path). */
const SERVICE_WORKER_URL = '/service-worker.js';

/** Keeps `url` (a same-origin page) available for offline reloads; never throws. */
export async function keepPageAvailableOffline(url: string): Promise<void> {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	try {
		// A module worker, as SvelteKit builds it (and as it would register it itself).
		await navigator.serviceWorker.register(SERVICE_WORKER_URL, { type: 'module' });
		const registration = await navigator.serviceWorker.ready;
		registration.active?.postMessage({ type: 'keep-page', url });
	} catch (error) {
		// Editing works without it; only a reload while offline will not.
		console.warn('offline page support unavailable', error);
	}
}
