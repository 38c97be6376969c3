/**
 * SEAM(drejebog): the drejebog the export bench publishes with its template. None until the
 * drejebog model is on main; then the starter drejebog written for the template.
 */
import type { PublishedDrejebog } from '../src/lib/domain/exports/drejebog-part.ts';
import type { Template } from '../src/lib/domain/template/schemas.ts';

/** The drejebog of the bench's version (see the module comment). */
export function benchDrejebog(_template: Template): PublishedDrejebog {
	return null;
}
