/**
 * Shape version 3: the template's second-pass parts are stored in the document. Each area holds
 * its category, each statement a CV phrase (`Y.Text`), each measurement point its timing; the
 * signers (`template.signerList`, no longer only raters), the rating plan's decided cells
 * (`template.ratingPlan`), the goal part (`template.goal`, `template.subGoals`,
 * `template.goalStatuses`, `template.goalPoints`) and the progression measures (meta flags) have
 * their own places. Version 2 derived all of them when reading (template-read-plan.ts).
 *
 * The upgrade writes exactly what reading derived for the document, so nothing anyone sees
 * changes: categories from the area labels, CV phrases from the statements, "start" and "end" for
 * the first and last point, the signing raters as signers, everybody rates everything (no cells),
 * the goal part switched off with its default heading, guidance and statuses, no progression
 * measures. It only adds what is missing, so it leaves parts a newer client stored before it ran.
 * It adds defaults, so it offers no `hasDrifted`: it must run once.
 */
import type * as Y from 'yjs';
import { readTemplate } from './template-read.ts';
import type { ShapeStep } from './template-shape.ts';
import { writePlanParts } from './template-write-plan.ts';

/** Shape version 3: the second-pass parts are stored, written as reading derived them. */
export const planPartsStep: ShapeStep = {
	version: 3,
	description: 'the second-pass parts (plan, signers, goals, CV phrases, ...) are stored',
	upgrade(doc: Y.Doc) {
		// The meta map still says version 2 (or 1) here: reading derives every second-pass part.
		writePlanParts(doc, readTemplate(doc), null);
	}
};
