/**
 * What staff record on a case during and at the end of the internship: ratings, agreed levels,
 * the goal and sub-goals, sub-goal statuses, hours and tasks, own words, the next step, the
 * chosen statements and signatures. Each asks `can(actor, 'write', case)`, refuses a closed case
 * and checks the input against the case's version; a refusal stores nothing.
 */
import type { Db } from '../platform/db.ts';
import { newId } from '../platform/ids.ts';
import { ValidationError } from '#lib/domain/errors.ts';
import type {
	AgreedLevelInput,
	GoalInput,
	NextStepInput,
	OwnWordsInput,
	PointProgressInput,
	RatingInput,
	SubGoalStatusInput
} from '#lib/domain/cases/schemas.ts';
import type { CaseAccessAction, CaseContext } from '#lib/domain/cases/types.ts';
import {
	casePlan,
	knownStatementIds,
	ratingRefusal,
	statementIndex
} from '#lib/domain/cases/plan.ts';
import type { Template } from '#lib/domain/template/schemas.ts';
import { caseTransaction } from './case-transaction.ts';
import { refreshAreaLevels } from './case-area-levels.ts';
import { authorizeCase, requireOpen, versionContent, type CaseRow } from './case-rows.ts';

/** Runs `write` on an open case the actor may write, in one transaction, and records `action`. */
function writeCase(
	ctx: CaseContext,
	caseId: string,
	action: CaseAccessAction,
	write: (db: Db, row: CaseRow, template: Template, actorId: string) => Record<string, unknown>
): void {
	caseTransaction(ctx, action, (db) => {
		const { row } = authorizeCase(db, ctx, caseId, 'write');
		requireOpen(row);
		const { template } = versionContent(db, row.publication_id);
		const detail = write(db, row, template, ctx.actor?.id ?? '');
		db.prepare('UPDATE cases SET updated_at = ? WHERE id = ?').run(Date.now(), caseId);
		return { result: undefined, caseId, detail };
	});
}

function chosenStatementIds(db: Db, caseId: string): string[] {
	return (
		db
			.prepare('SELECT statement_id AS s FROM case_statements WHERE case_id = ? ORDER BY position')
			.all(caseId) as { s: string }[]
	).map((r) => r.s);
}

function refuse(key: string, field: string): never {
	throw new ValidationError(key, { [field]: key });
}

/**
 * Stores one rating (replacing the current one for that point, rater and statement).
 * @throws ValidationError when the plan does not name the rater for that point and area, or the
 * level is not on the statement's scale.
 */
export function recordRating(ctx: CaseContext, caseId: string, input: RatingInput): void {
	writeCase(ctx, caseId, 'rate', (db, row, template, actorId) => {
		const plan = casePlan(template, chosenStatementIds(db, caseId));
		const refusal = ratingRefusal(template, plan, input);
		if (refusal) refuse(refusal, refusal.endsWith('Scale') ? 'level' : 'raterId');
		db.prepare(
			`INSERT OR REPLACE INTO case_ratings (case_id, point_id, rater_id, statement_id, level_id,
				comment, by_user_id, by_link_id, rated_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)`
		).run(
			caseId,
			input.pointId,
			input.raterId,
			input.statementId,
			input.level,
			input.comment,
			actorId,
			Date.now()
		);
		refreshAreaLevels(db, caseId, template);
		return { pointId: input.pointId, raterId: input.raterId, statementId: input.statementId };
	});
}

/** Records the level the raters agreed on for a chosen statement (null: "ikke vurderet"). */
export function recordAgreedLevel(ctx: CaseContext, caseId: string, input: AgreedLevelInput): void {
	writeCase(ctx, caseId, 'update', (db, row, template, actorId) => {
		const info = statementIndex(template).get(input.statementId);
		if (!info || !chosenStatementIds(db, caseId).includes(input.statementId)) {
			refuse('cases.rating.statementNotChosen', 'statementId');
		}
		if (input.level !== null && !info.levels.some((l) => l.id === input.level)) {
			refuse('cases.rating.levelOutsideScale', 'level');
		}
		db.prepare(
			`INSERT OR REPLACE INTO case_agreed_levels (case_id, statement_id, level_id, agreed_by, agreed_at)
			VALUES (?, ?, ?, ?, ?)`
		).run(caseId, input.statementId, input.level, actorId, Date.now());
		return { field: 'agreedLevel', statementId: input.statementId };
	});
}

/** Records the goal, its date and the sub-goals as agreed with the young person. */
export function recordGoal(ctx: CaseContext, caseId: string, input: GoalInput): void {
	writeCase(ctx, caseId, 'update', (db, row, template) => {
		const chosen = new Set(chosenStatementIds(db, caseId));
		db.prepare('UPDATE cases SET goal = ?, goal_agreed_on = ? WHERE id = ?').run(
			input.goal,
			input.agreedOn,
			caseId
		);
		const keep = input.subGoals.flatMap((s) => (s.id ? [s.id] : []));
		db.prepare(
			`DELETE FROM case_sub_goals WHERE case_id = ? AND id NOT IN (SELECT value FROM json_each(?))`
		).run(caseId, JSON.stringify(keep));
		const upsert = db.prepare(
			`INSERT INTO case_sub_goals (case_id, id, position, text, statement_ids) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (case_id, id) DO UPDATE SET position = excluded.position, text = excluded.text,
				statement_ids = excluded.statement_ids`
		);
		input.subGoals.forEach((s, i) => {
			const ids = knownStatementIds(template, s.statementIds).filter((x) => chosen.has(x));
			upsert.run(caseId, s.id ?? newId(), i, s.text, JSON.stringify(ids));
		});
		return { field: 'goal' };
	});
}

