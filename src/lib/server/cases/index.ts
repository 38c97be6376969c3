/**
 * The cases module (Drift): every read and write of a case, its ratings, links, signatures and
 * outputs goes through the functions exported here, each of which asks `can()` itself and runs
 * in one transaction that records its access (`caseTransaction`, `access-record.ts`); a page's
 * form that stores several things uses one of the whole-form functions (`case-forms.ts`).
 */
export { createCase, getCase, getCaseWithCv, closeCase, deleteCase } from './cases.ts';
export { listMyCases } from './case-list.ts';
export {
	recordRating,
	recordAgreedLevel,
	recordGoal,
	setSubGoalStatus,
	recordPointProgress,
	recordOwnWords,
	recordNextStep,
	setCaseStatements,
	signCase
} from './case-records.ts';
export {
	createCaseLink,
	revokeCaseLink,
	openCaseLink,
	submitCaseLink,
	signThroughLink,
	type CaseLinkRequest,
	type CreatedCaseLink
} from './case-links.ts';
export {
	recordRatingForm,
	setSubGoalStatuses,
	recordEndForm,
	startCase,
	type RatingFormInput
} from './case-forms.ts';
export { newRequestAudit, writeHeldReads } from './case-transaction.ts';
export { caseOutputFile, caseCv } from './case-outputs.ts';
export { statisticsCases } from './case-statistics.ts';
export { youngPersonExport } from './case-access-export.ts';
export { findYoungPeople, YOUNG_PEOPLE_PAGE, type YoungPersonFound } from './young-people.ts';
