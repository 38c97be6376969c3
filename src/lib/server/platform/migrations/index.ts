/**
 * Versioned schema migrations. A released migration is never edited: add a new one instead.
 * Each runs in its own transaction and records itself in `schema_migrations`.
 */
import { m001Initial } from './001-initial.ts';
import { m002RunMode } from './002-run-mode.ts';
import { m003Locks } from './003-locks.ts';
import { m004Follow } from './004-follow.ts';
import { m005VoteKeep } from './005-vote-keep.ts';
import { m006VoteKeepApplied } from './006-vote-keep-applied.ts';
import { m007LoginAttemptsInFlight } from './007-login-attempts-in-flight.ts';
import { m008SessionRevision } from './008-session-revision.ts';
import { m009KeepChoiceAndCommentCopies } from './009-keep-choice-and-comment-copies.ts';
import { m010LockPlanAndGoals } from './010-lock-plan-and-goals.ts';
import { m011Publications } from './011-publications.ts';
import { m012RunDays } from './012-run-days.ts';
import { m013Rollouts } from './013-rollouts.ts';
import { m014Cases } from './014-cases.ts';
import { m015Privacy } from './015-privacy.ts';
import { m016CaseAreaLevels } from './016-case-area-levels.ts';

export type Migration = {
	version: number;
	name: string;
	sql: string;
	/**
	 * The migration copies a table to change a constraint SQLite cannot alter in place. migrate()
	 * then runs it with foreign keys off (dropping the old table must not cascade into the rows
	 * that refer to it) and checks every foreign key before committing.
	 */
	isTableRebuild?: boolean;
};

export const MIGRATIONS: readonly Migration[] = [
	m001Initial,
	m002RunMode,
	m003Locks,
	m004Follow,
	m005VoteKeep,
	m006VoteKeepApplied,
	m007LoginAttemptsInFlight,
	m008SessionRevision,
	m009KeepChoiceAndCommentCopies,
	m010LockPlanAndGoals,
	m011Publications,
	m012RunDays,
	m013Rollouts,
	m014Cases,
	m015Privacy,
	m016CaseAreaLevels
];
