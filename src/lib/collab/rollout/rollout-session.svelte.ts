/**
 * One person's live rollout session in the browser, as Svelte state: the session as the server
 * shows it to them, the presenter's step (pushed), and their own position. A follower follows the
 * presenter until they step back or forth themselves, and can jump back to the presenter; their
 * position, confirmations and answers go to the server. The facilitator's pages use the same
 * class to move the presenter and to keep the dashboard live.
 */
import type { RolloutViewResponse } from '#lib/domain/rollout/api-schemas.ts';
import { watchRolloutEvents } from './rollout-stream.ts';

type AnswerResult = { isCorrect: boolean; correctOptionIds: string[] };

/** Dashboard changes arrive with every tap of every follower: refetch at most this often. */
const REFRESH_COALESCE_MS = 400;

export class RolloutSession {
	view: RolloutViewResponse = $state() as RolloutViewResponse;
	presenterStepId: string | null = $state(null);
	/** The step this person looks at. */
	index = $state(0);
	/** True while the view moves with the presenter. */
	isFollowing = $state(true);
	/** The last request's error message, for a live region. */
	error: string | null = $state(null);
	readonly base: string;
	private stop: (() => void) | null = null;
	private refreshTimer: ReturnType<typeof setTimeout> | null = null;

	constructor(initial: RolloutViewResponse) {
		this.view = initial;
		this.base = `/api/v1/rollouts/${initial.id}`;
		this.presenterStepId = initial.presenterStepId;
		const start = initial.me?.currentStepId ?? (initial.isOpen ? initial.presenterStepId : null);
		this.index = Math.max(0, this.indexOf(start));
		this.isFollowing = initial.isOpen && initial.me?.mode !== 'self';
	}

	get step() {
		return this.view.steps[this.index];
	}

	get presenterIndex(): number {
		return this.indexOf(this.presenterStepId);
	}

	indexOf(stepId: string | null): number {
		return stepId === null ? -1 : this.view.steps.findIndex((s) => s.id === stepId);
	}

	/** Starts listening to the session's events; returns the stop function. */
	connect(): () => void {
		this.stop = watchRolloutEvents(this.view.id, {
			onPresenter: (stepId) => {
				this.presenterStepId = stepId;
				if (this.isFollowing && this.view.isOpen) this.show(this.indexOf(stepId), false);
			},
			onChange: (kind) => this.scheduleRefresh(kind === 'dashboard' || kind === 'feedback'),
			onSync: () => void this.refresh()
		});
		return () => {
			this.stop?.();
			if (this.refreshTimer) clearTimeout(this.refreshTimer);
		};
	}

	private scheduleRefresh(isCoalesced: boolean): void {
		if (!isCoalesced) return void this.refresh();
		this.refreshTimer ??= setTimeout(() => {
			this.refreshTimer = null;
			void this.refresh();
		}, REFRESH_COALESCE_MS);
	}

	/** Fetches the session again. */
	async refresh(): Promise<void> {
		const response = await fetch(this.base, { headers: { accept: 'application/json' } });
		if (!response.ok) return;
		const view = (await response.json()) as RolloutViewResponse;
		const current = this.step?.id ?? null;
		this.view = view;
		this.presenterStepId = view.presenterStepId;
		if (!view.isOpen) this.isFollowing = false;
		this.index = Math.max(0, this.indexOf(this.isFollowing ? view.presenterStepId : current));
	}

	private async post<T>(path: string, body?: unknown): Promise<T | null> {
		const response = await fetch(`${this.base}${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		if (!response.ok) {
			const failure = (await response.json().catch(() => null)) as {
				error?: { message?: string };
			} | null;
			this.error = failure?.error?.message ?? response.statusText;
			return null;
		}
		this.error = null;
		return response.status === 204 ? ({} as T) : ((await response.json()) as T);
	}

	private show(index: number, byUser: boolean): void {
		if (index < 0 || index >= this.view.steps.length) return;
		this.index = index;
		if (byUser && this.view.me) void this.post('/position', { stepId: this.view.steps[index].id });
	}

	/** The person's own step back or forth: they stop following the presenter. */
	goTo(index: number): void {
		if (index !== this.presenterIndex) this.isFollowing = false;
		this.show(index, true);
	}

	/** Back to where the presenter is, and following again. */
	jumpToPresenter(): void {
		this.isFollowing = true;
		this.show(this.presenterIndex, true);
	}

	/** "Forstået" on the step shown. */
	async ack(stepId: string): Promise<void> {
		if (await this.post(`/steps/${encodeURIComponent(stepId)}/ack`)) await this.refresh();
	}

	/** The person's answer to the step's question. */
	async answer(stepId: string, choices: string[]): Promise<AnswerResult | null> {
		const result = await this.post<AnswerResult>(`/steps/${encodeURIComponent(stepId)}/answer`, {
			choices
		});
		if (result) await this.refresh();
		return result;
	}

	/** The facilitator moves the presenter. */
	async present(index: number): Promise<void> {
		const step = this.view.steps[index];
		if (!step) return;
		this.index = index;
		this.presenterStepId = step.id;
		await this.post('/presenter', { stepId: step.id });
	}
}
