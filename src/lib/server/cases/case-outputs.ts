/**
 * A case's outputs: the læringsbevis and progressionsskema PDFs (the Dag 2 export writers, from
 * the case as `CaseData` on its version's template), and the CV phrases and Min Plan text from
 * the drejebog's "CV og Min Plan" rule. The data is read (and the export recorded) in one
 * transaction; the PDF is written after it, since writing is asynchronous.
 */
import type { Db } from '../platform/db.ts';
import { caseCvFrom, toCaseData, type StoredCase } from '#lib/domain/cases/case-data.ts';
import type { CaseData } from '#lib/domain/template/case-data.ts';
import type { PublicationContent } from '#lib/domain/publications/content.ts';
import type { CaseContext, CaseCv } from '#lib/domain/cases/types.ts';
import { caseExport, type ExportFile } from '../exports/render.ts';
import { caseTransaction } from './case-transaction.ts';
import { authorizeCase, loadStoredCase, versionContent, type CaseRow } from './case-rows.ts';

/** What a case's PDFs are made from, read inside a case transaction. */
export type CaseOutputInput = {
	row: CaseRow;
	content: PublicationContent;
	caseData: CaseData;
	signatures: { signerId: string; name: string; signedAt: number }[];
};

/** Reads what the PDFs of the case `row` need (in the caller's transaction). */
export function caseOutputInput(
	db: Db,
	row: CaseRow,
	stored: StoredCase = loadStoredCase(db, row)
): CaseOutputInput {
	const content = versionContent(db, row.publication_id);
	const signatures = db
		.prepare(
			'SELECT signer_id AS signerId, name, signed_at AS signedAt FROM case_signatures WHERE case_id = ?'
		)
		.all(row.id) as { signerId: string; name: string; signedAt: number }[];
	return { row, content, caseData: toCaseData(content.template, stored), signatures };
}

/** Writes the læringsbevis or progressionsskema from `input` (after the transaction). */
export function renderCaseOutput(
	kind: 'laeringsbevis' | 'progressionsskema',
	input: CaseOutputInput,
	now: number
): Promise<ExportFile> {
	return caseExport(kind, input.content.template, input.content.drejebog, input.caseData, {
		organisationName: input.row.org_name,
		versionNumber: input.row.version_number,
		createdAt: new Date(now),
		signatures: input.signatures.map((s) => ({ ...s, signedAt: new Date(s.signedAt) }))
	});
}

/** The læringsbevis or progressionsskema of a case as a PDF file (anyone who may read it). */
export function caseOutputFile(
	ctx: CaseContext,
	caseId: string,
	kind: 'laeringsbevis' | 'progressionsskema',
	now = Date.now()
): Promise<ExportFile> {
	const input = caseTransaction(ctx, 'export', (db) => {
		const { row } = authorizeCase(db, ctx, caseId, 'read');
		return { result: caseOutputInput(db, row), caseId, detail: { output: kind } };
	});
	return renderCaseOutput(kind, input, now);
}

/** The CV phrases for Jobnet and the Min Plan text of a case. */
export function caseCv(ctx: CaseContext, caseId: string): CaseCv {
	return caseTransaction(ctx, 'export', (db) => {
		const { row } = authorizeCase(db, ctx, caseId, 'read');
		const { template, drejebog } = versionContent(db, row.publication_id);
		const caseData = toCaseData(template, loadStoredCase(db, row));
		return {
			result: caseCvFrom(drejebog.cvPlan, template, caseData),
			caseId,
			detail: { output: 'cv' }
		};
	});
}
