/**
 * The workshop's template as the drejebog editor needs it: read-only, live, from the template's
 * own collaboration document. The drejebog links to the template's parts by id and is validated
 * against it, and the facilitator may still correct the template during Dag 2, so the editor
 * follows the template as it changes rather than a copy from the page load. It is a second
 * CollabSession that never writes (the server would drop its updates anyway) and shows nobody in
 * the template's presence: its awareness state is cleared before it connects. The offline cache
 * keeps the template for a reload without network, like any document this person opened.
 */
import type * as Y from 'yjs';
import type { Template } from '#lib/domain/template/schemas.ts';
import { CollabSession, type CollabUser } from '../collab-session.svelte.ts';
import { readTemplate } from '../template/template-read.ts';
import { holdsTemplate } from '../template/template-shape.ts';

export class TemplateReference {
	/** What the document holds now (an empty template while it holds none). */
	#latest = $state.raw<Template | null>(null);
	#holdsTemplate = $state(false);
	readonly #collab: CollabSession;

	constructor(options: { documentId: string; user: CollabUser }) {
		this.#collab = new CollabSession({
			documentId: options.documentId,
			user: options.user,
			canWrite: false
		});
		// A reader of the drejebog is not "in" the template: no presence there.
		this.#collab.awareness.setLocalState(null);
		this.#collab.doc.on('update', this.#read);
		this.#read();
	}

	/** Loads the offline cache and connects. */
	connect(): Promise<void> {
		return this.#collab.connect();
	}

	/** Closes the template's session. */
	async destroy(): Promise<void> {
		this.#collab.doc.off('update', this.#read);
		await this.#collab.destroy();
	}

	/**
	 * The template, or null until it is known: an empty document is "not loaded yet" (rather than
	 * a template without points or raters, which would make every link look broken for a moment)
	 * until the server has confirmed that the template really is empty (not started yet).
	 */
	get template(): Template | null {
		return this.#holdsTemplate || this.#collab.isSynced ? this.#latest : null;
	}

	#read = (): void => {
		const doc: Y.Doc = this.#collab.doc;
		this.#holdsTemplate = holdsTemplate(doc);
		this.#latest = readTemplate(doc);
	};
}
