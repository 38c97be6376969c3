/**
 * The vocabulary of Drift cases shared by the server module, the pages and the API: stages, the
 * context every case function takes, the purpose of an access (issue 14), and the views the
 * server returns.
 */
import type { Actor, CaseStaffRole } from '../permissions.ts';
import type { NextStepKind } from '../template/case-data.ts';
import type { TargetGroup } from './schemas.ts';

/** Where a case is: before the internship, during it, in its last weeks, or closed. */
export const CASE_STAGES = ['before', 'during', 'ending', 'closed'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/** Why someone opens a case: opfølgning, vurdering, udskrift, klage, andet (with a text). */
export const CASE_PURPOSE_KINDS = [
	'followUp',
	'assessment',
	'printout',
	'complaint',
	'other'
] as const;
export type CasePurposeKind = (typeof CASE_PURPOSE_KINDS)[number];
export type CasePurpose = { kind: CasePurposeKind; text?: string };

/**
 * Who is acting on cases and why, given to every function of the cases module: a signed-in
 * `actor`, or the holder of a `link`; the stated `purpose` (recorded by the audit log) and the
 * request's id.
 */
export type CaseContext = {
	actor?: Actor;
	link?: { id: string };
	purpose?: CasePurpose | null;
	requestId: string;
	/**
	 * The page request's audit (one entry per HTTP request, issue 14): reads wait in it for the
	 * request's end and are dropped when the request records a change. The API passes none.
	 */
	audit?: RequestAudit;
	/**
	 * Internal to the cases module: inside a whole-form function, the accesses of the writes it
	 * combines are gathered here for its one entry instead of being written each.
	 */
	gather?: GatheredAccess[];
};

/** One access to a case as the audit log records it (`recordCaseAccess`). */
export type GatheredAccess = {
	caseId: string | null;
	action: CaseAccessAction;
	detail?: Record<string, unknown>;
};

/**
 * One page request's accesses to cases (`locals.audit`, made by the server hook): the reads
 * held until the response is ready (`writeHeldReads`), and whether a change was recorded.
 */
export type RequestAudit = {
	reads: { ctx: CaseContext; access: GatheredAccess }[];
	changed: boolean;
};

/** What the audit log records an access as (`recordCaseAccess`). */
export const CASE_ACCESS_ACTIONS = [
	'list',
	'read',
	'create',
	'update',
	'rate',
	'export',
	'link-create',
	'link-revoke',
	'link-open',
	'link-use',
	'sign',
	'close',
	'delete'
] as const;
export type CaseAccessAction = (typeof CASE_ACCESS_ACTIONS)[number];

/** A measurement point due on a date (from its timing and the case's period). */
export type DuePoint = { pointId: string; label: string; date: string };

/** A "hurtig reaktion" rule the case meets, with what the drejebog says to do. */
export type Attention = { reactionId: string; kind: 'noProgress' | 'missedRating'; action: string };

/** A case in "Mine forløb". */
export type CaseSummary = {
	id: string;
	youngPerson: { id: string; firstName: string; lastName: string };
	company: string;
	start: string;
	end: string;
	targetGroup: TargetGroup | null;
	stage: CaseStage;
	publicationId: string;
	versionNumber: number;
	workshopTitle: string;
	closedAt: number | null;
	/** Measurement points due this week whose planned ratings are not all given. */
	dueThisWeek: DuePoint[];
	needsAttention: Attention[];
	myRole: CaseStaffRole | null;
};

/** One stored rating. */
export type CaseRatingView = {
	pointId: string;
	raterId: string;
	statementId: string;
	level: string | null;
	comment: string;
	by: 'user' | 'link';
	ratedAt: number;
};

/** A case's link (never its token, which only its creator saw once). */
export type CaseLinkView = {
	id: string;
	kind: 'rate' | 'sign';
	raterId: string | null;
	pointId: string | null;
	signerId: string | null;
	expiresAt: number;
	usedAt: number | null;
	revokedAt: number | null;
	createdAt: number;
};

/** Raters disagreeing on a statement at a point (levels as positions on its scale, 1-based). */
export type Disagreement = {
	pointId: string;
	statementId: string;
	levels: { raterId: string; level: string; position: number }[];
	spread: number;
};

/** One line of the progression chart: an area as one rater saw it over the points. */
export type ProgressionSeries = {
	areaId: string;
	raterId: string;
	/** Mean position (1-based) of the area's rated statements at each point; null when none. */
	points: { pointId: string; value: number | null; count: number }[];
};

/** A whole case as its staff see it. */
export type CaseView = Omit<CaseSummary, 'myRole'> & {
	orgId: string;
	mentorName: string;
	hoursAtStart: number | null;
	previousCaseId: string | null;
	staff: { userId: string; name: string; role: CaseStaffRole }[];
	statementIds: string[];
	goal: { text: string; agreedOn: string | null };
	subGoals: { id: string; text: string; statementIds: string[] }[];
	subGoalStatuses: { subGoalId: string; pointId: string; statusId: string | null }[];
	ratings: CaseRatingView[];
	agreedLevels: { statementId: string; level: string | null }[];
	pointProgress: { pointId: string; hours: number | null; tasks: string }[];
	ownWords: { sectionId: string; text: string }[];
	nextStep: { kind: NextStepKind | null; text: string };
	signatures: { signerId: string; name: string; signedAt: number; by: 'user' | 'link' }[];
	links: CaseLinkView[];
	/** Who rates which statements at which point (the version's plan on the chosen statements). */
	plan: { pointId: string; raterId: string; statementIds: string[] }[];
	disagreements: Disagreement[];
	progression: ProgressionSeries[];
	myRole: CaseStaffRole | null;
	/** What the actor may do here. */
	may: { write: boolean; manageLinks: boolean; close: boolean; delete: boolean };
};

/** What a link holder sees: only what they rate at that point, or what they sign. */
export type CaseLinkOpened = {
	kind: 'rate' | 'sign';
	organisationName: string;
	youngPersonFirstName: string;
	company: string;
	expiresAt: number;
	rater: { id: string; label: string } | null;
	point: { id: string; label: string } | null;
	signer: { id: string; label: string } | null;
	/** Rate links: the statements to rate, with their scale. */
	statements: {
		id: string;
		areaLabel: string;
		text: string;
		levels: { id: string; label: string; descriptor: unknown }[];
	}[];
	/** Sign links: the text above the signature. */
	signatureText: string;
};

/** The CV phrases and the Min Plan text of a case. */
export type CaseCv = {
	cvPhrases: string[];
	cvOwnWords: { label: string; text: string }[];
	minPlan: string[];
	minPlanOwnWords: { label: string; text: string }[];
	nextStep: { kind: NextStepKind | null; text: string } | null;
	/** The Min Plan text as one block to copy. */
	minPlanText: string;
	/** The CV phrases as one block to copy. */
	cvText: string;
};

/** The URL of a rating or signing link. */
export function caseLinkUrl(origin: string, token: string): string {
	return `${origin}/r/${token}`;
}
