/**
 * Joins a document's log tail (many small Yjs V1 updates, stored back to back) into ONE update
 * by copying bytes, so that a cold load applies one update instead of thousands. Applying
 * 10,000 one-keystroke updates costs Yjs ~2 µs each in fixed overhead (decoder, struct map,
 * pending checks) plus one Item each; `Y.mergeUpdates` is slower still (it re-sorts every input
 * per struct run). Here each update is only scanned (update-scan.ts).
 *
 * Consecutive keystrokes of one client are also merged into one struct, as Yjs merges them
 * inside a document (`Item.mergeWith`): a struct whose origin is the last character of the
 * client's previous struct, with the same right origin and mergeable content of the same kind
 * (text, JSON, any, deleted), extends that struct. Yjs's integration does not depend on how
 * items are cut (it splits an item whenever something refers into it, and the split halves get
 * exactly the origins the unmerged structs had), so the document is the same; only the number
 * of Items Yjs builds drops, from one per keystroke to one per typed run. Map entries
 * (parentSub) are never merged.
 *
 * The result holds exactly the structs and deletions of the inputs, so applying it yields the
 * same document as applying them one by one. Anything this scanner does not expect (an unknown
 * struct or content type, a client whose runs overlap or go backwards, bytes that are not an
 * update) makes it return null, and the caller applies the updates one by one as before.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import {
	BIT6,
	BITS5,
	CONTENT_ANY,
	CONTENT_DELETED,
	CONTENT_JSON,
	CONTENT_STRING,
	newStructScan,
	scanDeleteSet,
	scanStruct,
	SKIP_REF,
	type StructScan
} from './update-scan.ts';

/** Tails at least this long are joined before they are applied; shorter ones gain nothing. */
export const JOIN_TAIL_FROM = 32;

/**
 * One struct of the joined update: bytes of the log to copy, or a gap (Skip), or an item that
 * absorbed the client's following items (`pieces`).
 */
type JoinedStruct = {
	/**
	 * The struct's bytes in the log: [from, to). The header (info, origins, parent) ends at
	 * `contentFrom`; the content's payload (after its count prefix) starts at `payloadFrom`.
	 */
	from: number;
	contentFrom: number;
	payloadFrom: number;
	to: number;
	/** Content ref, or SKIP_REF for a gap. */
	ref: number;
	/** Length of a gap (Skip structs only). */
	gap: number;
	/** Whether a following struct may be merged into this one. */
	canExtend: boolean;
	rightClient: number;
	rightClock: number;
	/** Count prefix of the (merged) content: UTF-8 bytes, elements or deleted length. */
	count: number;
	/**
	 * Payload ranges [from, to) of the merged content once another struct was merged in (empty
	 * for deleted content, which has only its length); null while the struct is as stored.
	 */
	pieces: number[] | null;
};

type ClientStructs = { start: number; end: number; structs: JoinedStruct[] };

/** Content kinds whose items Yjs merges (`Content*.mergeWith` returns true). */
function isMergeableContent(ref: number): boolean {
	return (
		ref === CONTENT_STRING || ref === CONTENT_ANY || ref === CONTENT_JSON || ref === CONTENT_DELETED
	);
}

/**
 * True when the struct just scanned continues `last` the way `Item.mergeWith` requires: same
 * client (the caller's list), right after it in clock order (the caller's gap check), origin
 * on last's final clock unit, same right origin, same content kind. A struct with an origin
 * has its parent and map key from that origin (Yjs ignores its parentSub flag), so it is a map
 * entry exactly when `last` is one, and those `last.canExtend` excludes.
 */
function continues(last: JoinedStruct, scan: StructScan, client: number, clock: number): boolean {
	return (
		last.canExtend &&
		(scan.info & BITS5) === last.ref &&
		scan.originClient === client &&
		scan.originClock === clock - 1 &&
		scan.rightClient === last.rightClient &&
		(scan.rightClient === -1 || scan.rightClock === last.rightClock)
	);
}

function structFrom(scan: StructScan, from: number, to: number): JoinedStruct {
	const ref = scan.info & BITS5;
	// Every Yjs writer sets the parentSub flag on a map entry, also when its key is not written
	// (it has an origin). A hand-made update could leave it off; merging into such an entry would
	// at worst keep an overwritten map value undeleted inside the merged item, never visible.
	const isMapEntry = (scan.info & BIT6) !== 0;
	return {
		from,
		contentFrom: scan.contentFrom,
		payloadFrom: scan.payloadFrom,
		to,
		ref,
		gap: 0,
		canExtend: isMergeableContent(ref) && !isMapEntry,
		rightClient: scan.rightClient,
		rightClock: scan.rightClock,
		count: scan.count,
		pieces: null
	};
}

