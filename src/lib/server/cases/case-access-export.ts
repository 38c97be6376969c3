/**
 * A young person's access export (indsigt, issue 14): everything the municipality holds about
 * them as one ZIP, for the administrator to hand over. Every case and its PDFs are read in one
 * transaction that records one `export` entry per case (`casesTransaction`); the PDFs are
 * written and the ZIP assembled after it. What goes into the JSON is the domain's rule
 * (`lib/domain/privacy/access-export*.ts`: staff appear only as roles).
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Db } from '../platform/db.ts';
import { can, type Actor } from '#lib/domain/permissions.ts';
import { ForbiddenError, NotFoundError } from '#lib/domain/errors.ts';
import type { CaseContext } from '#lib/domain/cases/types.ts';
import { danishDate } from '#lib/domain/rollout/completion.ts';
import {
	caseExportJson,
	caseFolder,
	personExportJson,
	type ExportCaseInput
} from '#lib/domain/privacy/access-export.ts';
import {
	accessExportFileName,
	accessExportReadme,
	accessLogJson
} from '#lib/domain/privacy/access-export-log.ts';
import { queryAudit } from '../privacy/audit-log.ts';
import type { ExportFile } from '../exports/render.ts';
import { casesTransaction } from './case-transaction.ts';
import { SELECT_CASE, loadStaff, loadStoredCase, type CaseRow } from './case-rows.ts';
import { caseOutputInput, renderCaseOutput, type CaseOutputInput } from './case-outputs.ts';

type PersonRow = {
	id: string;
	org_id: string;
	org_name: string;
	first_name: string;
	last_name: string;
	created_at: number;
};

/** Most log entries one export carries (a young person's cases have far fewer). */
const MAX_LOG_ENTRIES = 100_000;

/** Whether `actor` administers any municipality (else they are refused before any lookup). */
export function mayExportAnywhere(actor: Actor | undefined): actor is Actor {
	return (
		actor !== undefined &&
		Object.keys(actor.orgRoles).some((id) => can(actor, 'access-export', { type: 'org', id }))
	);
}

/** The young person `id` if `actor` may export them. @throws NotFoundError otherwise. */
export function exportablePerson(db: Db, actor: Actor, id: string): PersonRow {
	const person = db
		.prepare(
			`SELECT y.id, y.org_id, o.name AS org_name, y.first_name, y.last_name, y.created_at
			 FROM young_people y JOIN organisations o ON o.id = y.org_id WHERE y.id = ?`
		)
		.get(id) as PersonRow | undefined;
	// Another municipality's young person is "not found": nobody learns they exist.
	if (!person || !can(actor, 'access-export', { type: 'org', id: person.org_id })) {
		throw new NotFoundError('privacy.accessExport.notFound');
	}
	return person;
}

/** What the export needs of one case besides its PDFs' input (read in the transaction). */
function exportCaseInput(db: Db, row: CaseRow): Omit<ExportCaseInput, 'stored'> {
	const all = <T>(sql: string) => db.prepare(sql).all(row.id) as T[];
	const via = (r: { by_link_id: string | null }) => (r.by_link_id === null ? 'app' : 'link');
	type Meta = { by_link_id: string | null };
	return {
		id: row.id,
		start: row.start_date,
		end: row.end_date,
		targetGroup: row.target_group,
		hoursAtStart: row.hours_at_start,
		previousCaseId: row.previous_case_id,
		createdAt: row.created_at,
		closedAt: row.closed_at,
		version: {
			id: row.publication_id,
			number: row.version_number,
			workshopTitle: row.workshop_title
		},
		staffRoles: loadStaff(db, row.id).map((s) => s.role),
		ratingMeta: all<Meta & { pointId: string; raterId: string; statementId: string; at: number }>(
			`SELECT point_id AS pointId, rater_id AS raterId, statement_id AS statementId,
				rated_at AS at, by_link_id FROM case_ratings WHERE case_id = ?`
		).map((r) => ({ ...r, ratedAt: r.at, via: via(r) })),
		signatureMeta: all<Meta & { signerId: string; at: number }>(
			'SELECT signer_id AS signerId, signed_at AS at, by_link_id FROM case_signatures WHERE case_id = ?'
		).map((s) => ({ signerId: s.signerId, signedAt: s.at, via: via(s) })),
		// Metadata only: the token hash is never selected.
		links: all<ExportCaseInput['links'][number]>(
			`SELECT kind, rater_id AS raterId, point_id AS pointId, signer_id AS signerId,
				created_at AS createdAt, expires_at AS expiresAt, used_at AS usedAt,
				revoked_at AS revokedAt FROM case_links WHERE case_id = ? ORDER BY created_at`
		)
	};
}

