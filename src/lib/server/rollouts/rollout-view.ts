/**
 * A session as one person sees it: the walkthrough's steps (questions without their right answers
 * until the person has answered), the presenter's step, the person's own progress, and, for the
 * facilitator only, the code, the link and the live dashboard (who joined, where each is, their
 * confirmations and answers, completion, the share of right answers per question, the questions
 * and suggestions posted).
 */
import { getDb } from '../platform/db.ts';
import type { Actor } from '#lib/domain/permissions.ts';
import { ForbiddenError } from '#lib/domain/errors.ts';
import {
	questionStats,
	type CheckQuestion,
	type Progress,
	type WalkthroughStep
} from '#lib/domain/rollout/index.ts';
import { isFacilitatorOf, loadRollout, participantRow } from './rollout-access.ts';
import { personState, progressFor } from './rollout-progress.ts';
import { listFeedback, type FeedbackItem } from './rollout-feedback.ts';
import { joinUrl } from './rollouts.ts';

/** A question as a follower sees it before answering: no right answers, no explanation. */
export type QuestionView = Omit<CheckQuestion, 'correctOptionIds' | 'explanation'> & {
	correctOptionIds: string[] | null;
	explanation: CheckQuestion['explanation'] | null;
};
export type StepView = Omit<WalkthroughStep, 'question'> & { question: QuestionView | null };

export type ParticipantView = {
	userId: string;
	name: string;
	mode: 'live' | 'self';
	currentStepId: string | null;
	acked: number;
	answered: number;
	correct: number;
	completedAt: number | null;
};

export type RolloutView = {
	id: string;
	publicationId: string;
	versionNumber: number;
	workshopId: string;
	title: string;
	isOpen: boolean;
	isFacilitator: boolean;
	presenterStepId: string | null;
	followUpDate: string | null;
	/** The version's time in operation ("I drift"), or null when it never went into operation. */
	operation: { since: number; retiredAt: number | null } | null;
	steps: StepView[];
	me: {
		mode: 'live' | 'self';
		currentStepId: string | null;
		acked: string[];
		answers: { stepId: string; choices: string[]; isCorrect: boolean }[];
		progress: Progress;
		completedAt: number | null;
	} | null;
	facilitator: {
		code: string | null;
		url: string | null;
		participants: ParticipantView[];
		questions: ReturnType<typeof questionStats>;
		feedback: FeedbackItem[];
	} | null;
};

function operationOf(publicationId: string): RolloutView['operation'] {
	const row = getDb()
		.prepare('SELECT since, retired_at FROM publication_operation WHERE publication_id = ?')
		.get(publicationId) as { since: number; retired_at: number | null } | undefined;
	return row ? { since: row.since, retiredAt: row.retired_at } : null;
}

function completedAt(publicationId: string, userId: string): number | null {
	const row = getDb()
		.prepare(
			'SELECT completed_at FROM rollout_completions WHERE publication_id = ? AND user_id = ?'
		)
		.get(publicationId, userId) as { completed_at: number } | undefined;
	return row?.completed_at ?? null;
}

function participants(rolloutId: string, publicationId: string): ParticipantView[] {
	const rows = getDb()
		.prepare(
			`SELECT p.user_id, u.name, p.mode, p.current_step_id, c.completed_at,
				(SELECT count(*) FROM rollout_acks a WHERE a.rollout_id = p.rollout_id AND a.user_id = p.user_id) AS acked,
				(SELECT count(*) FROM rollout_answers r WHERE r.rollout_id = p.rollout_id AND r.user_id = p.user_id) AS answered,
				(SELECT count(*) FROM rollout_answers r WHERE r.rollout_id = p.rollout_id AND r.user_id = p.user_id AND r.is_correct = 1) AS correct
			 FROM rollout_participants p JOIN users u ON u.id = p.user_id
			 LEFT JOIN rollout_completions c ON c.publication_id = ? AND c.user_id = p.user_id
			 WHERE p.rollout_id = ? ORDER BY p.joined_at, u.name`
		)
		.all(publicationId, rolloutId) as {
		user_id: string;
		name: string;
		mode: 'live' | 'self';
		current_step_id: string | null;
		completed_at: number | null;
		acked: number;
		answered: number;
		correct: number;
	}[];
	return rows.map((r) => ({
		userId: r.user_id,
		name: r.name,
		mode: r.mode,
		currentStepId: r.current_step_id,
		acked: r.acked,
		answered: r.answered,
		correct: r.correct,
		completedAt: r.completed_at
	}));
}

function allAnswers(rolloutId: string) {
	return (
		getDb()
			.prepare('SELECT step_id, is_correct FROM rollout_answers WHERE rollout_id = ?')
			.all(rolloutId) as { step_id: string; is_correct: number }[]
	).map((a) => ({ stepId: a.step_id, isCorrect: a.is_correct === 1 }));
}

/**
 * The session for `actor`: a participant or its facilitator.
 * @throws NotFoundError outside the municipality; ForbiddenError before joining.
 */
export function getRolloutView(actor: Actor, rolloutId: string, origin: string): RolloutView {
	const rollout = loadRollout(actor, rolloutId);
	const isFacilitator = isFacilitatorOf(actor, rollout);
	const participant = participantRow(rolloutId, actor.id);
	if (!isFacilitator && !participant) throw new ForbiddenError('rollout.error.notParticipant');
	const state = participant ? personState(rolloutId, actor.id) : null;
	const steps: StepView[] = rollout.walkthrough.steps.map((step) => {
		if (!step.question) return { ...step, question: null };
		const shows = isFacilitator || state?.answers.has(step.id);
		return {
			...step,
			question: {
				...step.question,
				correctOptionIds: shows ? step.question.correctOptionIds : null,
				explanation: shows ? step.question.explanation : null
			}
		};
	});
	const { row, version } = rollout;
	return {
		id: row.id,
		publicationId: version.id,
		versionNumber: version.number,
		workshopId: version.workshopId,
		title: version.template.title,
		isOpen: row.closed_at === null,
		isFacilitator,
		presenterStepId: row.presenter_step_id,
		followUpDate: row.follow_up_date,
		operation: operationOf(version.id),
		steps,
		me:
			participant && state
				? {
						mode: participant.mode,
						currentStepId: participant.current_step_id,
						acked: [...state.acked],
						answers: [...state.answers].map(([stepId, a]) => ({ stepId, ...a })),
						progress: progressFor(rollout, state),
						completedAt: completedAt(version.id, actor.id)
					}
				: null,
		facilitator: isFacilitator
			? {
					code: row.code,
					url: row.code ? joinUrl(origin, row.code) : null,
					participants: participants(rolloutId, version.id),
					questions: questionStats(rollout.walkthrough, allAnswers(rolloutId)),
					feedback: listFeedback(version.id)
				}
			: null
	};
}
