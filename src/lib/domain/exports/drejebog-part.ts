/**
 * SEAM: the drejebog part of a published version's export. The drejebog model is being built
 * beside the exports; until it is on main a publication's drejebog reaches the exports as an
 * opaque value and this part is left out. When it lands, `PublishedDrejebog` becomes its
 * `Drejebog` type and `drejebogPart` renders it stage by stage (steps with who, when, link,
 * produces, checklist and guidance) followed by the "CV og Min Plan" and "Hurtig reaktion" rules.
 */
import type { Template } from '../template/schemas.ts';
import type { ExportPart } from './blocks.ts';

/** The drejebog of a publication, as the exports receive it (opaque until the model lands; null when none). */
export type PublishedDrejebog = unknown;

/** The drejebog as a part of a publication's export, or null (see the module comment). */
export function drejebogPart(_template: Template, _drejebog: PublishedDrejebog): ExportPart | null {
	return null;
}
