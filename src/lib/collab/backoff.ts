/**
 * Reconnect delays. y-websocket 3.1.0 backs off as 100 ms · 2^n without jitter, so after a server
 * restart every laptop in the room would knock at the same instant; we schedule reconnects
 * ourselves with "equal jitter": half the exponential step is fixed, half is random.
 */

/** First retry waits 250-500 ms: a blip on the Wi-Fi should not be noticed. */
export const RECONNECT_BASE_MS = 500;
/**
 * Longest wait between attempts. Ten seconds keeps a room of ten laptops from hammering a server
 * that is restarting, while nobody waits long once it is back.
 */
export const RECONNECT_MAX_MS = 10_000;

/**
 * The delay before reconnect attempt `attempt` (0 = first retry): uniformly random in
 * [step/2, step] where step = min(max, base · 2^attempt).
 */
export function reconnectDelay(
	attempt: number,
	options: { baseMs?: number; maxMs?: number; random?: () => number } = {}
): number {
	const { baseMs = RECONNECT_BASE_MS, maxMs = RECONNECT_MAX_MS, random = Math.random } = options;
	const step = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempt, 30)));
	return step / 2 + random() * (step / 2);
}
