/**
 * Starting, listing, reading, closing and deleting cases.
 */
import type { CreateCaseInput } from '#lib/domain/cases/schemas.ts';
import type { CaseContext, CaseSummary, CaseView } from '#lib/domain/cases/types.ts';

const TODO = 'cases-core: not implemented yet';

/**
 * Starts a case for a young person on a version in operation of the actor's municipality
 * (jobkonsulent or administrator); the actor becomes its jobkonsulent. With `previousCaseId`, the
 * new case starts from that case's end ratings.
 * @throws NotFoundError (unknown version, of another municipality), ForbiddenError (role),
 * ValidationError (`cases.version.notInOperation`, bad statements, CPR numbers, end before start).
 */
export function createCase(ctx: CaseContext, input: CreateCaseInput): { id: string } {
	void ctx;
	void input;
	throw new Error(TODO);
}

/** "Mine forløb": the cases assigned to the actor, with stage, what is due and attention. */
export function listMyCases(ctx: CaseContext, now = Date.now()): CaseSummary[] {
	void ctx;
	void now;
	throw new Error(TODO);
}

/**
 * One case as its staff (or an administrator) see it.
 * @throws NotFoundError when unknown or not visible to the actor.
 */
export function getCase(ctx: CaseContext, caseId: string, now = Date.now()): CaseView {
	void ctx;
	void caseId;
	void now;
	throw new Error(TODO);
}

/** Closes a case (its jobkonsulent); open links stop working. */
export function closeCase(ctx: CaseContext, caseId: string): void {
	void ctx;
	void caseId;
	throw new Error(TODO);
}

/** Deletes a case with everything it holds (an administrator); `reason` goes to the audit log. */
export function deleteCase(ctx: CaseContext, caseId: string, reason: string): void {
	void ctx;
	void caseId;
	void reason;
	throw new Error(TODO);
}
