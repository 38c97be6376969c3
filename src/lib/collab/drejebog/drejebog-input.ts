/**
 * Shared plumbing of the drejebog operations: the context every operation receives, and input
 * parsing that throws `ValidationError` with Danish message keys. Operations check everything
 * first and write afterwards, inside one transaction with the caller's origin, so a refused
 * operation leaves the document as it was. The list writes (insert, move) are the template's,
 * which work on any map of ordered items.
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import { ValidationError } from '#lib/domain/errors.ts';
import { fieldErrors } from '#lib/domain/schemas.ts';

import { isAt, placeEntry, requireEntry, transact } from '../template/template-input.ts';
import type { Entry } from '../template/template-doc.ts';

export {
	claimId,
	insertItem,
	isAt,
	placeEntry,
	requireEntry,
	transact
} from '../template/template-input.ts';

/**
 * Where an operation writes: the document, and the transaction origin that marks the change as
 * this user's (the per-user undo manager tracks exactly that origin).
 */
export type DrejebogContext = { doc: Y.Doc; origin: unknown };

/** Optional position in a list (0 = first); past the end means last. */
export const indexSchema = z
	.number({ error: 'drejebog.input.invalidIndex' })
	.int()
	.min(0)
	.optional();
/** Required target position of a move. */
export const toIndexSchema = z.number({ error: 'drejebog.input.invalidIndex' }).int().min(0);

/** Message keys an operation may show as they are; anything else is zod's English prose. */
const KEY_PREFIXES = ['drejebog.', 'template.'];

/**
 * Parses operation input with `schema`.
 * @throws ValidationError with field → message key when the input is bad.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const fields = fieldErrors(result.error);
	for (const [field, message] of Object.entries(fields)) {
		if (!KEY_PREFIXES.some((prefix) => message.startsWith(prefix))) {
			fields[field] = 'drejebog.input.invalid';
		}
	}
	throw new ValidationError(Object.values(fields)[0] ?? 'drejebog.input.invalid', fields);
}

/**
 * Refuses an operation for a rule that is not about the input's shape.
 * @throws ValidationError always.
 */
export function refuse(field: string, messageKey: string): never {
	throw new ValidationError(messageKey, { [field]: messageKey });
}

/**
 * Moves the item `id` of the ordered list `entries` to `toIndex`, rewriting only its order key.
 * @throws NotFoundError when it is gone.
 */
export function moveEntry(
	ctx: DrejebogContext,
	entries: readonly Entry[],
	id: string,
	toIndex: number
): void {
	const entry = requireEntry(entries, id);
	if (isAt(entries, entry, toIndex)) return;
	transact(ctx, () =>
		placeEntry(
			entry,
			entries.filter((e) => e.id !== id),
			toIndex
		)
	);
}

/**
 * Deletes the item `id` of `entries` from its map `parent`.
 * @throws NotFoundError when it is gone.
 */
export function removeEntry(
	ctx: DrejebogContext,
	parent: Y.Map<unknown>,
	entries: readonly Entry[],
	id: string
): void {
	requireEntry(entries, id);
	transact(ctx, () => parent.delete(id));
}