type ReadCase = { folder: string; json: unknown; output: CaseOutputInput };

/**
 * Everything the municipality holds about young person `youngPersonId` as a ZIP: `person.json`,
 * a folder per case (`case.json`, `laeringsbevis.pdf`, `progressionsskema.pdf`),
 * `adgangslog.json` and `LAES-MIG.txt`. Recorded as one `export` entry per case, with the
 * purpose of `ctx` (required: the cases module answers 428 without one).
 * @throws ForbiddenError for anyone who administers no municipality (a case's own jobkonsulent
 * too), NotFoundError for an unknown young person or another municipality's.
 */
export async function youngPersonExport(
	ctx: CaseContext,
	youngPersonId: string,
	now = Date.now()
): Promise<ExportFile> {
	const actor = ctx.actor;
	if (!mayExportAnywhere(actor)) throw new ForbiddenError('privacy.adminOnly');
	const { person, cases } = casesTransaction(ctx, 'export', (db) => {
		const person = exportablePerson(db, actor, youngPersonId);
		const rows = db
			.prepare(
				`${SELECT_CASE} WHERE c.young_person_id = ? AND c.org_id = ?
				 ORDER BY c.start_date, c.created_at, c.id`
			)
			.all(person.id, person.org_id) as CaseRow[];
		const cases: ReadCase[] = rows.map((row, i) => {
			const stored = loadStoredCase(db, row);
			const output = caseOutputInput(db, row, stored);
			const folder = caseFolder(i + 1, row.start_date);
			const input = { ...exportCaseInput(db, row), stored };
			return { folder, output, json: caseExportJson(input, output.content.template, folder) };
		});
		return {
			result: { person, cases },
			caseIds: rows.map((r) => r.id),
			detail: { orgId: person.org_id, youngPersonId: person.id, output: 'indsigt' }
		};
	});
	// Read right after the commit, before any await: the log includes this export's entries.
	const log = queryAudit(person.org_id, { youngPerson: person.id }, MAX_LOG_ENTRIES);
	const files: Zippable = {};
	const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);
	files['LAES-MIG.txt'] = strToU8(
		accessExportReadme({
			name: `${person.first_name} ${person.last_name}`,
			organisationName: person.org_name,
			exportedOn: danishDate(now),
			caseCount: cases.length
		})
	);
	files['person.json'] = json(
		personExportJson({
			id: person.id,
			firstName: person.first_name,
			lastName: person.last_name,
			createdAt: person.created_at,
			organisationName: person.org_name,
			exportedAt: now,
			cases: cases.map((c) => ({
				id: c.output.row.id,
				folder: c.folder,
				start: c.output.row.start_date,
				end: c.output.row.end_date,
				company: c.output.row.company
			}))
		})
	);
	for (const c of cases) {
		files[`${c.folder}/case.json`] = json(c.json);
		// PDFs are compressed already: stored as they are.
		for (const kind of ['laeringsbevis', 'progressionsskema'] as const) {
			const pdf = await renderCaseOutput(kind, c.output, now);
			files[`${c.folder}/${kind}.pdf`] = [pdf.bytes, { level: 0 }];
		}
	}
	files['adgangslog.json'] = json(accessLogJson(log));
	return {
		bytes: zipSync(files, { level: 6, mtime: new Date(now) }),
		contentType: 'application/zip',
		fileName: accessExportFileName(person.first_name, person.last_name, danishDate(now))
	};
}
