/**
 * Joins a document's log tail (many small Yjs V1 updates) into ONE update by copying bytes, so
 * that a cold load applies one update instead of thousands. Applying 10,000 one-keystroke
 * updates costs Yjs ~2 µs each in fixed overhead (decoder, struct map, pending checks);
 * `Y.mergeUpdates` is slower still (it re-sorts every input per struct run). Here each update is
 * only scanned: its structs are skipped over without being built, and consecutive runs of one
 * client are copied into that client's block.
 *
 * The result holds exactly the structs and deletions of the inputs, so applying it yields the
 * same document as applying them one by one. Anything this scanner does not expect (an unknown
 * struct or content type, a client whose runs overlap or go backwards, trailing bytes) makes it
 * return null, and the caller applies the updates one by one as before.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

const BIT6 = 0x20;
const BIT7 = 0x40;
const BIT8 = 0x80;
const BITS5 = 0x1f;
/** Yjs struct refs (structGCRefNumber, structSkipRefNumber). */
const GC_REF = 0;
const SKIP_REF = 10;
/** Yjs type refs whose ContentType carries a name (YXmlElement, YXmlHook). */
const XML_ELEMENT_REF = 3;
const XML_HOOK_REF = 5;

/** One client's structs in one update: bytes to copy and the clock range they cover. */
type Run = { structs: number; start: number; end: number; bytes: Uint8Array };

class Unsupported extends Error {}

/** Skips a V1 var-string and returns its length in UTF-16 code units (Yjs string length). */
function skipStringUtf16(decoder: decoding.Decoder): number {
	const byteLength = decoding.readVarUint(decoder);
	const end = decoder.pos + byteLength;
	if (end > decoder.arr.length) throw new Unsupported('string past end');
	let units = 0;
	for (let i = decoder.pos; i < end; i++) {
		const byte = decoder.arr[i];
		// A lead byte starts a code point; four-byte sequences are surrogate pairs in UTF-16.
		if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
	}
	decoder.pos = end;
	return units;
}

function skipBytes(decoder: decoding.Decoder): void {
	const length = decoding.readVarUint(decoder);
	decoder.pos += length;
	if (decoder.pos > decoder.arr.length) throw new Unsupported('bytes past end');
}

/** Skips an Item's content (after its info byte and origins) and returns the Item's length. */
function skipContent(decoder: decoding.Decoder, ref: number): number {
	switch (ref) {
		case 1: // ContentDeleted
			return decoding.readVarUint(decoder);
		case 2: {
			// ContentJSON
			const length = decoding.readVarUint(decoder);
			for (let i = 0; i < length; i++) skipBytes(decoder);
			return length;
		}
		case 3: // ContentBinary
			skipBytes(decoder);
			return 1;
		case 4: // ContentString
			return skipStringUtf16(decoder);
		case 5: // ContentEmbed
			skipBytes(decoder);
			return 1;
		case 6: // ContentFormat: key, JSON value
			skipBytes(decoder);
			skipBytes(decoder);
			return 1;
		case 7: {
			// ContentType
			const typeRef = decoding.readVarUint(decoder);
			if (typeRef === XML_ELEMENT_REF || typeRef === XML_HOOK_REF) skipBytes(decoder);
			else if (typeRef > 6) throw new Unsupported(`type ref ${typeRef}`);
			return 1;
		}
		case 8: {
			// ContentAny
			const length = decoding.readVarUint(decoder);
			for (let i = 0; i < length; i++) decoding.readAny(decoder);
			return length;
		}
		case 9: // ContentDoc: guid, options
			skipBytes(decoder);
			decoding.readAny(decoder);
			return 1;
		default:
			throw new Unsupported(`content ref ${ref}`);
	}
}

/** Skips one struct and returns its length (clock units). */
function skipStruct(decoder: decoding.Decoder): number {
	const info = decoding.readUint8(decoder);
	const ref = info & BITS5;
	if (ref === GC_REF || ref === SKIP_REF) return decoding.readVarUint(decoder);
	if (info & BIT8) {
		decoding.readVarUint(decoder);
		decoding.readVarUint(decoder);
	}
	if (info & BIT7) {
		decoding.readVarUint(decoder);
		decoding.readVarUint(decoder);
	}
	if ((info & (BIT7 | BIT8)) === 0) {
		// Parent: a root type's name, or the id of the item holding the parent type.
		if (decoding.readVarUint(decoder) === 1) skipBytes(decoder);
		else {
			decoding.readVarUint(decoder);
			decoding.readVarUint(decoder);
		}
		if (info & BIT6) skipBytes(decoder);
	}
	return skipContent(decoder, ref);
}

/**
 * One update or null when nothing needs joining; throws Unsupported for input it cannot join.
 * `runs` collects struct runs per client, `deletes` the delete-set ranges per client.
 */
