/**
 * A participant's way through the walkthrough: where they are, the steps they confirmed
 * ("Forstået"), their one answer per question, and the completion record written the moment
 * every step that asks for it is confirmed and every question answered (one per person per
 * version). Works in the session and alone afterwards alike.
 */
import { getDb, transaction } from '../platform/db.ts';
import type { Actor } from '#lib/domain/permissions.ts';
import { ConflictError, NotFoundError, ValidationError } from '#lib/domain/errors.ts';
import {
	findStep,
	gradeAnswer,
	progressOf,
	type CheckQuestion,
	type Progress,
	type WalkthroughStep
} from '#lib/domain/rollout/index.ts';
import { loadRollout, requireParticipant, type LoadedRollout } from './rollout-access.ts';
import { publishRolloutChange } from './rollout-events.ts';

/** One person's state in a session. */
export type PersonState = {
	acked: Set<string>;
	answers: Map<string, { choices: string[]; isCorrect: boolean }>;
};

/** The confirmed steps and answers of `userId` in `rolloutId`. */
export function personState(rolloutId: string, userId: string): PersonState {
	const db = getDb();
	const acks = db
		.prepare('SELECT step_id FROM rollout_acks WHERE rollout_id = ? AND user_id = ?')
		.all(rolloutId, userId) as { step_id: string }[];
	const answers = db
		.prepare(
			'SELECT step_id, choices, is_correct FROM rollout_answers WHERE rollout_id = ? AND user_id = ?'
		)
		.all(rolloutId, userId) as { step_id: string; choices: string; is_correct: number }[];
	return {
		acked: new Set(acks.map((a) => a.step_id)),
		answers: new Map(
			answers.map((a) => [
				a.step_id,
				{ choices: JSON.parse(a.choices) as string[], isCorrect: a.is_correct === 1 }
			])
		)
	};
}

/** The person's progress in `rollout`. */
export function progressFor(rollout: LoadedRollout, state: PersonState): Progress {
	const correct = new Map([...state.answers].map(([stepId, a]) => [stepId, a.isCorrect]));
	return progressOf(rollout.walkthrough, state.acked, correct);
}

function stepOf(rollout: LoadedRollout, stepId: string): WalkthroughStep {
	const step = findStep(rollout.walkthrough, stepId);
	if (!step) throw new NotFoundError('rollout.error.unknownStep');
	return step;
}

/** Writes the completion record once the person is through (no-op before, or when written). */
function recordCompletion(rollout: LoadedRollout, userId: string, mode: 'live' | 'self'): void {
	const state = personState(rollout.row.id, userId);
	const progress = progressFor(rollout, state);
	if (!progress.isComplete) return;
	const answers = [...state.answers].map(([stepId, a]) => ({ stepId, ...a }));
	getDb()
		.prepare(
			`INSERT INTO rollout_completions (publication_id, user_id, rollout_id, mode, completed_at,
				acked, correct, questions, answers)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`
		)
		.run(
			rollout.version.id,
			userId,
			rollout.row.id,
			mode,
			Date.now(),
			progress.acked,
			progress.correct,
			progress.questions,
			JSON.stringify(answers)
		);
}

/** Where the participant is now (their own back-and-forth); shown on the dashboard. */
export function setPosition(actor: Actor, rolloutId: string, stepId: string): void {
	const rollout = loadRollout(actor, rolloutId);
	requireParticipant(actor, rollout);
	stepOf(rollout, stepId);
	getDb()
		.prepare(
			'UPDATE rollout_participants SET current_step_id = ?, seen_at = ? WHERE rollout_id = ? AND user_id = ?'
		)
		.run(stepId, Date.now(), rolloutId, actor.id);
	publishRolloutChange(rolloutId, 'dashboard');
}

/** "Forstået" on a step; confirming twice changes nothing. Returns the person's progress. */
export function ackStep(actor: Actor, rolloutId: string, stepId: string): Progress {
	const rollout = loadRollout(actor, rolloutId);
	const participant = requireParticipant(actor, rollout);
	stepOf(rollout, stepId);
	transaction(getDb(), () => {
		getDb()
			.prepare(
				`INSERT INTO rollout_acks (rollout_id, user_id, step_id, acked_at) VALUES (?, ?, ?, ?)
				 ON CONFLICT DO NOTHING`
			)
			.run(rolloutId, actor.id, stepId, Date.now());
		recordCompletion(rollout, actor.id, participant.mode);
	});
	publishRolloutChange(rolloutId, 'dashboard');
	return progressFor(rollout, personState(rolloutId, actor.id));
}

/** What an answer gets back: whether it was right, the right options and the explanation. */
export type AnswerResult = {
	isCorrect: boolean;
	choices: string[];
	correctOptionIds: string[];
	explanation: CheckQuestion['explanation'];
	progress: Progress;
};

/**
 * The participant's one answer to the step's question.
 * @throws NotFoundError (no such step, or no question on it), ValidationError (an option the
 * question does not have), ConflictError `already_answered`.
 */
export function answerStep(
	actor: Actor,
	rolloutId: string,
	stepId: string,
	choices: readonly string[]
): AnswerResult {
	const rollout = loadRollout(actor, rolloutId);
	const participant = requireParticipant(actor, rollout);
	const question = stepOf(rollout, stepId).question;
	if (!question) throw new NotFoundError('rollout.error.noQuestion');
	const graded = gradeAnswer(question, choices);
	if (!graded.ok) {
		throw new ValidationError('rollout.error.unknownOption', {
			choices:
				graded.problem === 'noChoice' ? 'rollout.input.noChoice' : 'rollout.error.unknownOption'
		});
	}
	transaction(getDb(), () => {
		const inserted = getDb()
			.prepare(
				`INSERT INTO rollout_answers (rollout_id, user_id, step_id, question_id, choices,
					is_correct, answered_at)
				 VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`
			)
			.run(
				rolloutId,
				actor.id,
				stepId,
				question.id,
				JSON.stringify(graded.choices),
				graded.isCorrect ? 1 : 0,
				Date.now()
			);
		if (inserted.changes === 0) {
			throw new ConflictError('already_answered', 'rollout.error.alreadyAnswered');
		}
		recordCompletion(rollout, actor.id, participant.mode);
	});
	publishRolloutChange(rolloutId, 'dashboard');
	return {
		isCorrect: graded.isCorrect,
		choices: graded.choices,
		correctOptionIds: question.correctOptionIds,
		explanation: question.explanation,
		progress: progressFor(rollout, personState(rolloutId, actor.id))
	};
}
