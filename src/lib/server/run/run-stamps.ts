/**
 * Stamps of the run state: a page's data and the run-event stream name the moment they were read
 * with a stamp, so that a page whose stream opens at the stamp its data was read at knows that
 * nothing it shows has changed in between and need not fetch everything again (on a slow laptop
 * that reload landed between the first edit and its echo). A stamp is an opaque string, equal for
 * two readings exactly when no event that a stream of this person in this workshop would carry
 * happened between them: a run change of the workshop, an access change of the workshop or of the
 * person, or one of everyone. The process's random boot id keeps stamps of an earlier run of the
 * server from ever matching.
 *
 * Counting is deliberately coarse (any run change of the workshop moves every stamp of it); a
 * stamp that moved without need only costs the fetch a page made before stamps existed.
 */
import { randomUUID } from 'node:crypto';
import type { AccessChange } from '../platform/access-events.ts';

/** Event counters since the server started, per workshop and per person. */
export class RunStamps {
	readonly #boot = randomUUID().slice(0, 8);
	#everyone = 0;
	/** Every event of every kind, anywhere. */
	#total = 0;
	readonly #workshops = new Map<string, number>();
	readonly #users = new Map<string, number>();

	/** A run change of `workshopId` (timer, agenda, follow, votes, comments, locks). */
	noteRunChange(workshopId: string): void {
		this.#total++;
		bump(this.#workshops, workshopId);
	}

	/** An access change: of a workshop, of a person (everywhere or in one workshop), or of all. */
	noteAccessChange(change: AccessChange): void {
		this.#total++;
		if (change.workshopId) bump(this.#workshops, change.workshopId);
		if (change.userId) bump(this.#users, change.userId);
		if (!change.workshopId && !change.userId) this.#everyone++;
	}

	/** How many events happened since the server started (see `stampFor`'s `totalAtStart`). */
	get total(): number {
		return this.#total;
	}

	/**
	 * The current stamp of `userId`'s view of `workshopId`. `totalAtStart` is `total` when the
	 * request began, before its session and the person's rights were read: when any event happened
	 * since, what the request read may predate it, and the stamp is one no stream ever sends.
	 */
	stampFor(userId: string, workshopId: string, totalAtStart?: number): string {
		if (totalAtStart !== undefined && totalAtStart !== this.#total) return `${this.#boot}.stale`;
		const workshop = this.#workshops.get(workshopId) ?? 0;
		const user = this.#users.get(userId) ?? 0;
		return `${this.#boot}.${this.#everyone}.${workshop}.${user}`;
	}
}

function bump(counts: Map<string, number>, key: string): void {
	counts.set(key, (counts.get(key) ?? 0) + 1);
}
