/**
 * SEAM(drejebog): the drejebog part of a published version's export. The drejebog model is being
 * built beside the exports; until it is on main a publication's drejebog reaches the exports as an
 * opaque value. A drejebog stored as one rich-text field (`{ body }`, what a version holds until
 * the model lands) is printed as that text; anything else is left out. When the model lands,
 * `PublishedDrejebog` becomes its `Drejebog` type and `drejebogPart` renders it stage by stage
 * (steps with who, when, link, produces, checklist and guidance) followed by the "CV og Min Plan"
 * and "Hurtig reaktion" rules.
 */
import { z } from 'zod';
import { richTextSchema } from '../template/rich-text.ts';
import type { Template } from '../template/schemas.ts';
import type { ExportPart } from './blocks.ts';
import { LABELS } from './labels.ts';
import { richTextBlocks } from './rich-text-blocks.ts';

/** The drejebog of a publication as the exports receive it: opaque until the model lands. */
export type PublishedDrejebog = unknown;

/** A drejebog stored as one rich-text field. */
const bodyDrejebogSchema = z.object({ body: richTextSchema });

/** The drejebog as a part of a publication's export, or null (see the module comment). */
export function drejebogPart(_template: Template, drejebog: PublishedDrejebog): ExportPart | null {
	const body = bodyDrejebogSchema.safeParse(drejebog);
	if (!body.success) return null;
	const blocks = richTextBlocks(body.data.body);
	if (blocks.length === 0) return null;
	return { id: 'drejebog', title: LABELS.drejebog, breakBefore: true, blocks };
}
