/**
 * Shared plumbing of the template operations: the context every operation receives, input
 * parsing that throws `ValidationError` with Danish message keys, and the list writes (insert,
 * move) built on order keys. Operations check everything first and write afterwards, inside one
 * transaction, so a refused operation leaves the document byte-for-byte as it was.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { lazySchema } from '#lib/domain/lazy-schema.ts';
import { NotFoundError, ValidationError } from '#lib/domain/errors.ts';
import { fieldErrors } from '#lib/domain/schemas.ts';
import { newItemId, templateItemIdSchema } from '#lib/domain/template/ids.ts';
import { normalizeLabel } from '#lib/domain/template/validate.ts';
import { placeAt, type Ordered } from '../order-keys.ts';
import { FIELD, readText, type Entry, type ItemMap } from './template-doc.ts';

/**
 * Where an operation writes: the document, and the transaction origin that marks the change as
 * this user's (the per-user undo manager tracks exactly that origin).
 */
export type TemplateContext = { doc: Y.Doc; origin: unknown };

/** Optional position in a list (0 = first); past the end means last. */
export const indexSchema = lazySchema(() =>
	z.number({ error: 'template.input.invalidIndex' }).int().min(0).optional()
);
/** Required target position of a move. */
export const toIndexSchema = lazySchema(() =>
	z.number({ error: 'template.input.invalidIndex' }).int().min(0)
);
/** Optional id for a new item, for callers that want to focus it right away. */
export const newIdSchema = lazySchema(() => templateItemIdSchema.optional());

/**
 * Parses operation input with `schema`.
 * @throws ValidationError with field → message key when the input is bad.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const fields = fieldErrors(result.error);
	// Zod's own messages (wrong type, bad union) are English prose, not keys: show a generic key.
	for (const [field, message] of Object.entries(fields)) {
		if (!message.startsWith('template.')) fields[field] = 'template.input.invalid';
	}
	throw new ValidationError(Object.values(fields)[0] ?? 'template.input.invalid', fields);
}

/**
 * Refuses an operation for a rule that is not about the input's shape.
 * @throws ValidationError always.
 */
export function refuse(field: string, messageKey: string): never {
	throw new ValidationError(messageKey, { [field]: messageKey });
}

/**
 * The entry with `id`, which usually is missing because someone else just removed it.
 * @throws NotFoundError when there is no such visible item.
 */
export function requireEntry(entries: readonly Entry[], id: string): Entry {
	const entry = entries.find((e) => e.id === id);
	if (!entry) throw new NotFoundError('template.input.gone');
	return entry;
}

/**
 * Refuses a label another item of the same list already has (ignoring case and spaces).
 * @throws ValidationError with `template.input.duplicateLabel`.
 */
export function assertUniqueLabel(options: {
	entries: readonly Entry[];
	label: string;
	exceptId?: string;
	field?: string;
	key?: string;
}): void {
	const wanted = normalizeLabel(options.label);
	const fieldName = options.key ?? FIELD.label;
	const clash = options.entries.some(
		(e) => e.id !== options.exceptId && normalizeLabel(readText(e.map, fieldName)) === wanted
	);
	if (clash) refuse(options.field ?? 'label', 'template.input.duplicateLabel');
}

/**
 * The id for a new item: the caller's (if free) or a fresh one.
 * @throws ValidationError when the caller's id is already used in `parent`.
 */
export function claimId(parent: Y.Map<unknown>, wanted: string | undefined): string {
	if (wanted === undefined) return newItemId();
	if (parent.has(wanted)) refuse('id', 'template.input.idTaken');
	return wanted;
}

function applyRekeys(entries: readonly Entry[], rekeyed: readonly Ordered[]): void {
	for (const { id, order } of rekeyed) {
		entries.find((e) => e.id === id)?.map.set(FIELD.order, order);
	}
}

/** Runs `write` as one transaction with the context's origin. */
export function transact(ctx: TemplateContext, write: () => void): void {
	ctx.doc.transact(write, ctx.origin);
}

/**
 * Creates an item map under `parent` at `index` among `siblings` and sets `fields` on it. Call
 * inside a transaction; nested shared types in `fields` are set after the map is integrated.
 */
export function insertItem(options: {
	parent: Y.Map<unknown>;
	siblings: readonly Entry[];
	index: number | undefined;
	id: string;
	fields: Record<string, unknown>;
}): ItemMap {
	const { key, rekeyed } = placeAt(options.siblings, options.index ?? options.siblings.length);
	applyRekeys(options.siblings, rekeyed);
	const map = new Y.Map<unknown>();
	options.parent.set(options.id, map);
	map.set(FIELD.order, key);
	for (const [name, value] of Object.entries(options.fields)) {
		if (value !== undefined) map.set(name, value);
	}
	return map;
}

/** True when `entry` already sits at `toIndex` of `entries` (so a move would change nothing). */
export function isAt(entries: readonly Entry[], entry: Entry, toIndex: number): boolean {
	const clamped = Math.min(toIndex, entries.length - 1);
	return entries[clamped]?.id === entry.id;
}

/**
 * Gives `entry` an order key that puts it at `toIndex` among `siblings` (which exclude it).
 * Only its own key changes, unless neighbours tie and must be re-spaced. Call inside a transaction.
 */
export function placeEntry(entry: Entry, siblings: readonly Entry[], toIndex: number): void {
	const { key, rekeyed } = placeAt(siblings, toIndex);
	applyRekeys(siblings, rekeyed);
	entry.map.set(FIELD.order, key);
}

/**
 * Moves the item `id` of `entries` (one list, in order) to `toIndex`, in one transaction; does
 * nothing when it is there already.
 * @throws NotFoundError when there is no such visible item.
 */
export function moveEntry(
	ctx: TemplateContext,
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

/** A new, empty rich-text fragment to store in an item. */
export function newFragment(): Y.XmlFragment {
	return new Y.XmlFragment();
}
