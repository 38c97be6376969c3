/**
 * Drejebog shape version 2: the structured drejebog (stages, steps, rules in the `drejebog.*`
 * maps). Version 1 was one rich-text fragment, `body`, edited as a plain document. Version 2 keeps
 * that fragment where it is as the drejebog's introduction and notes (drejebog-doc.ts), so the
 * upgrade moves nothing: the stored text is never copied or lost, and an old client that still
 * writes into `body` (an offline cache, a tab open across a deploy) keeps writing into the same
 * field everyone reads. The step only stamps the version; the structure is written when someone
 * chooses the starter or starts empty (`initDrejebog`), in the current shape.
 */
import type { ShapeStep } from '../document-shape.ts';

/** Shape version 2: `body` becomes the introduction of the structured drejebog. */
export const structuredDrejebogStep: ShapeStep = {
	version: 2,
	description: 'structured drejebog; the old rich text (body) stays as its introduction',
	upgrade() {
		// Nothing to convert (see the module comment); `upgradeShape` stamps the version.
	}
};
