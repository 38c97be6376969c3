/**
 * TemplateSession: the template editor's view of one CollabSession. It binds the template in the
 * session's Y.Doc (`bindTemplate`) with an origin of its own, keeps the template as plain `$state`
 * (via `watchTemplate`), keeps a per-user undo stack (only this person's changes), and publishes
 * which field this person is in through awareness. Components read its state and call `run()`
 * with named operations; they never see Yjs.
 */
import type * as Y from 'yjs';
import { isDomainError } from '#lib/domain/errors.ts';
import {
	completeTemplate,
	validateTemplate,
	type Problem,
	type Template
} from '#lib/domain/template/index.ts';
import type { StarterTemplate } from '#lib/domain/template/starter-schema.ts';
import type { CollabSession } from '../collab-session.svelte.ts';
import { bindTextInput, type TextInputElement } from '../text-input-binding.ts';
import { resolveTextField, type TextFieldPath } from './template-text-fields.ts';
import { shareStructure } from './structural-sharing.ts';
import {
	bindTemplate,
	createTemplateUndoManager,
	isTemplateEmpty,
	watchTemplate,
	type BoundTemplateOperations,
	type RichTextPath
} from './template-binding.ts';

export type { RichTextFragment } from '../editor-extensions.ts';

/** Someone else who is in a field right now. */
export type FieldPeer = { userId: string; name: string; color: string };

/** Why a write was refused: a message key for the whole change and per input field. */
export type WriteRefusal = { message: string; fields: Record<string, string> };

/** The awareness field that says which template field a person is in. */
const FOCUS_FIELD = 'focus';

/** An empty template to show before the document has loaded. */
const EMPTY_TEMPLATE: Template = completeTemplate({
	title: '',
	starterId: null,
	headerFields: [],
	areas: [],
	measurementPoints: [],
	raters: [],
	freeTextSections: [],
	signature: { isIncluded: false, text: '', signerRaterIds: [] }
});

/** One person's editing session on the template document of `collab`. */
export class TemplateSession {
	/** The template as plain values, updated after every local or remote change. */
	template = $state.raw<Template>(EMPTY_TEMPLATE);
	/** True while the document holds no template yet (the starter chooser is shown). */
	isEmpty = $state(true);
	/**
	 * False until `checkProblems()` is called: the page calls it after the template's first frame,
	 * which the check (about 20 ms on a slow laptop) does not delay (npm run bench:page-trace).
	 * Until then `problems` is empty but means "not checked yet", not "no problems": the page
	 * shows neither a count nor "ready" meanwhile.
	 */
	isChecked = $state(false);
	/** Every problem that makes the template unusable right now (none until `isChecked`). */
	problems: Problem[] = $derived(this.isChecked ? validateTemplate(this.template) : []);
	canUndo = $state(false);
	canRedo = $state(false);
	/** Field key → the other people in it. */
	fieldPeers = $state.raw<Readonly<Record<string, FieldPeer[]>>>({});
	/** The last thing to tell screen-reader users (moves, deletions, undo). */
	announcement = $state('');

	readonly collab: CollabSession;
	/** Marks this person's writes; the undo manager tracks exactly this origin. */
	readonly #origin = { templateSessionOf: '' };
	readonly #ops: BoundTemplateOperations & { fragment(path: RichTextPath): Y.XmlFragment };
	readonly #undo: Y.UndoManager;
	readonly #stopWatching: () => void;

