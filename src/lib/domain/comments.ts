/**
 * Comments on template elements (issue 5): input shapes and the pure part, which elements of a
 * template can carry comments and what they are called.
 */
import { z } from 'zod';
import { MAX_COMMENT_LENGTH } from './limits.ts';
import { textSchema } from './text.ts';
import type { Template } from './template/schemas.ts';

export const COMMENTABLE_KINDS = ['area', 'statement', 'level'] as const;
export type CommentableKind = (typeof COMMENTABLE_KINDS)[number];

/** An element one may comment on, with a label people recognise. */
export type CommentableElement = { id: string; kind: CommentableKind; label: string };

/** The body of `POST .../documents/{docId}/comments`: a new thread, or a reply with `parentId`. */
export const createCommentSchema = z.object({
	elementId: z
		.string({ error: 'comment.error.unknownElement' })
		.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'comment.error.unknownElement' }),
	text: textSchema(MAX_COMMENT_LENGTH, { isMultiLine: true }),
	parentId: z
		.string()
		.regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'comment.error.unknownThread' })
		.optional()
});
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
