/**
 * The tiptap extensions of a collaborative rich-text field: StarterKit without its own history
 * (Yjs undo replaces it and only undoes this person's changes), bound to one `Y.XmlFragment` of
 * the session's document, with the other people's named carets. Any field of any document can be
 * edited this way; the template editor uses one per level descriptor.
 */
import type { AnyExtension } from '@tiptap/core';
import type * as Y from 'yjs';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type { CollabSession } from './collab-session.svelte.ts';

/** A rich-text field's shared content, handed through components as an opaque value. */
export type RichTextFragment = Y.XmlFragment;

export type EditorExtensionOptions = {
	session: CollabSession;
	/** Name of the XmlFragment in the session's Y.Doc, e.g. 'body'. */
	field: string;
	/** A nested fragment to edit instead of the top-level one named `field` (template fields). */
	fragment?: RichTextFragment;
	/** Heading levels offered; a field inside a structured template may offer none. */
	headingLevels?: (1 | 2 | 3 | 4 | 5 | 6)[];
};

/** Builds the caret element: a coloured bar with the person's name, hidden from screen readers. */
function renderCaret(user: Record<string, unknown>): HTMLElement {
	const caret = document.createElement('span');
	caret.className = 'collaboration-carets__caret';
	caret.setAttribute('aria-hidden', 'true');
	const color = typeof user.color === 'string' ? user.color : '#4a4a4a';
	caret.style.borderColor = color;
	const label = document.createElement('span');
	label.className = 'collaboration-carets__label';
	label.style.backgroundColor = color;
	label.textContent = typeof user.name === 'string' ? user.name : '';
	caret.append(label);
	return caret;
}

/** The extensions for one collaborative rich-text field. */
export function createEditorExtensions(options: EditorExtensionOptions): AnyExtension[] {
	const { session, field, fragment, headingLevels = [2, 3] } = options;
	return [
		StarterKit.configure({
			undoRedo: false,
			heading: headingLevels.length > 0 ? { levels: headingLevels } : false,
			// Links open on purpose (Ctrl/Cmd-click), not while someone places the cursor in them.
			link: { openOnClick: false, autolink: true, defaultProtocol: 'https' },
			codeBlock: false,
			code: false
		}),
		Collaboration.configure({ fragment: fragment ?? session.fragment(field) }),
		CollaborationCaret.configure({
			// The caret extension only reads `provider.awareness`; the provider itself stays private.
			provider: { awareness: session.awareness },
			user: { ...session.user },
			render: renderCaret
		})
	];
}
