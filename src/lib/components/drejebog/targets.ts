/**
 * Element ids of the drejebog editor's controls, shared by the controls themselves and the problem
 * panel, so a problem always leads to the field that fixes it. Ids derive from item ids, which do
 * not change when an item moves or is renamed.
 */

/** Id of the control that edits `field` of the item `itemId` (a stage, step, rule …). */
export function djbFieldId(itemId: string, field: string): string {
	return `djb-${itemId}-${field}`;
}

/** Id of the "add" input of a list owned by `owner` ('stages', 'reactions', a stage, a step). */
export function djbNewId(owner: string): string {
	return `djb-${owner}-new`;
}

export const DJB_TITLE_ID = 'djb-title';
export const DJB_INTRODUCTION_ID = 'djb-introduction';
/** The heading of the stages, where problems about the drejebog as a whole lead. */
export const DJB_STAGES_HEADING_ID = 'djb-stages-heading';

/** Fields of a step whose controls carry `djb-<stepId>-<field>`. */
const STEP_FIELDS = new Set(['title', 'guidance', 'who', 'when', 'link']);

/**
 * The id of the control a problem path points at: the field itself, else the input that adds
 * what is missing, else the stages' heading (coverage of the template's points and raters).
 */
export function drejebogTargetId(path: readonly string[]): string {
	const [root, id, sub, subId, field] = path;
	if (root === 'title') return DJB_TITLE_ID;
	if (root === 'introduction') return DJB_INTRODUCTION_ID;
	if (root === 'cvPlan') return djbFieldId('cvplan', id ?? 'basis');
	if (root === 'reactions') return id ? djbFieldId(id, sub ?? 'kind') : djbNewId('reactions');
	if (root !== 'stages') return DJB_STAGES_HEADING_ID;
	if (!id) return djbNewId('stages');
	if (sub === 'label') return djbFieldId(id, 'label');
	if (sub !== 'steps' || !subId) return djbNewId(id);
	if (field === 'checklist') {
		const itemId = path[5];
		return itemId ? djbFieldId(itemId, 'text') : djbNewId(`${subId}-checklist`);
	}
	return STEP_FIELDS.has(field) ? djbFieldId(subId, field) : djbFieldId(subId, 'title');
}
