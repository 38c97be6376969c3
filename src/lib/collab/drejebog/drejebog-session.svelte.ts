/**
 * DrejebogSession: the drejebog editor's view of one CollabSession, like TemplateSession is the
 * template editor's. It binds the drejebog in the session's Y.Doc with an origin of its own, keeps
 * the drejebog as plain `$state` (via `watchDrejebog`), keeps a per-user undo stack (only this
 * person's changes, their typing included), and publishes which field this person is in through
 * awareness. The problems are `validateDrejebog`'s against the workshop's template, which the
 * workspace reads from its own document (`TemplateReference`) and hands in with `setTemplate`.
 * Components read its state and call `run()` with named operations; they never see Yjs.
 */
import { PluginKey } from '@tiptap/pm/state';
import type * as Y from 'yjs';
import { isDomainError } from '#lib/domain/errors.ts';
import {
	emptyDrejebog,
	validateDrejebog,
	validateDrejebogOwn,
	type Drejebog,
	type DrejebogProblem
} from '#lib/domain/drejebog/index.ts';
import type { Template } from '#lib/domain/template/schemas.ts';
import type { CollabSession } from '../collab-session.svelte.ts';
import { bindTextInput, type TextInputElement } from '../text-input-binding.ts';
import { fieldPeersOf, type FieldPeer } from '../field-presence.ts';
import {
	bindDrejebog,
	createDrejebogUndoManager,
	drejebogFragment,
	isDrejebogEmpty,
	resolveDrejebogText,
	watchDrejebog,
	type BoundDrejebogOperations,
	type DrejebogRichTextPath,
	type DrejebogTextPath
} from './drejebog-binding.ts';

export type { FieldPeer } from '../field-presence.ts';

/** Why a write was refused: a message key for the whole change and per input field. */
export type DrejebogRefusal = { message: string; fields: Record<string, string> };

/** The awareness field that says which field a person is in (the template editor's too). */
const FOCUS_FIELD = 'focus';

/** One person's editing session on the drejebog document of `collab`. */
export class DrejebogSession {
	/** The drejebog as plain values, updated after every local or remote change. */
	drejebog = $state.raw<Drejebog>(emptyDrejebog(null));
	/** True while the document holds no drejebog yet (the starter chooser is shown). */
	isEmpty = $state(true);
	/** The workshop's template as it is now, or null until it has loaded. */
	template = $state.raw<Template | null>(null);
	/** Every problem that keeps the drejebog from being published right now. */
	problems: DrejebogProblem[] = $derived(
		this.template
			? validateDrejebog(this.drejebog, this.template)
			: validateDrejebogOwn(this.drejebog)
	);
	canUndo = $state(false);
	canRedo = $state(false);
	/** Field key → the other people in it. */
	fieldPeers = $state.raw<Readonly<Record<string, FieldPeer[]>>>({});
	/** The last thing to tell screen-reader users (moves, deletions, undo). */
	announcement = $state('');

	readonly collab: CollabSession;
	/** Marks this person's writes; the undo manager tracks exactly this origin. */
	readonly #origin = { drejebogSessionOf: '' };
	readonly #ops: BoundDrejebogOperations;
	readonly #undo: Y.UndoManager;
	readonly #stopWatching: () => void;

	constructor(collab: CollabSession) {
		this.collab = collab;
		this.#origin.drejebogSessionOf = collab.user.id;
		const doc = collab.doc;
		this.#ops = bindDrejebog(doc, this.#origin);
		// Typing in a rich-text field arrives with tiptap's sync-plugin key (a PluginKey) as
		// origin; tracking the class puts this person's typing on the same undo stack.
		this.#undo = createDrejebogUndoManager(doc, this.#origin, { extraOrigins: [PluginKey] });
		for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) {
			this.#undo.on(event, this.#updateUndoState);
		}
		this.#stopWatching = watchDrejebog(doc, (drejebog) => {
			this.drejebog = drejebog;
			this.isEmpty = isDrejebogEmpty({ doc });
		});
		collab.awareness.on('change', this.#updateFieldPeers);
		this.#updateFieldPeers();
	}

	/** True when this person may only read (staff, or the work group after Dag 2). */
	get isReadOnly(): boolean {
		return this.collab.isReadOnly;
	}

	/** Sets the template the drejebog is checked against (null: not loaded yet). */
	setTemplate(template: Template | null): void {
		this.template = template;
	}

	/**
	 * Runs one named operation as one undo step. Returns the value, or why it was refused (bad
	 * input, an item someone else just removed); nothing is changed then.
	 */
	run<T>(write: (ops: BoundDrejebogOperations) => T): DrejebogRefusal | { value: T } {
		if (this.isReadOnly) return { message: 'drejebog.readOnlyRefused', fields: {} };
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

	/** The shared content of a rich-text field, for the Editor component. */
	fragment(path: DrejebogRichTextPath): Y.XmlFragment {
		return drejebogFragment(this.collab.doc, path);
	}

	/**
	 * Binds an `<input>` or `<textarea>` to the plain text field at `path`: typing is stored as it
	 * happens, merges with others' typing, and is in this person's undo history; focus writes
	 * nothing. Input is refused while read-only and past `maxLength`. Returns the unbind function.
	 */
	bindText(
		element: TextInputElement,
		path: DrejebogTextPath,
		options: { maxLength?: number } = {}
	): () => void {
		const doc = this.collab.doc;
		return bindTextInput(element, {
			doc,
			resolve: () => resolveDrejebogText(doc, path),
			origin: this.#origin,
			maxLength: options.maxLength,
			isReadOnly: () => this.isReadOnly,
			undo: () => this.undo(),
			redo: () => this.redo()
		});
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
		const byField = fieldPeersOf(
			this.collab.awareness.getStates(),
			this.collab.doc.clientID,
			FOCUS_FIELD
		);
		// Carets move constantly; only a change of who is in which field re-renders.
		if (JSON.stringify(byField) !== JSON.stringify(this.fieldPeers)) this.fieldPeers = byField;
	};
}
