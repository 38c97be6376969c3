/**
 * Named operations on the signers: everyone who signs the læringsbevis, by role ("Sagsbehandler"),
 * each optionally the same person as one of the raters. Signers need not rate and raters need not
 * sign. A signer's label is a `Y.Text` that the editor binds for live typing.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { lazySchema } from '#lib/domain/lazy-schema.ts';
import { MAX_SIGNERS } from '#lib/domain/limits.ts';
import { templateItemIdSchema } from '#lib/domain/template/ids.ts';
import {
	addSignerInputFor,
	updateSignerInputFor,
	type addSignerInputSchema,
	type updateSignerInputSchema
} from '#lib/domain/template/inputs.ts';
import {
	FIELD,
	docStarterId,
	entriesOf,
	readText,
	templateRoots,
	writeText
} from './template-doc.ts';
import {
	assertUniqueLabel,
	claimId,
	insertItem,
	moveEntry,
	parseInput,
	refuse,
	requireEntry,
	toIndexSchema,
	transact,
	type TemplateContext
} from './template-input.ts';
import { readTemplate } from './template-read.ts';

function signerEntries(ctx: TemplateContext) {
	return entriesOf(templateRoots(ctx.doc).signerList, docStarterId(ctx.doc));
}

export type AddSignerInput = z.input<typeof addSignerInputSchema>;

/**
 * Adds a signer and returns its id.
 * @throws ValidationError for an empty, too long or duplicate label, too many signers, or a rater
 * the template does not have.
 */
export function addSigner(ctx: TemplateContext, input: AddSignerInput): string {
	const { label, raterId, index, id } = parseInput(addSignerInputFor(readTemplate(ctx.doc)), input);
	const parent = templateRoots(ctx.doc).signerList;
	const entries = signerEntries(ctx);
	if (entries.length >= MAX_SIGNERS) refuse('label', 'template.input.tooManyItems');
	assertUniqueLabel({ entries, label });
	const signerId = claimId(parent, id);
	transact(ctx, () => {
		const fields = { [FIELD.label]: new Y.Text(label), [FIELD.raterId]: raterId ?? null };
		insertItem({ parent, siblings: entries, index, id: signerId, fields });
	});
	return signerId;
}

export type UpdateSignerInput = z.input<typeof updateSignerInputSchema>;

/**
 * Renames a signer and/or says which rater (if any) the signer is.
 * @throws ValidationError for a bad or duplicate label or an unknown rater; NotFoundError when
 * the signer is gone.
 */
export function updateSigner(ctx: TemplateContext, input: UpdateSignerInput): void {
	const { signerId, label, raterId } = parseInput(
		updateSignerInputFor(readTemplate(ctx.doc)),
		input
	);
	const entries = signerEntries(ctx);
	const entry = requireEntry(entries, signerId);
	if (label !== undefined) assertUniqueLabel({ entries, label, exceptId: signerId });
	transact(ctx, () => {
		if (label !== undefined) writeText(entry.map, FIELD.label, label);
		if (raterId !== undefined && entry.map.get(FIELD.raterId) !== raterId) {
			entry.map.set(FIELD.raterId, raterId);
		}
	});
}

const moveSignerSchema = lazySchema(() =>
	z.object({ signerId: templateItemIdSchema, toIndex: toIndexSchema })
);
export type MoveSignerInput = z.input<typeof moveSignerSchema>;

/** Moves a signer to `toIndex` (print order). @throws NotFoundError */
export function moveSigner(ctx: TemplateContext, input: MoveSignerInput): void {
	const { signerId, toIndex } = parseInput(moveSignerSchema, input);
	moveEntry(ctx, signerEntries(ctx), signerId, toIndex);
}

const removeSignerSchema = lazySchema(() => z.object({ signerId: templateItemIdSchema }));

/** Removes a signer. @throws NotFoundError */
export function removeSigner(
	ctx: TemplateContext,
	input: z.input<typeof removeSignerSchema>
): void {
	const { signerId } = parseInput(removeSignerSchema, input);
	requireEntry(signerEntries(ctx), signerId);
	transact(ctx, () => templateRoots(ctx.doc).signerList.delete(signerId));
}

const setSignerSchema = lazySchema(() =>
	z.object({ raterId: templateItemIdSchema, isSigner: z.boolean() })
);

/**
 * Says whether a rater signs: adds a signer named and linked like the rater, or removes the
 * signers linked to the rater.
 * @throws NotFoundError when the rater is gone.
 */
export function setSigner(ctx: TemplateContext, input: z.input<typeof setSignerSchema>): void {
	const { raterId, isSigner } = parseInput(setSignerSchema, input);
	const roots = templateRoots(ctx.doc);
	const rater = requireEntry(entriesOf(roots.raters, docStarterId(ctx.doc)), raterId);
	const linked = signerEntries(ctx).filter((e) => e.map.get(FIELD.raterId) === raterId);
	if (linked.length > 0 === isSigner) return;
	if (isSigner) {
		addSigner(ctx, { label: readText(rater.map, FIELD.label), raterId });
		return;
	}
	transact(ctx, () => {
		for (const entry of linked) roots.signerList.delete(entry.id);
	});
}
