/**
 * The vocabulary of a workshop (udviklingsforløb): roles, phases and the documents it owns.
 * Everything here is plain data so that the server, the client and tests share one definition.
 */
import { defaultAgenda, RUN_DAYS } from './run-days.ts';

/** Roles a person holds in one workshop. */
export const WORKSHOP_ROLES = ['facilitator', 'member', 'staff'] as const;
export type WorkshopRole = (typeof WORKSHOP_ROLES)[number];

/** The role with more rights of the two; facilitator > member > staff. */
export function strongerWorkshopRole(a: WorkshopRole | undefined, b: WorkshopRole): WorkshopRole {
	if (a === undefined) return b;
	return WORKSHOP_ROLES.indexOf(a) <= WORKSHOP_ROLES.indexOf(b) ? a : b;
}

/**
 * Roles a person holds in an organisation (municipality). `jobkonsulent` starts and runs cases
 * (forløb) in Drift; `sagsbehandler` follows the cases assigned to them; `teamleder` reads the
 * progression statistics across cases and no case itself.
 */
export const ORG_ROLES = [
	'admin',
	'facilitator',
	'member',
	'jobkonsulent',
	'sagsbehandler',
	'teamleder'
] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

/** The phases in order: Dag 1 Format, Dag 2 Drejebog, Dag 3 Idriftsættelse, Drift. */
export const PHASES = ['format', 'drejebog', 'rollout', 'drift'] as const;
export type Phase = (typeof PHASES)[number];

/** Documents created with every workshop; the collaboration engine syncs each one. */
export const DOCUMENT_KINDS = ['template', 'drejebog'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Position of a phase in the journey, for "done / current / next" displays. */
export function phaseIndex(phase: Phase): number {
	return PHASES.indexOf(phase);
}

/**
 * True when moving from `from` to `to` closes Dag 1: the template is then locked for the work
 * group, so it must be usable (valid) first. Moving back to Dag 1 is always allowed.
 */
export function isLeavingTemplatePhase(from: Phase, to: Phase): boolean {
	return from === 'format' && to !== 'format';
}

/**
 * True when moving from `from` to `to` takes the workshop into rollout (Dag 3) or operation from
 * an earlier phase: the job centre is then shown what the work group made, so a published
 * version must exist first. Moving back, or between rollout and operation, is always allowed.
 */
export function isEnteringRollout(from: Phase, to: Phase): boolean {
	const rollout = phaseIndex('rollout');
	return phaseIndex(from) < rollout && phaseIndex(to) >= rollout;
}

/** A day in a workshop format with its agenda. */
export type FormatDay = {
	phase: Phase;
	agenda: { title: string; minutes: number }[];
};

/**
 * The default three-day course from the source material: format design, drejebog, rollout. The
 * agendas are run mode's defaults (run-days.ts); facilitators edit them on "Kør dagen".
 */
export const THREE_DAY_FORMAT: { name: string; days: FormatDay[] } = {
	name: 'Tre dage',
	days: RUN_DAYS.map((phase) => ({ phase, agenda: defaultAgenda(phase) }))
};