	constructor(collab: CollabSession) {
		this.collab = collab;
		this.#origin.templateSessionOf = collab.user.id;
		const doc = collab.doc;
		this.#ops = bindTemplate(doc, this.#origin);
		// Rich-text typing joins this stack once an editor is opened (see trackRichTextTyping).
		this.#undo = createTemplateUndoManager(doc, this.#origin);
		for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) {
			this.#undo.on(event, this.#updateUndoState);
		}
		this.#stopWatching = watchTemplate(doc, (template) => {
			// Unchanged parts keep their identity, so Svelte re-renders only what an update changed
			// (a keystroke re-rendered every row, npm run bench:page-trace).
			const shared = shareStructure(this.template, template);
			if (shared !== this.template) this.template = shared;
			this.isEmpty = isTemplateEmpty({ doc });
		});
		collab.awareness.on('change', this.#updateFieldPeers);
		this.#updateFieldPeers();
	}

	/** Starts checking the template's problems; they follow every change from then on. */
	checkProblems(): void {
		this.isChecked = true;
	}

	/** True when this person may only read (staff, or a member after Dag 1). */
	get isReadOnly(): boolean {
		return this.collab.isReadOnly;
	}

	/**
	 * Runs one named operation as one undo step. Returns null when it was applied, or why it was
	 * refused (bad input, an item someone else just removed); nothing is changed then.
	 */
	run<T>(write: (ops: BoundTemplateOperations) => T): WriteRefusal | { value: T } {
		if (this.isReadOnly) return { message: 'templateEditor.readOnlyRefused', fields: {} };
		try {
			const value = write(this.#ops);
			this.#undo.stopCapturing();
			return { value };
		} catch (error) {
			if (!isDomainError(error)) throw error;
			const fields = 'fields' in error ? error.fields : {};
			return { message: error.message, fields };
		}
	}

	/** Fills the empty document from a starter (or the blank starter). */
	start(starter: StarterTemplate): WriteRefusal | null {
		const result = this.run((ops) => ops.initTemplate(starter));
		return 'message' in result ? result : null;
	}

	/** The shared content of a rich-text field, for the Editor component. */
	fragment(path: RichTextPath): Y.XmlFragment {
		return this.#ops.fragment(path);
	}

	/**
	 * Binds an `<input>` or `<textarea>` to the plain text field at `path`: typing is stored as it
	 * happens and merges with others' typing character by character, in this person's undo
	 * history (Ctrl/Cmd+Z in the field undoes through it); focus alone writes nothing. Input is
	 * refused while `isReadOnly()` holds (a locked part), past `maxLength`, and when it holds a
	 * control or bidi character. Returns the function that unbinds it.
	 */
	bindText(
		element: TextInputElement,
		path: TextFieldPath,
		options: { maxLength?: number; isMultiLine?: boolean; isReadOnly: () => boolean }
	): () => void {
		const doc = this.collab.doc;
		return bindTextInput(element, {
			doc,
			resolve: () => resolveTextField(doc, path),
			origin: this.#origin,
			maxLength: options.maxLength,
			isMultiLine: options.isMultiLine,
			isReadOnly: () => this.isReadOnly || options.isReadOnly(),
			undo: () => this.undo(),
			redo: () => this.redo()
		});
	}

	/**
	 * Puts this person's typing in rich-text fields on their undo stack: it arrives with tiptap's
	 * sync-plugin key (a PluginKey) as origin, and tracking the class takes it in. Called before a
	 * rich-text editor is mounted; the class is imported here, with the editor, and not when the
	 * session is made, because it brings ProseMirror (about a tenth of the template page's first
	 * load, npm run bench:page) and the editor is mounted only when someone edits such a field.
	 */
	async trackRichTextTyping(): Promise<void> {
		const { PluginKey } = await import('@tiptap/pm/state');
		this.#undo.addTrackedOrigin(PluginKey);
	}

	/** Undoes this person's last change (never anybody else's). */
	undo(): void {
		if (!this.isReadOnly) this.#undo.undo();
	}

	/** Redoes what this person undid last. */
	redo(): void {
		if (!this.isReadOnly) this.#undo.redo();
	}

	/**
	 * Tells the others which field this person is in (`null` when in none). Typing in another
	 * field starts a new undo step, even within the undo manager's capture time.
	 */
	setFocus(fieldKey: string | null): void {
		const current: unknown = this.collab.awareness.getLocalState()?.[FOCUS_FIELD] ?? null;
		if (current === fieldKey) return;
		this.#undo.stopCapturing();
		this.collab.awareness.setLocalStateField(FOCUS_FIELD, fieldKey);
	}

	/** Queues a message for the live region (set twice so a repeat is announced again). */
	announce(message: string): void {
		this.announcement = '';
		queueMicrotask(() => (this.announcement = message));
	}

	/** Stops watching; the CollabSession itself is destroyed by its owner. */
	destroy(): void {
		this.#stopWatching();
		this.collab.awareness.off('change', this.#updateFieldPeers);
		this.#undo.destroy();
	}

	#updateUndoState = (): void => {
		this.canUndo = this.#undo.canUndo();
		this.canRedo = this.#undo.canRedo();
	};

	#updateFieldPeers = (): void => {
		const byField: Record<string, FieldPeer[]> = {};
		const selfId = this.collab.doc.clientID;
		for (const [clientId, state] of this.collab.awareness.getStates()) {
			const focus: unknown = state?.[FOCUS_FIELD];
			const user = state?.user as { id?: unknown; name?: unknown; color?: unknown } | undefined;
			if (clientId === selfId || typeof focus !== 'string' || typeof user?.name !== 'string') {
				continue;
			}
			const userId = typeof user.id === 'string' ? user.id : `client:${clientId}`;
			const peers = byField[focus] ?? [];
			if (peers.some((p) => p.userId === userId)) continue;
			const color = typeof user.color === 'string' ? user.color : '#4a4a4a';
			byField[focus] = [...peers, { userId, name: user.name, color }];
		}
		// Carets move constantly; only a change of who is in which field re-renders.
		if (JSON.stringify(byField) !== JSON.stringify(this.fieldPeers)) this.fieldPeers = byField;
	};
}
