/**
 * Join codes for a rollout session: short enough to read aloud and type on a phone, and
 * unambiguous when read aloud or handwritten. The alphabet leaves out 0/O, 1/I/L (and so l) and
 * U/V; people may type lower case, spaces and dashes, which `normalizeJoinCode` removes.
 * Codes come from the platform's cryptographic random source; guessing is stopped by the
 * server's throttle, not by the code's length alone.
 */

/** 29 characters nobody confuses when reading aloud or writing by hand. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';
/** 29^6 ≈ 595 million codes, against a handful of open sessions and a throttled guesser. */
export const JOIN_CODE_LENGTH = 6;

/** Fills a byte array with random values (crypto.getRandomValues); injectable for tests. */
export type RandomBytes = (bytes: Uint8Array<ArrayBuffer>) => Uint8Array;

const cryptoRandom: RandomBytes = (bytes) => {
	globalThis.crypto.getRandomValues(bytes);
	return bytes;
};

/**
 * A new join code. Bytes at or above the largest multiple of the alphabet's size are drawn
 * again, so every character is equally likely (no modulo bias).
 */
export function newJoinCode(random: RandomBytes = cryptoRandom): string {
	const size = JOIN_CODE_ALPHABET.length;
	const limit = 256 - (256 % size);
	let code = '';
	while (code.length < JOIN_CODE_LENGTH) {
		for (const byte of random(new Uint8Array(JOIN_CODE_LENGTH * 2))) {
			if (byte < limit && code.length < JOIN_CODE_LENGTH) code += JOIN_CODE_ALPHABET[byte % size];
		}
	}
	return code;
}

/**
 * A code as typed ("abc 2-34") in its stored form ("ABC234"), or null when it cannot be a code
 * (wrong length or a character outside the alphabet), so such input never reaches the database.
 */
export function normalizeJoinCode(input: string): string | null {
	const code = input.replace(/[\s-]/g, '').toUpperCase();
	if (code.length !== JOIN_CODE_LENGTH) return null;
	for (const char of code) if (!JOIN_CODE_ALPHABET.includes(char)) return null;
	return code;
}

/** The code grouped for reading aloud: "ABC 234". */
export function formatJoinCode(code: string): string {
	const half = Math.ceil(code.length / 2);
	return `${code.slice(0, half)} ${code.slice(half)}`;
}
