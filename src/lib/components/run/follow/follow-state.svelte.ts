/**
 * "Follow me" on a document page (the template, or the drejebog on Dag 2), as reactive state: the current follow target (from the run
 * view, refreshed whenever the run-event stream says it changed), whether this person may lead
 * (the facilitator), and whether this tab follows or has stepped out (kept in sessionStorage, so
 * a reload keeps the choice and another tab can choose differently). Components reach it through
 * context (`getFollowState`); outside a FollowScope there is none and nothing is rendered.
 */
import { createContext } from 'svelte';
import { t } from '#lib/i18n/index.svelte.ts';
import { watchRunEvents } from '#lib/collab/run-stream.ts';
import type { FollowTargetBody, RunViewBody } from '#lib/domain/api-schemas.ts';
import {
	highlight,
	isTyping,
	revealFollowTarget,
	revealHiddenTarget,
	waitForFollowElement
} from './follow-reveal.ts';
import { followTargetName } from '../element-names.ts';

/** How long a new target may take to appear on the page (the template may still be loading). */
const APPEAR_TIMEOUT_MS = 10_000;

const [getContext, setContext] = createContext<FollowState | null>();

/** The follow state of the surrounding FollowScope, or null outside one. */
export function getFollowState(): FollowState | null {
	try {
		return getContext();
	} catch {
		return null;
	}
}

/** Makes `state` available to the components below the caller. */
export function setFollowState(state: FollowState): FollowState {
	setContext(state);
	return state;
}

/** What the target is called, in the reader's language (template or drejebog). */
export function followLabel(target: Pick<FollowTargetBody, 'kind' | 'label'>): string {
	return followTargetName(target);
}

export class FollowState {
	target = $state<FollowTargetBody | null>(null);
	/** True for the facilitator, who points rather than follows. */
	canLead = $state(false);
	/** False once this tab has stepped out. */
	isFollowing = $state(true);
	/** The server's (translated) message when pointing failed. */
	error = $state<string | null>(null);
	/** Read out by the live region: where the view moved and why focus stayed. */
	announcement = $state('');

	readonly workshopId: string;
	readonly documentId: string;
	private readonly storageKey: string;
	private pending: AbortController | null = null;

	constructor(workshopId: string, documentId: string) {
		this.workshopId = workshopId;
		this.documentId = documentId;
		this.storageKey = `formvaerk.follow.${workshopId}`;
		// Rendered on the server too, where there is no sessionStorage (and nothing to follow yet).
		this.isFollowing =
			typeof sessionStorage === 'undefined' || sessionStorage.getItem(this.storageKey) !== 'out';
	}

	/** Starts listening for changes; returns the function that stops it. */
	start(): () => void {
		const refresh = () => void this.refresh();
		const stop = watchRunEvents(this.workshopId, {
			onChange: (kind) => {
				if (kind === 'follow') refresh();
			},
			onSync: refresh
		});
		return () => {
			stop();
			this.pending?.abort();
		};
	}

	/** Fetches the run view and applies its follow target. */
	async refresh(): Promise<void> {
		const response = await fetch(`/api/v1/workshops/${this.workshopId}/run`, {
			headers: { accept: 'application/json' }
		}).catch(() => null);
		if (!response?.ok) return;
		const view = (await response.json()) as RunViewBody;
		this.canLead = view.canRun;
		this.apply(view.follow?.documentId === this.documentId ? view.follow : null);
	}

	/** Points the participants at `elementId` (facilitator). */
	async point(elementId: string): Promise<void> {
		const response = await this.send('PUT', { documentId: this.documentId, elementId });
		if (response) this.apply((await response.json()) as FollowTargetBody);
	}

	/** Stops leading (facilitator). */
	async stop(): Promise<void> {
		if (await this.send('DELETE')) this.apply(null);
	}

	/** One click out: this tab stays where it is while the facilitator moves on. */
	stepOut(): void {
		this.pending?.abort();
		this.isFollowing = false;
		sessionStorage.setItem(this.storageKey, 'out');
	}

	/** One click back: follow again and jump to what the facilitator shows now. */
	followAgain(): void {
		this.isFollowing = true;
		sessionStorage.removeItem(this.storageKey);
		if (this.target) void this.move(this.target);
	}

	private async send(method: 'PUT' | 'DELETE', body?: object): Promise<Response | null> {
		this.error = null;
		const response = await fetch(`/api/v1/workshops/${this.workshopId}/run/follow`, {
			method,
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: body ? JSON.stringify(body) : undefined
		}).catch(() => null);
		if (response?.ok) return response;
		const failure = (await response?.json().catch(() => null)) as {
			error?: { message?: string };
		} | null;
		this.error = failure?.error?.message ?? t('follow.error.failed');
		return null;
	}

	private apply(next: FollowTargetBody | null): void {
		const isNew = next?.elementId !== this.target?.elementId || next?.setAt !== this.target?.setAt;
		this.target = next;
		if (!isNew) return;
		this.pending?.abort();
		if (!next) {
			highlight(null);
			return;
		}
		if (this.isFollowing && !this.canLead) void this.move(next);
		else void this.mark(next);
	}

	/** Marks the target without moving (the facilitator, or a participant who stepped out). */
	private async mark(target: FollowTargetBody): Promise<void> {
		const controller = new AbortController();
		this.pending = controller;
		const element = await waitForFollowElement(
			target.elementId,
			APPEAR_TIMEOUT_MS,
			controller.signal
		);
		if (element && !controller.signal.aborted) highlight(target.elementId);
	}

	/** Moves this view to the target and says so in the live region. */
	private async move(target: FollowTargetBody): Promise<void> {
		this.pending?.abort();
		const controller = new AbortController();
		this.pending = controller;
		const label = followLabel(target);
		await revealHiddenTarget(target.elementId);
		const element = await waitForFollowElement(
			target.elementId,
			APPEAR_TIMEOUT_MS,
			controller.signal
		);
		if (controller.signal.aborted) return;
		if (!element) {
			this.announcement = t('follow.notOnPage');
			return;
		}
		if (isTyping()) {
			// Never take focus (or the view) from someone typing: mark the target, say so, and
			// move the view once they leave the field, without moving their focus then either.
			highlight(target.elementId);
			this.announcement = t('follow.movedWhileTyping', { label });
			this.afterTyping(() => void revealFollowTarget(target.elementId, { mayFocus: false }));
			return;
		}
		await revealFollowTarget(target.elementId, { mayFocus: true });
		this.announcement = t('follow.moved', { label });
	}

	/** Runs `then` once focus has left text fields (moving from field to field keeps waiting). */
	private afterTyping(then: () => void): void {
		const signal = this.pending?.signal;
		const onLeave = () => {
			// After focusout the next element is not focused yet; wait until it is, or the
			// browser's scroll to it would undo ours.
			setTimeout(() => {
				if (signal?.aborted) return;
				if (isTyping()) this.afterTyping(then);
				else then();
			});
		};
		document.activeElement?.addEventListener('focusout', onLeave, { once: true, signal });
	}
}
