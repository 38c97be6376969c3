/**
 * The demo's two cases in Drift, of invented young people, made only through the cases module's
 * exported functions (so they hold exactly what real use leaves, audit entries included): one in
 * progress, rated at the first two measurement points by all three raters with one disagreement;
 * one closed with agreed levels, own words, next step and every signature, so its læringsbevis is
 * complete. The young person and the company mentor rate and sign through their links, as they
 * would; the consultant and the caseworker in the app.
 */
import { loadSessionUser } from '../accounts/accounts.ts';
import { getPublication } from '../publications/publications.ts';
import {
	closeCase,
	createCase,
	createCaseLink,
	getCase,
	openCaseLink,
	recordAgreedLevel,
	recordGoal,
	recordNextStep,
	recordOwnWords,
	recordPointProgress,
	recordRating,
	setSubGoalStatus,
	signCase,
	signThroughLink,
	submitCaseLink
} from '../cases/index.ts';
import { danishDate } from '#lib/domain/rollout/index.ts';
import { effectiveScale, type Template } from '#lib/domain/template/schemas.ts';
import type { CaseContext, CaseView } from '#lib/domain/cases/types.ts';
import type { Actor } from '#lib/domain/permissions.ts';
import { DEMO_CASES, type CaseSpec } from './demo-cases-data.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Link holders' requests as the seed makes them (no address: nothing is throttled). */
const LINK_REQUEST = { requestId: 'demo-seed', address: 'demo-seed' };

/** Who seeds cases on which version (see `caseSeeder`). */
export type CaseSeeder = {
	publicationId: string;
	caseworkerId: string;
	template: Template;
	consultant: CaseContext;
	caseworker: CaseContext;
	caseworkerName: string;
	consultantName: string;
};

/** The level (0-based index on its scale) a statement gets at a point: rising over the points. */
function levelIndex(statement: number, point: number, top: number): number {
	return Math.max(0, Math.min(top, (statement % 3 === 2 ? 0 : 1) + point));
}

function levelsOf(template: Template, statementId: string): { id: string }[] {
	for (const area of template.areas) {
		const statement = area.statements.find((s) => s.id === statementId);
		if (statement) return effectiveScale(area, statement).levels;
	}
	return [];
}

/** The level a rater gives; the company sees `disagreeOn` one step lower than the consultant. */
function levelFor(
	s: CaseSeeder,
	statementId: string,
	point: number,
	raterIndex: number,
	disagreeOn: string | null
) {
	const levels = levelsOf(s.template, statementId);
	const position = s.template.areas
		.flatMap((a) => a.statements)
		.findIndex((x) => x.id === statementId);
	const index = levelIndex(position, point, levels.length - 1);
	const stricter = raterIndex === 1 && statementId === disagreeOn ? (index > 0 ? -1 : 1) : 0;
	return levels[index + stricter]?.id ?? null;
}

/** The first statement both the company and the consultant rate at `pointId`, if any. */
function sharedStatement(view: CaseView, pointId: string, raters: string[]): string | null {
	const [company, consultant] = raters.map(
		(r) => new Set(view.plan.find((p) => p.pointId === pointId && p.raterId === r)?.statementIds)
	);
	return [...(company ?? [])].find((id) => consultant?.has(id)) ?? null;
}

/** All planned ratings at the first `pointCount` points: the consultant in the app, others by link. */
function rate(s: CaseSeeder, caseId: string, pointCount: number): void {
	const view = getCase(s.consultant, caseId);
	const raters = s.template.raters.map((r) => r.id);
	for (const [p, point] of s.template.measurementPoints.slice(0, pointCount).entries()) {
		const disagreeOn =
			pointCount < s.template.measurementPoints.length
				? sharedStatement(view, point.id, raters.slice(1))
				: null;
		for (const entry of view.plan.filter((e) => e.pointId === point.id)) {
			const r = raters.indexOf(entry.raterId);
			const level = (statementId: string) => levelFor(s, statementId, p, r, disagreeOn);
			if (r === raters.length - 1) {
				for (const statementId of entry.statementIds) {
					recordRating(s.consultant, caseId, {
						pointId: point.id,
						raterId: entry.raterId,
						statementId,
						level: level(statementId),
						comment: ''
					});
				}
				continue;
			}
			const link = createCaseLink(s.consultant, caseId, {
				raterId: entry.raterId,
				pointId: point.id
			});
			const opened = openCaseLink(LINK_REQUEST, link.token);
			const answers = opened.statements.map((st) => ({
				statementId: st.id,
				level: level(st.id),
				comment: ''
			}));
			submitCaseLink(LINK_REQUEST, link.token, { answers });
		}
	}
}

/** The goal and sub-goals as agreed at the start, and hours and tasks at the points so far. */
function recordBasics(s: CaseSeeder, caseId: string, demo: CaseSpec, pointCount: number): void {
	recordGoal(s.consultant, caseId, {
		goal: demo.goal,
		agreedOn: demo.start,
		subGoals: s.template.goals.subGoals.map((g) => ({ text: g.text, statementIds: g.statementIds }))
	});
	for (const [p, point] of s.template.measurementPoints.slice(0, pointCount).entries()) {
		recordPointProgress(s.consultant, caseId, {
			pointId: point.id,
			hours: demo.hours[p] ?? null,
			tasks: demo.tasks[p] ?? ''
		});
	}
}

