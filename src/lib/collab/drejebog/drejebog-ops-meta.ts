/** Named operations on the drejebog as a whole: starting it, and its title. */
import { z } from 'zod';
import { ConflictError } from '#lib/domain/errors.ts';
import {
	drejebogSchema,
	drejebogTitleSchema,
	type Drejebog
} from '#lib/domain/drejebog/schemas.ts';
import { writeText } from '../template/template-doc.ts';
import { DMETA, drejebogRoots } from './drejebog-doc.ts';
import { drejebogStarterId } from './drejebog-read.ts';
import { parseInput, transact, type DrejebogContext } from './drejebog-input.ts';
import { writeDrejebog } from './drejebog-write.ts';

/**
 * True when the document holds no drejebog yet: never started and no stages, steps or rules. The
 * introduction does not count: an old drejebog's text is kept and the drejebog is still started.
 */
export function isDrejebogEmpty(ctx: Pick<DrejebogContext, 'doc'>): boolean {
	const roots = drejebogRoots(ctx.doc);
	if (drejebogStarterId(ctx.doc) !== null || roots.meta.has(DMETA.title)) return false;
	return [roots.stages, roots.steps, roots.reactions, roots.cvPlan].every((map) => map.size === 0);
}

/**
 * Fills an empty document with `drejebog` (the starter made for the workshop's template, or the
 * empty start), keeping the introduction the document already has.
 * @throws ValidationError when `drejebog` is not well-formed.
 * @throws ConflictError `drejebog_started` when the document already holds a drejebog.
 */
export function initDrejebog(ctx: DrejebogContext, input: { drejebog: Drejebog }): void {
	const drejebog = parseInput(drejebogSchema, input.drejebog);
	if (!isDrejebogEmpty(ctx)) {
		throw new ConflictError('drejebog_started', 'drejebog.input.alreadyStarted');
	}
	transact(ctx, () => writeDrejebog(ctx.doc, drejebog));
}

const titleInputSchema = z.object({ title: drejebogTitleSchema });

/**
 * Renames the drejebog.
 * @throws ValidationError for an empty or too long title.
 */
export function renameDrejebog(
	ctx: DrejebogContext,
	input: z.input<typeof titleInputSchema>
): void {
	const { title } = parseInput(titleInputSchema, input);
	transact(ctx, () => writeText(drejebogRoots(ctx.doc).meta, DMETA.title, title));
}
