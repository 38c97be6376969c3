/** Identifiers of the items inside a template (areas, statements, levels, ...). */
import { z } from 'zod';
import { lazySchema } from '../lazy-schema.ts';

/** Item ids are short and URL/DOM-safe so the editor can use them in element ids and paths. */
export const templateItemIdSchema = lazySchema(() =>
	z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'template.input.invalidId' })
);

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** 16 characters of a 62-letter alphabet is about 95 bits: collisions between clients are moot. */
const ID_LENGTH = 16;

/**
 * A fresh random item id. Uses `crypto.getRandomValues`, which (unlike `randomUUID`) also works
 * on a plain-http workshop laptop, and contains no "-" so it never looks like a starter id.
 */
export function newItemId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(ID_LENGTH));
	// 248 = 4 * 62: rejecting bytes >= 248 keeps every letter equally likely.
	let id = '';
	while (id.length < ID_LENGTH) {
		for (const byte of bytes) {
			if (byte < 248 && id.length < ID_LENGTH) id += ALPHABET[byte % 62];
		}
		crypto.getRandomValues(bytes);
	}
	return id;
}
