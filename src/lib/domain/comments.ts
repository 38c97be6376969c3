/**
 * Comments on document elements (issue 5, and issue 11 for the drejebog): input shapes and the
 * pure part, which elements of a template or a drejebog can carry comments and what they are
 * called.
 */
import { z } from 'zod';
import { lazySchema } from './lazy-schema.ts';
import { MAX_COMMENT_LENGTH } from './limits.ts';
import { textSchema } from './text.ts';
import type { Template } from './template/schemas.ts';
import type { Drejebog } from './drejebog/schemas.ts';

/** What one can comment on in a template. */
export const TEMPLATE_COMMENTABLE_KINDS = ['area', 'statement', 'level'] as const;
/**
 * What one can comment on in a drejebog: a stage, a step, and the two rule sections "CV og Min
 * Plan" (`cvPlan`) and "Hurtig reaktion" (`reactions`).
 */
export const DREJEBOG_COMMENTABLE_KINDS = ['stage', 'step', 'cvPlan', 'reactions'] as const;

export const COMMENTABLE_KINDS = [
	...TEMPLATE_COMMENTABLE_KINDS,
	...DREJEBOG_COMMENTABLE_KINDS
] as const;
export type CommentableKind = (typeof COMMENTABLE_KINDS)[number];

/** An element one may comment on, with a label people recognise. */
export type CommentableElement = { id: string; kind: CommentableKind; label: string };

/** The body of `POST .../documents/{docId}/comments`: a new thread, or a reply with `parentId`. */
export const createCommentSchema = lazySchema(() =>
	z.object({
		elementId: z
			.string({ error: 'comment.error.unknownElement' })
			.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'comment.error.unknownElement' }),
		text: textSchema(MAX_COMMENT_LENGTH, { isMultiLine: true }),
		parentId: z
			.string()
			.regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'comment.error.unknownThread' })
			.optional()
	})
);
export type CreateCommentInput = z.infer<typeof createCommentSchema>;

/**
 * Every area, statement and level of `template`, in reading order. Levels are labelled with the
 * area or statement whose scale they belong to, since level labels repeat across scales.
 */
export function commentableElements(template: Template): CommentableElement[] {
	const elements: CommentableElement[] = [];
	for (const area of template.areas) {
		elements.push({ id: area.id, kind: 'area', label: area.label });
		for (const level of area.scale.levels) {
			elements.push({ id: level.id, kind: 'level', label: `${area.label} › ${level.label}` });
		}
		for (const statement of area.statements) {
			elements.push({ id: statement.id, kind: 'statement', label: statement.text });
			for (const level of statement.scale?.levels ?? []) {
				elements.push({
					id: level.id,
					kind: 'level',
					label: `${statement.text} › ${level.label}`
				});
			}
		}
	}
	return elements;
}

/** The element id of one of the drejebog's rule sections (the same as its follow id). */
export function drejebogSectionElementId(section: 'cvPlan' | 'reactions'): string {
	return `section-${section}`;
}

/**
 * Every stage and step of `drejebog` in reading order, then "CV og Min Plan" and "Hurtig
 * reaktion". A stage or step is labelled by its own text, which a thread keeps a copy of (so a
 * thread on a deleted step still says what it was about); the two sections by their kind, which
 * the reader's language names.
 */
export function commentableDrejebogElements(drejebog: Drejebog): CommentableElement[] {
	const elements: CommentableElement[] = [];
	for (const stage of drejebog.stages) {
		elements.push({ id: stage.id, kind: 'stage', label: stage.label });
		for (const step of stage.steps) elements.push({ id: step.id, kind: 'step', label: step.title });
	}
	for (const section of ['cvPlan', 'reactions'] as const) {
		elements.push({ id: drejebogSectionElementId(section), kind: section, label: section });
	}
	return elements;
}
