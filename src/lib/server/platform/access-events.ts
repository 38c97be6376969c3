/**
 * Tells the collaboration server that someone's access may have changed (member removed, role or
 * phase changed) so it can re-check open sockets. The SvelteKit handler bundle and the server
 * entry each load their own copy of this module, so the emitter lives in a `globalThis` registry
 * keyed by a global symbol: both copies reach the same one.
 */
import { EventEmitter } from 'node:events';

/** What changed: a whole workshop (phase, membership) or one user everywhere (removed from org). */
export type AccessChange = { workshopId?: string; userId?: string };

const REGISTRY = Symbol.for('formvaerk.access-events');
type GlobalWithEmitter = typeof globalThis & { [REGISTRY]?: EventEmitter };

function emitter(): EventEmitter {
	const g = globalThis as GlobalWithEmitter;
	g[REGISTRY] ??= new EventEmitter();
	return g[REGISTRY];
}

/** Announces an access change; listeners run synchronously. */
export function notifyAccessChanged(change: AccessChange): void {
	emitter().emit('change', change);
}

/** Subscribes to access changes; returns the unsubscribe function. */
export function onAccessChanged(listener: (change: AccessChange) => void): () => void {
	emitter().on('change', listener);
	return () => emitter().off('change', listener);
}
