/**
 * A token bucket: `rate` tokens per second refill up to `burst`. Each connection has one for
 * messages and one for bytes, so a client may type in bursts but cannot flood the room.
 */
export class TokenBucket {
	private tokens: number;
	private last: number;
	private readonly rate: number;
	private readonly burst: number;

	constructor(rate: number, burst: number, now = performance.now()) {
		this.rate = rate;
		this.burst = burst;
		this.tokens = burst;
		this.last = now;
	}

	/** Takes `cost` tokens; false (taking none) when there are not enough. */
	take(cost: number, now = performance.now()): boolean {
		this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
		this.last = now;
		if (this.tokens < cost) return false;
		this.tokens -= cost;
		return true;
	}
}