function scan(update: Uint8Array, runs: Map<number, Run[]>, deletes: Map<number, number[]>): void {
	const decoder = decoding.createDecoder(update);
	const clients = decoding.readVarUint(decoder);
	for (let c = 0; c < clients; c++) {
		const structs = decoding.readVarUint(decoder);
		const client = decoding.readVarUint(decoder);
		const start = decoding.readVarUint(decoder);
		const from = decoder.pos;
		let end = start;
		for (let s = 0; s < structs; s++) end += skipStruct(decoder);
		if (decoder.pos > update.length) throw new Unsupported('struct past end');
		let list = runs.get(client);
		if (!list) runs.set(client, (list = []));
		list.push({ structs, start, end, bytes: update.subarray(from, decoder.pos) });
	}
	const deleteClients = decoding.readVarUint(decoder);
	for (let c = 0; c < deleteClients; c++) {
		const client = decoding.readVarUint(decoder);
		const ranges = decoding.readVarUint(decoder);
		let list = deletes.get(client);
		if (!list) deletes.set(client, (list = []));
		for (let r = 0; r < ranges; r++) {
			list.push(decoding.readVarUint(decoder), decoding.readVarUint(decoder));
		}
	}
	if (decoding.hasContent(decoder)) throw new Unsupported('trailing bytes');
}

/**
 * The updates joined into one V1 update, or null when they cannot be joined safely (the caller
 * then applies them one by one). Runs of one client must follow each other in clock order; a
 * gap between them (a missing update) becomes a Skip struct, as in Yjs's own merged updates.
 */
export function concatUpdates(updates: Uint8Array[]): Uint8Array | null {
	const runs = new Map<number, Run[]>();
	const deletes = new Map<number, number[]>();
	try {
		for (const update of updates) scan(update, runs, deletes);
	} catch {
		return null;
	}
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, runs.size);
	for (const [client, list] of runs) {
		let structs = 0;
		for (let i = 0; i < list.length; i++) {
			structs += list[i].structs;
			if (i === 0) continue;
			const gap = list[i].start - list[i - 1].end;
			// Overlapping or reordered runs would need slicing: leave those to Yjs.
			if (gap < 0) return null;
			if (gap > 0) structs++;
		}
		encoding.writeVarUint(encoder, structs);
		encoding.writeVarUint(encoder, client);
		encoding.writeVarUint(encoder, list[0].start);
		for (let i = 0; i < list.length; i++) {
			const gap = i === 0 ? 0 : list[i].start - list[i - 1].end;
			if (gap > 0) {
				encoding.writeUint8(encoder, SKIP_REF);
				encoding.writeVarUint(encoder, gap);
			}
			encoding.writeUint8Array(encoder, list[i].bytes);
		}
	}
	encoding.writeVarUint(encoder, deletes.size);
	for (const [client, ranges] of deletes) {
		encoding.writeVarUint(encoder, client);
		encoding.writeVarUint(encoder, ranges.length / 2);
		for (const value of ranges) encoding.writeVarUint(encoder, value);
	}
	return encoding.toUint8Array(encoder);
}

/**
 * The state vector of a whole-document update (a stored snapshot: every client from clock 0),
 * found by skipping over its structs, or null for anything else (a gap, an unexpected struct).
 * For a 5.5 MB editor document this takes a few milliseconds where building the Y.Doc takes
 * 200-350 ms, so a worker can answer sync step 1 before (or without) building the document.
 */
export function snapshotStateVector(snapshot: Uint8Array): Uint8Array | null {
	const decoder = decoding.createDecoder(snapshot);
	const clocks: [number, number][] = [];
	try {
		const clients = decoding.readVarUint(decoder);
		for (let c = 0; c < clients; c++) {
			const structs = decoding.readVarUint(decoder);
			const client = decoding.readVarUint(decoder);
			let clock = decoding.readVarUint(decoder);
			if (clock !== 0) return null;
			for (let s = 0; s < structs; s++) {
				if ((decoder.arr[decoder.pos] & BITS5) === SKIP_REF) return null;
				clock += skipStruct(decoder);
			}
			clocks.push([client, clock]);
		}
		const deleteClients = decoding.readVarUint(decoder);
		for (let c = 0; c < deleteClients; c++) {
			decoding.readVarUint(decoder);
			const ranges = decoding.readVarUint(decoder);
			for (let r = 0; r < 2 * ranges; r++) decoding.readVarUint(decoder);
		}
		if (decoding.hasContent(decoder) || decoder.pos > snapshot.length) return null;
	} catch {
		return null;
	}
	// Yjs writes state vectors highest client first.
	clocks.sort((a, b) => b[0] - a[0]);
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, clocks.length);
	for (const [client, clock] of clocks) {
		encoding.writeVarUint(encoder, client);
		encoding.writeVarUint(encoder, clock);
	}
	return encoding.toUint8Array(encoder);
}