/** Sub-goal statuses rising to "reached" at the last followed point; agreed levels; words; signatures. */
function complete(s: CaseSeeder, caseId: string, demo: CaseSpec): void {
	const view = getCase(s.consultant, caseId);
	const statuses = s.template.goals.statuses;
	const followed = s.template.goals.measurementPointIds;
	for (const subGoal of view.subGoals) {
		for (const [i, pointId] of followed.entries()) {
			const statusId = statuses[Math.round(((statuses.length - 1) * (i + 1)) / followed.length)].id;
			setSubGoalStatus(s.consultant, caseId, { subGoalId: subGoal.id, pointId, statusId });
		}
	}
	const last = s.template.measurementPoints.length - 1;
	for (const statementId of view.statementIds) {
		recordAgreedLevel(s.consultant, caseId, {
			statementId,
			level: levelFor(s, statementId, last, 0, null)
		});
	}
	for (const [i, section] of s.template.freeTextSections.entries()) {
		recordOwnWords(s.consultant, caseId, {
			sectionId: section.id,
			text: demo.ownWords[i] ?? demo.ownWords[0]
		});
	}
	recordNextStep(s.consultant, caseId, demo.nextStep);
	const youngPerson = `${demo.firstName} ${demo.lastName}`;
	for (const signer of s.template.signature.signers) {
		const raterIndex = s.template.raters.findIndex((r) => r.id === signer.raterId);
		if (raterIndex === 0 || raterIndex === 1) {
			const link = createCaseLink(s.consultant, caseId, { signerId: signer.id });
			signThroughLink(LINK_REQUEST, link.token, raterIndex === 0 ? youngPerson : demo.mentorName);
		} else if (raterIndex === -1) {
			signCase(s.caseworker, caseId, { signerId: signer.id, name: s.caseworkerName });
		} else {
			signCase(s.consultant, caseId, { signerId: signer.id, name: s.consultantName });
		}
	}
	closeCase(s.consultant, caseId);
}

/**
 * The seeder acts as the consultant and the caseworker entering the invented cases; the audit log
 * records each access with this purpose, so the demo's log says where its entries came from.
 */
const SEED_PURPOSE = { kind: 'other', text: 'Demodata oprettet ved første start' } as const;

function context(actor: Actor): CaseContext {
	return { actor, purpose: SEED_PURPOSE, requestId: 'demo-seed' };
}

/**
 * A seeder for cases on `publicationId` (a version in operation) started by `consultantId` (a
 * jobkonsulent) with `caseworkerId` (a sagsbehandler) assigned. The demo and `bench:cases` use it.
 */
export function caseSeeder(input: {
	publicationId: string;
	consultantId: string;
	caseworkerId: string;
}): CaseSeeder {
	const consultant = loadSessionUser(input.consultantId)!;
	const caseworker = loadSessionUser(input.caseworkerId)!;
	return {
		publicationId: input.publicationId,
		caseworkerId: input.caseworkerId,
		template: getPublication(consultant, input.publicationId).content.template,
		consultant: context(consultant),
		caseworker: context(caseworker),
		consultantName: consultant.name,
		caseworkerName: caseworker.name
	};
}

/**
 * Creates one case from `spec` through the cases module: the goal, hours and tasks and every
 * planned rating at its first `pointsRated` points; when `isClosed`, also sub-goal statuses,
 * agreed levels, own words, next step, every signature, and closing. Returns its id.
 */
export function seedCase(s: CaseSeeder, spec: CaseSpec): string {
	const { id } = createCase(s.consultant, {
		publicationId: s.publicationId,
		youngPerson: { firstName: spec.firstName, lastName: spec.lastName },
		company: spec.company,
		mentorName: spec.mentorName,
		start: spec.start,
		end: spec.end,
		targetGroup: spec.targetGroup,
		hoursAtStart: spec.hours[0] ?? null,
		caseworkerId: s.caseworkerId
	});
	const points = spec.isClosed ? s.template.measurementPoints.length : spec.pointsRated;
	recordBasics(s, id, spec, points);
	rate(s, id, points);
	if (spec.isClosed) complete(s, id, spec);
	return id;
}

/**
 * Creates the demo cases (demo-cases-data.ts) and returns their ids, the one in progress first.
 * Runs inside the caller's transaction.
 */
export function seedDemoCases(
	input: { publicationId: string; consultantId: string; caseworkerId: string },
	now = Date.now()
): string[] {
	const s = caseSeeder(input);
	const date = (weeks: number) => danishDate(now + weeks * 7 * DAY_MS);
	return DEMO_CASES.map((demo) =>
		seedCase(s, { ...demo, start: date(demo.startWeeks), end: date(demo.endWeeks) })
	);
}
