/**
 * Reading Yjs V1 updates without building them: each struct is skipped over and only what the
 * caller needs is noted (its clock length, its origins, where its content lies). Used to join a
 * log tail into one update (update-concat.ts), to split a log of back-to-back updates, and to
 * read a snapshot's state vector, each far cheaper than letting Yjs build the structs.
 *
 * The scanner mirrors Yjs's own reader (`readItem`, `readItemContent` in Yjs 13.6) struct by
 * struct. Anything it does not know raises `Unsupported`, and callers then fall back to Yjs.
 * Strings are counted in UTF-16 code units from their UTF-8 bytes, which is exact for valid
 * UTF-8: every stored update passed `Y.decodeUpdate`, whose string decoder (lib0) is fatal on
 * invalid UTF-8, so no other bytes reach the log.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export const BIT6 = 0x20;
export const BIT7 = 0x40;
export const BIT8 = 0x80;
export const BITS5 = 0x1f;
/** Yjs struct refs (structGCRefNumber, structSkipRefNumber). */
export const GC_REF = 0;
export const SKIP_REF = 10;
/** Yjs content refs whose contents Yjs merges when two items join (`mergeWith`). */
export const CONTENT_DELETED = 1;
export const CONTENT_JSON = 2;
export const CONTENT_STRING = 4;
export const CONTENT_ANY = 8;
/** Yjs type refs whose ContentType carries a name (YXmlElement, YXmlHook). */
const XML_ELEMENT_REF = 3;
const XML_HOOK_REF = 5;
const LAST_TYPE_REF = 6;

/** Input the scanner does not read the way Yjs would, or that is not a well-formed update. */
export class Unsupported extends Error {}

/**
 * What scanning one struct found. One object is reused for every struct of a scan, so scanning
 * allocates nothing per struct.
 */
export type StructScan = {
	/** The info byte: content ref in the low five bits, origin/right origin/parentSub flags. */
	info: number;
	/** Clock units the struct covers. */
	length: number;
	/** The origin's id, or client -1 when the struct has none. */
	originClient: number;
	originClock: number;
	/** The right origin's id, or client -1 when the struct has none. */
	rightClient: number;
	rightClock: number;
	/** Offset where the content starts (after info byte, origins and parent info). */
	contentFrom: number;
	/** Offset of the content's payload, after its count prefix (strings, arrays, JSON). */
	payloadFrom: number;
	/** The count prefix: UTF-8 bytes of a string, elements of ContentAny/JSON, deleted length. */
	count: number;
};

export function newStructScan(): StructScan {
	return {
		info: 0,
		length: 0,
		originClient: -1,
		originClock: 0,
		rightClient: -1,
		rightClock: 0,
		contentFrom: 0,
		payloadFrom: 0,
		count: 0
	};
}

function skipBytes(decoder: decoding.Decoder, length: number): void {
	decoder.pos += length;
	if (decoder.pos > decoder.arr.length) throw new Unsupported('bytes past end');
}

/** Skips a length-prefixed byte string (lib0's var-uint8-array and var-string). */
function skipVarBytes(decoder: decoding.Decoder): void {
	skipBytes(decoder, decoding.readVarUint(decoder));
}

/** Skips one value in lib0's `writeAny` format (lib0 reads it; strings in it are checked). */
function skipAny(decoder: decoding.Decoder): void {
	decoding.readAny(decoder);
	// lib0 reads a byte array as a view, which past our end could reach into a larger buffer.
	if (decoder.pos > decoder.arr.length) throw new Unsupported('value past end');
}

/** Skips a V1 var-string and returns its length in UTF-16 code units (Yjs string length). */
function skipStringUtf16(decoder: decoding.Decoder, out: StructScan): number {
	const byteLength = decoding.readVarUint(decoder);
	const from = decoder.pos;
	skipBytes(decoder, byteLength);
	out.payloadFrom = from;
	out.count = byteLength;
	const bytes = decoder.arr;
	let units = 0;
	for (let i = from; i < decoder.pos; i++) {
		const byte = bytes[i];
		// A lead byte starts a code point; four-byte sequences are surrogate pairs in UTF-16.
		if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
	}
	return units;
}

/** Skips a count-prefixed list of elements (ContentJSON, ContentAny); returns the count. */
function skipElements(
	decoder: decoding.Decoder,
	out: StructScan,
	skipElement: (decoder: decoding.Decoder) => void
): number {
	const count = decoding.readVarUint(decoder);
	out.payloadFrom = decoder.pos;
	out.count = count;
	for (let i = 0; i < count; i++) skipElement(decoder);
	return count;
}

