/**
 * The citizen's access export (indsigt, GDPR art. 15, issue 14): what goes into the JSON files
 * of the ZIP about one young person and each of their cases. Pure: the cases module reads the
 * rows and hands them here. The rule it keeps is that the staff stay out of it: a case's staff
 * appear only as their roles, and a rating or signature only says whether it came through the
 * app or a link. Keys are Danish, as the file is the citizen's; LAES-MIG.txt explains them.
 */
import type { CaseStaffRole } from '../permissions.ts';
import type { StoredCase } from '../cases/case-data.ts';
import type { TargetGroup } from '../cases/schemas.ts';
import type { Template } from '../template/schemas.ts';
import { NEXT_STEP_LABELS } from '../exports/labels.ts';

/** How a rating or signature was given: in the app by staff, or through a link. */
export type GivenVia = 'app' | 'link';

/** One case as the cases module reads it for the export (no staff identity in it). */
export type ExportCaseInput = {
	id: string;
	start: string;
	end: string;
	targetGroup: TargetGroup | null;
	hoursAtStart: number | null;
	previousCaseId: string | null;
	createdAt: number;
	closedAt: number | null;
	version: { id: string; number: number; workshopTitle: string };
	staffRoles: CaseStaffRole[];
	stored: StoredCase;
	/** When each rating was given and how, keyed `point rater statement`. */
	ratingMeta: {
		pointId: string;
		raterId: string;
		statementId: string;
		ratedAt: number;
		via: GivenVia;
	}[];
	signatureMeta: { signerId: string; signedAt: number; via: GivenVia }[];
	/** The case's links as metadata: never their tokens or token hashes. */
	links: {
		kind: 'rate' | 'sign';
		raterId: string | null;
		pointId: string | null;
		signerId: string | null;
		createdAt: number;
		expiresAt: number;
		usedAt: number | null;
		revokedAt: number | null;
	}[];
};

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const key = (...parts: string[]) => parts.join('\u0000');

/** The template's words for its ids, falling back to the id when the template has none. */
function labels(template: Template) {
	const map = new Map<string, string>();
	const put = (id: string, label: string) => map.set(id, label);
	for (const point of template.measurementPoints) put(point.id, point.label);
	for (const rater of template.raters) put(rater.id, rater.label);
	for (const signer of template.signature.signers) put(signer.id, signer.label);
	for (const section of template.freeTextSections) put(section.id, section.label);
	for (const status of template.goals.statuses) put(status.id, status.label);
	for (const area of template.areas) {
		put(area.id, area.label);
		for (const level of area.scale.levels) put(level.id, level.label);
		for (const statement of area.statements) {
			put(statement.id, statement.text);
			for (const level of statement.scale?.levels ?? []) put(level.id, level.label);
		}
	}
	return (id: string | null): string | null => (id === null ? null : (map.get(id) ?? id));
}

/** The area label of each statement of `template`. */
function areaOf(template: Template): Map<string, string> {
	return new Map(template.areas.flatMap((a) => a.statements.map((s) => [s.id, a.label] as const)));
}

/** One case as `case.json`: everything stored about it, in words, staff only as roles. */
export function caseExportJson(c: ExportCaseInput, template: Template, folder: string) {
	const label = labels(template);
	const area = areaOf(template);
	const s = c.stored;
	const ratingMeta = new Map(
		c.ratingMeta.map((m) => [key(m.pointId, m.raterId, m.statementId), m])
	);
	const signatureMeta = new Map(c.signatureMeta.map((m) => [m.signerId, m]));
	return {
		forloeb: {
			id: c.id,
			mappe: folder,
			start: c.start,
			slut: c.end,
			maalgruppe: c.targetGroup,
			virksomhed: s.company,
			mentor: s.mentorName,
			timerPrUgeVedStart: c.hoursAtStart,
			tidligereForloeb: c.previousCaseId,
			oprettet: iso(c.createdAt),
			afsluttet: iso(c.closedAt)
		},
		version: {
			id: c.version.id,
			nummer: c.version.number,
			udviklingsforloeb: c.version.workshopTitle
		},
		medarbejdere: [...c.staffRoles].sort().map((rolle) => ({ rolle })),
		udsagn: s.statementIds.map((id) => ({ id, omraade: area.get(id) ?? null, tekst: label(id) })),
		maal: {
			tekst: s.goal,
			aftaltDen: s.goalAgreedOn,
			delmaal: s.subGoals.map((g) => ({
				tekst: g.text,
				udsagn: g.statementIds.map(label),
				status: s.subGoalStatuses
					.filter((st) => st.subGoalId === g.id)
					.map((st) => ({ maalepunkt: label(st.pointId), status: label(st.statusId) }))
			}))
		},
		vurderinger: s.ratings.map((r) => {
			const meta = ratingMeta.get(key(r.pointId, r.raterId, r.statementId));
			return {
				maalepunkt: label(r.pointId),
				vurderer: label(r.raterId),
				udsagn: label(r.statementId),
				niveau: r.level === null ? 'Ikke vurderet' : label(r.level),
				kommentar: r.comment,
				tidspunkt: iso(meta?.ratedAt ?? null),
				givetVia: meta?.via ?? null
			};
		}),
		aftalteNiveauer: s.agreedLevels.map((a) => ({
			udsagn: label(a.statementId),
			niveau: label(a.level)
		})),
		timerOgOpgaver: s.pointProgress.map((p) => ({
			maalepunkt: label(p.pointId),
			timerPrUge: p.hours,
			opgaver: p.tasks
		})),
		egneOrd: s.ownWords.map((w) => ({ afsnit: label(w.sectionId), tekst: w.text })),
		naesteSkridt: {
			type: s.nextStep.kind === null ? null : NEXT_STEP_LABELS[s.nextStep.kind],
			tekst: s.nextStep.text
		},
		underskrifter: s.signatures.map((sig) => ({
			underskriver: label(sig.signerId),
			navn: sig.name,
			tidspunkt: iso(signatureMeta.get(sig.signerId)?.signedAt ?? null),
			givetVia: signatureMeta.get(sig.signerId)?.via ?? null
		})),
		links: c.links.map((l) => ({
			type: l.kind === 'rate' ? 'vurdering' : 'underskrift',
			vurderer: label(l.raterId),
			maalepunkt: label(l.pointId),
			underskriver: label(l.signerId),
			oprettet: iso(l.createdAt),
			udloeber: iso(l.expiresAt),
			brugt: iso(l.usedAt),
			tilbagekaldt: iso(l.revokedAt)
		}))
	};
}

/** The folder of the `n`th case (1-based, oldest first) in the ZIP: `forloeb/1-2026-03-02`. */
export function caseFolder(n: number, start: string): string {
	return `forloeb/${n}-${start}`;
}

/** `person.json`: the young person, their municipality and where each case's files are. */
export function personExportJson(input: {
	id: string;
	firstName: string;
	lastName: string;
	createdAt: number;
	organisationName: string;
	exportedAt: number;
	cases: { id: string; folder: string; start: string; end: string; company: string }[];
}) {
	return {
		id: input.id,
		fornavn: input.firstName,
		efternavn: input.lastName,
		kommune: input.organisationName,
		oprettet: iso(input.createdAt),
		udtrukket: iso(input.exportedAt),
		forloeb: input.cases.map((c) => ({
			id: c.id,
			mappe: c.folder,
			start: c.start,
			slut: c.end,
			virksomhed: c.company
		}))
	};
}