/** Sets a sub-goal's status at a measurement point where the version follows sub-goals. */
export function setSubGoalStatus(
	ctx: CaseContext,
	caseId: string,
	input: SubGoalStatusInput
): void {
	writeCase(ctx, caseId, 'update', (db, row, template, actorId) => {
		const exists = db
			.prepare('SELECT 1 FROM case_sub_goals WHERE case_id = ? AND id = ?')
			.get(caseId, input.subGoalId);
		if (!exists) refuse('cases.input.unknownSubGoal', 'subGoalId');
		if (!template.goals.measurementPointIds.includes(input.pointId)) {
			refuse('cases.rating.unknownPoint', 'pointId');
		}
		if (input.statusId !== null && !template.goals.statuses.some((s) => s.id === input.statusId)) {
			refuse('cases.input.unknownStatus', 'statusId');
		}
		db.prepare(
			`INSERT OR REPLACE INTO case_sub_goal_statuses (case_id, sub_goal_id, point_id, status_id,
				updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)`
		).run(caseId, input.subGoalId, input.pointId, input.statusId, actorId, Date.now());
		return { field: 'subGoalStatus', subGoalId: input.subGoalId, pointId: input.pointId };
	});
}

/** Records hours per week and tasks at a measurement point. */
export function recordPointProgress(
	ctx: CaseContext,
	caseId: string,
	input: PointProgressInput
): void {
	writeCase(ctx, caseId, 'update', (db, row, template) => {
		if (!template.measurementPoints.some((p) => p.id === input.pointId)) {
			refuse('cases.rating.unknownPoint', 'pointId');
		}
		db.prepare(
			`INSERT OR REPLACE INTO case_point_progress (case_id, point_id, hours, tasks, updated_at)
			VALUES (?, ?, ?, ?, ?)`
		).run(caseId, input.pointId, input.hours, input.tasks, Date.now());
		return { field: 'pointProgress', pointId: input.pointId };
	});
}

/** Records the young person's own words in a free-text section of the template. */
export function recordOwnWords(ctx: CaseContext, caseId: string, input: OwnWordsInput): void {
	writeCase(ctx, caseId, 'update', (db, row, template) => {
		if (!template.freeTextSections.some((s) => s.id === input.sectionId)) {
			refuse('cases.input.unknownSection', 'sectionId');
		}
		db.prepare(
			'INSERT OR REPLACE INTO case_own_words (case_id, section_id, text, updated_at) VALUES (?, ?, ?, ?)'
		).run(caseId, input.sectionId, input.text, Date.now());
		return { field: 'ownWords', sectionId: input.sectionId };
	});
}

/** Records the structured next step. */
export function recordNextStep(ctx: CaseContext, caseId: string, input: NextStepInput): void {
	writeCase(ctx, caseId, 'update', (db) => {
		db.prepare('UPDATE cases SET next_step_kind = ?, next_step_text = ? WHERE id = ?').run(
			input.kind,
			input.text,
			caseId
		);
		return { field: 'nextStep' };
	});
}

/** Chooses which of the version's statements apply to this internship. */
export function setCaseStatements(ctx: CaseContext, caseId: string, statementIds: string[]): void {
	writeCase(ctx, caseId, 'update', (db, row, template) => {
		const known = knownStatementIds(template, statementIds);
		if (known.length === 0 || known.length !== new Set(statementIds).size) {
			refuse('cases.input.unknownStatement', 'statementIds');
		}
		db.prepare('DELETE FROM case_statements WHERE case_id = ?').run(caseId);
		const insert = db.prepare(
			'INSERT INTO case_statements (case_id, statement_id, position) VALUES (?, ?, ?)'
		);
		known.forEach((s, i) => insert.run(caseId, s, i));
		return { field: 'statements' };
	});
}

/**
 * A signature by a signed-in user: the signer (one the version names) confirms by name, now.
 * @throws ConflictError `cases.sign.already` when that signer has signed.
 */
export function signCase(
	ctx: CaseContext,
	caseId: string,
	input: { signerId: string; name: string }
): void {
	writeCase(ctx, caseId, 'sign', (db, row, template, actorId) => {
		storeSignature(db, template, caseId, input, { userId: actorId, linkId: null });
		return { signerId: input.signerId };
	});
}

/** Stores a signature after checking the signer exists and has not signed (shared with links). */
export function storeSignature(
	db: Db,
	template: Template,
	caseId: string,
	input: { signerId: string; name: string },
	by: { userId: string | null; linkId: string | null }
): void {
	if (!template.signature.signers.some((s) => s.id === input.signerId)) {
		refuse('cases.sign.unknownSigner', 'signerId');
	}
	const signed = db
		.prepare('SELECT 1 FROM case_signatures WHERE case_id = ? AND signer_id = ?')
		.get(caseId, input.signerId);
	if (signed) refuse('cases.sign.already', 'signerId');
	db.prepare(
		`INSERT INTO case_signatures (case_id, signer_id, name, signed_at, by_user_id, by_link_id)
		VALUES (?, ?, ?, ?, ?, ?)`
	).run(caseId, input.signerId, input.name, Date.now(), by.userId, by.linkId);
}