function extend(last: JoinedStruct, scan: StructScan, to: number): void {
	// Deleted content has no payload, only its length.
	const hasPayload = last.ref !== CONTENT_DELETED;
	last.pieces ??= hasPayload ? [last.payloadFrom, last.to] : [];
	if (hasPayload) last.pieces.push(scan.payloadFrom, to);
	last.count += scan.count;
}

/** Scans one update of the log into the per-client structs and the delete set. */
function scanUpdate(
	decoder: decoding.Decoder,
	scan: StructScan,
	clients: Map<number, ClientStructs>,
	deletes: Map<number, number[]>
): void {
	const clientCount = decoding.readVarUint(decoder);
	for (let c = 0; c < clientCount; c++) {
		const structCount = decoding.readVarUint(decoder);
		const client = decoding.readVarUint(decoder);
		let clock = decoding.readVarUint(decoder);
		let entry = clients.get(client);
		if (!entry) clients.set(client, (entry = { start: clock, end: clock, structs: [] }));
		const gap = clock - entry.end;
		// Overlapping or reordered runs would need slicing: leave those to Yjs.
		if (gap < 0) throw new RangeError('runs overlap');
		if (gap > 0) entry.structs.push(skipStruct(gap));
		for (let s = 0; s < structCount; s++) {
			const from = decoder.pos;
			const length = scanStruct(decoder, scan);
			const last = entry.structs[entry.structs.length - 1];
			if (last && continues(last, scan, client, clock)) extend(last, scan, decoder.pos);
			else entry.structs.push(structFrom(scan, from, decoder.pos));
			clock += length;
		}
		entry.end = clock;
	}
	scanDeleteSet(decoder, (client, clock, length) => {
		let list = deletes.get(client);
		if (!list) deletes.set(client, (list = []));
		list.push(clock, length);
	});
}

/** A gap in a client's clocks (a missing update), written as a Skip struct as Yjs does. */
function skipStruct(gap: number): JoinedStruct {
	return {
		from: 0,
		contentFrom: 0,
		payloadFrom: 0,
		to: 0,
		ref: SKIP_REF,
		gap,
		canExtend: false,
		rightClient: -1,
		rightClock: 0,
		count: 0,
		pieces: null
	};
}

/** Copies log[from, to) into the encoder; short ranges byte by byte (no view per keystroke). */
function copy(encoder: encoding.Encoder, log: Uint8Array, from: number, to: number): void {
	if (to - from > 32) encoding.writeUint8Array(encoder, log.subarray(from, to));
	else for (let i = from; i < to; i++) encoding.write(encoder, log[i]);
}

function writeStruct(encoder: encoding.Encoder, log: Uint8Array, struct: JoinedStruct): void {
	if (struct.ref === SKIP_REF) {
		encoding.writeUint8(encoder, SKIP_REF);
		encoding.writeVarUint(encoder, struct.gap);
		return;
	}
	const { pieces } = struct;
	if (pieces === null) {
		copy(encoder, log, struct.from, struct.to);
		return;
	}
	copy(encoder, log, struct.from, struct.contentFrom);
	encoding.writeVarUint(encoder, struct.count);
	for (let i = 0; i < pieces.length; i += 2) copy(encoder, log, pieces[i], pieces[i + 1]);
}

/**
 * The updates stored back to back in `log`, joined into one V1 update, or null when they cannot
 * be joined safely (the caller then applies them one by one). Runs of one client must follow
 * each other in clock order; a gap between them (a missing update) becomes a Skip struct, as in
 * Yjs's own merged updates.
 */
export function joinLog(log: Uint8Array): Uint8Array | null {
	const clients = new Map<number, ClientStructs>();
	const deletes = new Map<number, number[]>();
	const decoder = decoding.createDecoder(log);
	const scan = newStructScan();
	try {
		while (decoding.hasContent(decoder)) scanUpdate(decoder, scan, clients, deletes);
	} catch {
		return null;
	}
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, clients.size);
	for (const [client, entry] of clients) {
		encoding.writeVarUint(encoder, entry.structs.length);
		encoding.writeVarUint(encoder, client);
		encoding.writeVarUint(encoder, entry.start);
		for (const struct of entry.structs) writeStruct(encoder, log, struct);
	}
	encoding.writeVarUint(encoder, deletes.size);
	for (const [client, ranges] of deletes) {
		encoding.writeVarUint(encoder, client);
		encoding.writeVarUint(encoder, ranges.length / 2);
		for (const value of ranges) encoding.writeVarUint(encoder, value);
	}
	return encoding.toUint8Array(encoder);
}
