/**
 * Element ids of the template editor's controls, shared by the controls themselves, the problem
 * panel and the workshop page's phase control (which links to `…/documents/<id>#<target>`), so a
 * problem always leads to the field that fixes it.
 */
import { tick } from 'svelte';

/** Fields whose controls carry `tpl-<itemId>-<field>`. */
const ITEM_FIELDS = new Set([
	'label',
	'text',
	'descriptor',
	'description',
	'guidance',
	'cvPhrase',
	'timing',
	'raterId',
	'ratingPlan'
]);

/** Id of the control that edits `field` of the item `itemId`. */
export function fieldId(itemId: string, field: string): string {
	return `tpl-${itemId}-${field}`;
}

/** Id of the "add" input of a list: a root list ('areas', 'raters', …), an area or a scale. */
export function newItemId(owner: string): string {
	return `tpl-${owner}-new`;
}

/** Id of the "add level" input of the scale owned by an area or statement. */
export function newLevelId(ownerId: string): string {
	return newItemId(`scale-${ownerId}`);
}

/** Id of the template title input. */
export const TITLE_ID = 'tpl-title';
/** Id of the signature block's first control. */
export const SIGNATURE_ID = 'tpl-signature';
/** Id of the rating plan's section (its first control). */
export const RATING_PLAN_ID = 'tpl-ratingPlan';
/** Ids of the goal part's controls: include it, its heading, guidance, followed points. */
export const GOAL_IDS = {
	include: 'tpl-goals-include',
	label: 'tpl-goals-label',
	guidance: 'tpl-goals-guidance',
	points: 'tpl-goals-points'
} as const;

/** The control for a problem in the goal part (`['goals', …]`). */
function goalTargetId(path: readonly string[]): string {
	const [, part, itemId, field] = path;
	if (part === 'label' || part === 'guidance') return GOAL_IDS[part];
	if (part === 'measurementPointIds') return GOAL_IDS.points;
	const list = part === 'statuses' ? 'goalStatuses' : 'subGoals';
	if (itemId === undefined) return newItemId(list);
	// A sub-goal's text is its label in the list; a removed statement is unlinked in its picker.
	return fieldId(itemId, field === 'statementIds' ? 'statements' : 'label');
}

/** The control for a problem with the signers (`['signature', 'signers', …]`). */
function signerTargetId(path: readonly string[]): string {
	const [, part, signerId, field] = path;
	if (part !== 'signers') return SIGNATURE_ID;
	return signerId === undefined ? newItemId('signers') : fieldId(signerId, field);
}

/**
 * The id of the control a problem path (`['areas', id, 'statements', id, 'text']`) points at:
 * the field itself, else the input that adds what is missing.
 */
export function problemTargetId(path: readonly string[]): string {
	const [root] = path;
	const last = path[path.length - 1];
	if (root === 'title') return TITLE_ID;
	if (root === 'signature') return signerTargetId(path);
	if (root === 'goals') return goalTargetId(path);
	if (root === 'ratingPlan') return RATING_PLAN_ID;
	if (path.length === 1) return newItemId(root);
	if (last === 'scale') return newLevelId(path[path.length - 2]);
	if (ITEM_FIELDS.has(last)) return fieldId(path[path.length - 2], last);
	// ['areas', areaId]: the area lacks statements, so the place to fix it is its "add" input.
	return newItemId(last);
}

/**
 * Scrolls to and focuses the element with `id`, opening any closed disclosure around it.
 * Returns false when there is no such element (yet).
 */
export async function revealAndFocus(id: string): Promise<boolean> {
	const element = await revealById(id);
	if (!element) return false;
	await revealElement(element, { shouldFocus: true });
	return true;
}

/**
 * Opens any closed disclosure around `element` (and `element` itself when it is one), scrolls it
 * into view and, with `shouldFocus`, focuses it.
 */
export async function revealElement(
	element: HTMLElement,
	{ shouldFocus }: { shouldFocus: boolean }
): Promise<void> {
	for (let details = element.closest('details'); details;) {
		details.open = true;
		details = details.parentElement?.closest('details') ?? null;
	}
	await tick();
	element.scrollIntoView({ block: 'center' });
	if (shouldFocus) element.focus();
}

/** A part of the editor rendered only once opened (a scale, a statement's details). */
export type Revealer = {
	/** True while closed and `id` would be rendered inside once opened. */
	owns: (id: string) => boolean;
	open: () => void;
};

const revealers = new Set<Revealer>();

/**
 * Registers a closed part that renders its contents only when opened (most of the page is in
 * closed scales and details, and rendering it all up front made the page slow to open), so links
 * to a field inside can still find it. Returns the unregistration.
 */
export function registerRevealer(revealer: Revealer): () => void {
	revealers.add(revealer);
	return () => revealers.delete(revealer);
}

/**
 * The element with `id`, opening the closed parts that would render it (a statement's details,
 * then the scale inside them); null when nothing on the page has it.
 */
export async function revealById(id: string): Promise<HTMLElement | null> {
	// Each round opens one level of nesting; the deepest is three (area, statement, own scale).
	for (let round = 0; round < 4; round++) {
		const element = document.getElementById(id);
		if (element) return element;
		const owner = [...revealers].find((revealer) => revealer.owns(id));
		if (!owner) return null;
		owner.open();
		await tick();
	}
	return document.getElementById(id);
}
