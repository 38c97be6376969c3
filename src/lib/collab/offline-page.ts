/**
 * Asks the service worker (src/service-worker) to keep the current page's HTML, so a reload
 * while offline still opens the document. Without a service worker this does nothing.
 */

/** Keeps `url` (a same-origin page) available for offline reloads. */
export async function keepPageAvailableOffline(url: string): Promise<void> {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	const registration = await navigator.serviceWorker.ready;
	registration.active?.postMessage({ type: 'keep-page', url });
}
