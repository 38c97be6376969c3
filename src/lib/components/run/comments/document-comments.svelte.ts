/**
 * Comments on a document page (the template, or the drejebog): the document's threads through the
 * JSON API (`/api/v1/workshops/{id}/documents/{docId}/comments`), with the unresolved count per
 * element and which element's thread panel is open. They are fetched when the run-event stream
 * opens and whenever it announces a `comment` change of this document, so another person's
 * comment and the counts arrive at once without polling (run-stream.ts polls slowly only when the
 * stream cannot be used at all). The server decides everything (rights, which elements exist,
 * that a thread of a deleted element counts as resolved); this only fetches and shows it.
 */
import type { CommentsBody } from '#lib/domain/api-schemas.ts';
import type { CommentableKind } from '#lib/domain/comments.ts';
import { watchRunEvents } from '#lib/collab/run-stream.ts';
import { t } from '#lib/i18n/index.svelte.ts';

export type CommentThreadBody = CommentsBody['threads'][number];

/** What the person may do; null on pages without comments. */
export type CommentRights = { canComment: boolean; canSeeCount: boolean };

/** Where the comments are, read when needed (the page may move to another document). */
export type CommentsSource = () => {
	workshopId: string;
	documentId: string;
	rights: CommentRights | null;
};

/** An element whose threads are shown. */
export type CommentTarget = { id: string; kind: CommentableKind; label: string };

/** The document page's comments; one per page, shared through context.ts. */
export class DocumentComments {
	threads = $state.raw<CommentThreadBody[]>([]);
	unresolvedCount = $state(0);
	/** A translated message when the last fetch failed. */
	loadError = $state<string | null>(null);
	/** The element whose threads the panel shows; null shows every thread. */
	target = $state.raw<CommentTarget | null>(null);
	isPanelOpen = $state(false);
	/** Bumped on every open, so the panel moves focus even when the target stays the same. */
	openCount = $state(0);
	private readonly source: CommentsSource;
	private returnFocus: HTMLElement | null = null;

	constructor(source: CommentsSource) {
		this.source = source;
	}

	get rights(): CommentRights | null {
		return this.source().rights;
	}

	private get url(): string {
		const { workshopId, documentId } = this.source();
		return `/api/v1/workshops/${workshopId}/documents/${documentId}/comments`;
	}

	/** Unresolved threads on one element. */
	unresolvedOn(elementId: string): number {
		return this.threads.filter((t) => t.elementId === elementId && !t.isResolved).length;
	}

	/** The threads the panel shows: the target's, or all of them. */
	get shown(): CommentThreadBody[] {
		const target = this.target;
		return target ? this.threads.filter((t) => t.elementId === target.id) : this.threads;
	}

	/**
	 * Opens the panel on `target` (null: every thread); focus returns to `opener` on close (to the
	 * earlier opener when switching within the open panel).
	 */
	open(target: CommentTarget | null, opener: HTMLElement | null): void {
		this.target = target;
		this.isPanelOpen = true;
		this.openCount++;
		this.returnFocus = opener ?? this.returnFocus;
	}

	close(): void {
		this.isPanelOpen = false;
		this.returnFocus?.focus();
		this.returnFocus = null;
	}

	/** Fetches the threads again; keeps the old ones and sets `loadError` when it fails. */
	async refresh(): Promise<void> {
		if (!this.rights) return;
		try {
			const response = await fetch(this.url, { headers: { accept: 'application/json' } });
			if (!response.ok) throw new Error(`HTTP ${response.status}`);
			this.accept((await response.json()) as CommentsBody);
			this.loadError = null;
		} catch {
			this.loadError = 'templateComments.loadFailed';
		}
	}

	/**
	 * Fetches the threads now and again whenever the run-event stream announces a change of this
	 * document's comments (or of the person's rights); returns the function that stops it.
	 */
	watch(): () => void {
		const { workshopId } = this.source();
		return watchRunEvents(workshopId, {
			onChange: (kind, documentId) => {
				const isMine = kind === 'comment' && documentId === this.source().documentId;
				if (isMine || kind === 'access') void this.refresh();
			},
			onSync: () => void this.refresh()
		});
	}

	/** Starts a thread on `elementId`; answers the (translated) reason when it fails. */
	create(elementId: string, text: string): Promise<string | null> {
		return this.send(this.url, { elementId, text });
	}

	/** Replies to a thread. */
	reply(thread: CommentThreadBody, text: string): Promise<string | null> {
		return this.send(this.url, { elementId: thread.elementId, parentId: thread.id, text });
	}

	/** Marks a thread resolved. */
	resolve(threadId: string): Promise<string | null> {
		return this.send(`${this.url}/${threadId}/resolve`, undefined);
	}

	private async send(
		url: string,
		body: Record<string, string> | undefined
	): Promise<string | null> {
		try {
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', accept: 'application/json' },
				body: JSON.stringify(body ?? {})
			});
			const answer = (await response.json()) as CommentsBody | { error: { message: string } };
			if ('error' in answer) return answer.error.message;
			this.accept(answer);
			return null;
		} catch {
			return t('templateComments.loadFailed');
		}
	}

	private accept(body: CommentsBody): void {
		this.threads = body.threads;
		this.unresolvedCount = body.unresolvedCount;
	}
}
