/**
 * The demo's second workshop, one that has been through all three days: its template from a
 * starter, its drejebog from the STAR starter, version 1 published and put in operation by a
 * closed Dag 3 session, so a new user can try Drift (cases) at once. Every step goes through the
 * same server functions the pages call, so the demo holds exactly what a real journey leaves.
 */
import { loadSessionUser } from '../accounts/accounts.ts';
import { createWorkshop, changePhase } from '../workshops/workshops.ts';
import { seedTemplateFromStarter } from '../documents/documents-state.ts';
import { seedDrejebogFromStarter } from '../drejebog/drejebog-seed.ts';
import { publishVersion } from '../publications/publish.ts';
import { createRollout, closeRollout } from '../rollouts/rollouts.ts';
import { type StarterTemplate } from '#lib/domain/template/index.ts';
import { getStarter } from '#lib/domain/template/starters/index.ts';

/** Title of the demo workshop that is in Drift. */
export const DEMO_DRIFT_WORKSHOP_TITLE = 'Læringsbevis i drift – demo';

/**
 * The starter its template comes from: care (pleje), whose plan has the company and the consultant
 * both rate social competences midway, so the demo case can show raters disagreeing.
 */
const DRIFT_TEMPLATE_STARTER: StarterTemplate = getStarter('pleje')!;

/** The note version 1 is published with. */
const DRIFT_VERSION_NOTE = 'Første version, gennemgået med jobcentrets medarbejdere på dag 3.';

/**
 * Creates the Drift workshop in `orgId` with `facilitatorId` as its facilitator, walks it through
 * Dag 1-3 and returns it with the version in operation. Runs inside the caller's transaction.
 * @throws whatever the steps throw (a starter that no longer publishes cleanly fails first start
 * loudly rather than leaving a half-made demo).
 */
export function seedDriftWorkshop(
	orgId: string,
	facilitatorId: string
): { workshopId: string; publicationId: string } {
	const creator = loadSessionUser(facilitatorId)!;
	const workshop = createWorkshop(creator, { orgId, title: DEMO_DRIFT_WORKSHOP_TITLE });
	seedTemplateFromStarter(workshop.id, DRIFT_TEMPLATE_STARTER, facilitatorId);
	seedDrejebogFromStarter(workshop.id, facilitatorId);
	// Reloaded so the actor carries the facilitator role in the workshop just created.
	const facilitator = loadSessionUser(facilitatorId)!;
	changePhase(facilitator, workshop.id, 'drejebog');
	const version = publishVersion(facilitator, workshop.id, { note: DRIFT_VERSION_NOTE });
	changePhase(facilitator, workshop.id, 'rollout');
	// The join link is not shown anywhere: the session is closed at once, as after Dag 3.
	const rollout = createRollout(facilitator, version.id, '');
	closeRollout(facilitator, rollout.id);
	return { workshopId: workshop.id, publicationId: version.id };
}
