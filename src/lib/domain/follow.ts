/**
 * "Follow me" in run mode (issue 5): the facilitator points at a part of the template and the
 * participants' views move there. This module holds the input shape and the pure part: which
 * element ids of a template one can point at, and what they are called.
 *
 * An element id is an item id (area, statement, level), `scale-<ownerId>` for the scale of an
 * area or statement (the same id the scale editor's element carries), or `section-<name>` for a
 * whole part of the template (header, areas, assessment, free text, signature).
 *
 * On Dag 2 the facilitator leads through the drejebog the same way: its stages and steps by id,
 * and its parts (`section-stages`, `section-cvPlan`, `section-reactions`).
 */
import { z } from 'zod';
import { lazySchema } from './lazy-schema.ts';
import type { Template } from './template/schemas.ts';
import type { Drejebog } from './drejebog/schemas.ts';

/** The template's parts, in the editor's order. */
export const FOLLOW_SECTIONS = ['header', 'areas', 'assessment', 'freeText', 'signature'] as const;
export type FollowSection = (typeof FOLLOW_SECTIONS)[number];

/** The drejebog's parts, in the editor's order. */
export const DREJEBOG_FOLLOW_SECTIONS = ['stages', 'cvPlan', 'reactions'] as const;
export type DrejebogFollowSection = (typeof DREJEBOG_FOLLOW_SECTIONS)[number];

export const FOLLOW_KINDS = [
	'section',
	'area',
	'statement',
	'level',
	'scale',
	'stage',
	'step'
] as const;
export type FollowKind = (typeof FOLLOW_KINDS)[number];

/** One place one can point at. `label` is the item's text, or the section's name for sections. */
export type FollowableElement = { id: string; kind: FollowKind; label: string };

/** The element id of a whole section (of the template, or of the drejebog). */
export function sectionElementId(section: FollowSection | DrejebogFollowSection): string {
	return `section-${section}`;
}

/** The element id of the scale owned by an area or statement. */
export function scaleElementId(ownerId: string): string {
	return `scale-${ownerId}`;
}

const ELEMENT_ID = /^[A-Za-z0-9_-]{1,80}$/;

/** The body of `PUT /api/v1/workshops/{id}/run/follow`. */
export const setFollowSchema = lazySchema(() =>
	z.object({
		documentId: z
			.string({ error: 'follow.error.unknownDocument' })
			.regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'follow.error.unknownDocument' }),
		elementId: z
			.string({ error: 'follow.error.unknownElement' })
			.regex(ELEMENT_ID, { error: 'follow.error.unknownElement' })
	})
);
export type SetFollowInput = z.infer<typeof setFollowSchema>;

/** Every place of `template` one can point at, in reading order. */
export function followableElements(template: Template): FollowableElement[] {
	const elements: FollowableElement[] = [
		{ id: sectionElementId('header'), kind: 'section', label: 'header' },
		{ id: sectionElementId('areas'), kind: 'section', label: 'areas' }
	];
	for (const area of template.areas) {
		elements.push({ id: area.id, kind: 'area', label: area.label });
		elements.push({ id: scaleElementId(area.id), kind: 'scale', label: area.label });
		for (const level of area.scale.levels) {
			elements.push({ id: level.id, kind: 'level', label: `${area.label} › ${level.label}` });
		}
		for (const statement of area.statements) {
			elements.push({ id: statement.id, kind: 'statement', label: statement.text });
			if (!statement.scale) continue;
			elements.push({ id: scaleElementId(statement.id), kind: 'scale', label: statement.text });
			for (const level of statement.scale.levels) {
				elements.push({
					id: level.id,
					kind: 'level',
					label: `${statement.text} › ${level.label}`
				});
			}
		}
	}
	for (const section of ['assessment', 'freeText', 'signature'] as const) {
		elements.push({ id: sectionElementId(section), kind: 'section', label: section });
	}
	return elements;
}

/** The element `elementId` of `template`, or null when there is none. */
export function findFollowable(template: Template, elementId: string): FollowableElement | null {
	return followableElements(template).find((e) => e.id === elementId) ?? null;
}

/**
 * Every place of `drejebog` one can point at, in reading order: its stages with their steps, then
 * "CV og Min Plan" and "Hurtig reaktion". Sections are labelled by their name (translated where
 * shown), stages and steps by their own text.
 */
export function followableDrejebogElements(drejebog: Drejebog): FollowableElement[] {
	const elements: FollowableElement[] = [
		{ id: sectionElementId('stages'), kind: 'section', label: 'stages' }
	];
	for (const stage of drejebog.stages) {
		elements.push({ id: stage.id, kind: 'stage', label: stage.label });
		for (const step of stage.steps) elements.push({ id: step.id, kind: 'step', label: step.title });
	}
	for (const section of ['cvPlan', 'reactions'] as const) {
		elements.push({ id: sectionElementId(section), kind: 'section', label: section });
	}
	return elements;
}
