/**
 * What the server is known to store, built only from what it sent us: its state vector (sync
 * step 1 when we join), the full delete set in every sync step 2, and every update it broadcasts.
 * The server broadcasts an update to everyone, its author included, only after the update is in
 * its log, and it loses nothing it has sent (issue 3, "durable before broadcast"). So once this
 * state contains everything in our document, all our edits are stored: "Gemt".
 *
 * It compares document content, not message counts, so it needs no timing assumptions: merged
 * broadcasts, edits that were already on the server (sent before a reload) and deletions someone
 * else made at the same time all come out right.
 */
import * as Y from 'yjs';

/** A lower bound of the server's stored state of one document. */
export class ServerState {
	#stateVector = new Map<number, number>();
	#deleteSet = Y.createDeleteSet();

	/** The server told us its state vector (its sync step 1). */
	noteStateVector(encodedStateVector: Uint8Array): void {
		for (const [client, clock] of Y.decodeStateVector(encodedStateVector)) {
			this.#raise(client, clock);
		}
	}

	/**
	 * The server sent an update or a sync step 2: everything in it is stored. One decoding gives
	 * both the insertions' ends and the deletions (the whole document in a sync step 2 took a
	 * noticeable part of the template page's start on a slow laptop when decoded twice).
	 */
	noteUpdate(update: Uint8Array): void {
		const { structs, ds } = Y.decodeUpdate(update);
		for (const struct of structs) this.#raise(struct.id.client, struct.id.clock + struct.length);
		if (ds.clients.size > 0) this.#deleteSet = Y.mergeDeleteSets([this.#deleteSet, ds]);
	}

	/** True when the server stores every insertion and deletion that `doc` contains. */
	hasAllOf(doc: Y.Doc): boolean {
		const local = Y.snapshot(doc);
		for (const [client, clock] of local.sv) {
			if ((this.#stateVector.get(client) ?? 0) < clock) return false;
		}
		const merged = Y.mergeDeleteSets([this.#deleteSet, local.ds]);
		return Y.equalDeleteSets(this.#deleteSet, merged);
	}

	#raise(client: number, clock: number): void {
		if ((this.#stateVector.get(client) ?? 0) < clock) this.#stateVector.set(client, clock);
	}
}