/** Skips an Item's content (after its header) and returns the Item's length. */
function skipContent(decoder: decoding.Decoder, ref: number, out: StructScan): number {
	switch (ref) {
		case CONTENT_DELETED:
			out.count = decoding.readVarUint(decoder);
			return out.count;
		case CONTENT_JSON: // JSON texts
			return skipElements(decoder, out, skipVarBytes);
		case 3: // ContentBinary
			skipVarBytes(decoder);
			return 1;
		case CONTENT_STRING:
			return skipStringUtf16(decoder, out);
		case 5: // ContentEmbed
			skipVarBytes(decoder);
			return 1;
		case 6: // ContentFormat: key, JSON value
			skipVarBytes(decoder);
			skipVarBytes(decoder);
			return 1;
		case 7: {
			// ContentType
			const typeRef = decoding.readVarUint(decoder);
			if (typeRef === XML_ELEMENT_REF || typeRef === XML_HOOK_REF) skipVarBytes(decoder);
			else if (typeRef > LAST_TYPE_REF) throw new Unsupported(`type ref ${typeRef}`);
			return 1;
		}
		case CONTENT_ANY: // lib0 `any` values
			return skipElements(decoder, out, skipAny);
		case 9: // ContentDoc: guid, options
			skipVarBytes(decoder);
			skipAny(decoder);
			return 1;
		default:
			throw new Unsupported(`content ref ${ref}`);
	}
}

/** Skips one struct, noting what `out` describes, and returns its length (clock units). */
export function scanStruct(decoder: decoding.Decoder, out: StructScan): number {
	const info = decoding.readUint8(decoder);
	const ref = info & BITS5;
	out.info = info;
	out.originClient = -1;
	out.rightClient = -1;
	out.count = 0;
	if (ref === GC_REF || ref === SKIP_REF) {
		out.length = decoding.readVarUint(decoder);
		out.contentFrom = out.payloadFrom = decoder.pos;
		return out.length;
	}
	if (info & BIT8) {
		out.originClient = decoding.readVarUint(decoder);
		out.originClock = decoding.readVarUint(decoder);
	}
	if (info & BIT7) {
		out.rightClient = decoding.readVarUint(decoder);
		out.rightClock = decoding.readVarUint(decoder);
	}
	if ((info & (BIT7 | BIT8)) === 0) {
		// Parent: a root type's name, or the id of the item holding the parent type.
		if (decoding.readVarUint(decoder) === 1) skipVarBytes(decoder);
		else {
			decoding.readVarUint(decoder);
			decoding.readVarUint(decoder);
		}
		if (info & BIT6) skipVarBytes(decoder);
	}
	out.contentFrom = out.payloadFrom = decoder.pos;
	out.length = skipContent(decoder, ref, out);
	return out.length;
}

/** Reads a V1 delete set, calling `range` for each deleted range. */
export function scanDeleteSet(
	decoder: decoding.Decoder,
	range: (client: number, clock: number, length: number) => void
): void {
	const clients = decoding.readVarUint(decoder);
	for (let c = 0; c < clients; c++) {
		const client = decoding.readVarUint(decoder);
		const ranges = decoding.readVarUint(decoder);
		for (let r = 0; r < ranges; r++) {
			range(client, decoding.readVarUint(decoder), decoding.readVarUint(decoder));
		}
	}
}

/** Skips one whole update (structs and delete set) starting at the decoder's position. */
function skipUpdate(decoder: decoding.Decoder, scan: StructScan): void {
	const clients = decoding.readVarUint(decoder);
	for (let c = 0; c < clients; c++) {
		const structs = decoding.readVarUint(decoder);
		decoding.readVarUint(decoder);
		decoding.readVarUint(decoder);
		for (let s = 0; s < structs; s++) scanStruct(decoder, scan);
	}
	scanDeleteSet(decoder, () => undefined);
}

/**
 * Splits a log of back-to-back updates into views of each. `unreadableFrom` is the offset of
 * the first bytes that do not scan as an update (null when all do); what follows them cannot be
 * told apart and is not returned.
 */
export function splitLog(log: Uint8Array): {
	updates: Uint8Array[];
	unreadableFrom: number | null;
} {
	const decoder = decoding.createDecoder(log);
	const scan = newStructScan();
	const updates: Uint8Array[] = [];
	while (decoding.hasContent(decoder)) {
		const from = decoder.pos;
		try {
			skipUpdate(decoder, scan);
		} catch {
			return { updates, unreadableFrom: from };
		}
		updates.push(log.subarray(from, decoder.pos));
	}
	return { updates, unreadableFrom: null };
}

/**
 * The state vector of a whole-document update (a stored snapshot: every client from clock 0),
 * found by skipping over its structs, or null for anything else (a gap, an unexpected struct).
 * For a 5.5 MB editor document this takes a few milliseconds where building the Y.Doc takes
 * 200-350 ms, so a worker can answer sync step 1 before (or without) building the document.
 */
export function snapshotStateVector(snapshot: Uint8Array): Uint8Array | null {
	const decoder = decoding.createDecoder(snapshot);
	const scan = newStructScan();
	const clocks: [number, number][] = [];
	try {
		const clients = decoding.readVarUint(decoder);
		for (let c = 0; c < clients; c++) {
			const structs = decoding.readVarUint(decoder);
			const client = decoding.readVarUint(decoder);
			let clock = decoding.readVarUint(decoder);
			if (clock !== 0) return null;
			for (let s = 0; s < structs; s++) {
				if ((snapshot[decoder.pos] & BITS5) === SKIP_REF) return null;
				clock += scanStruct(decoder, scan);
			}
			clocks.push([client, clock]);
		}
		scanDeleteSet(decoder, () => undefined);
		if (decoding.hasContent(decoder)) return null;
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
