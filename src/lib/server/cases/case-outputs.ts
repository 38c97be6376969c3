/**
 * A case's outputs: the læringsbevis and progressionsskema PDFs (the Dag 2 export writers, from
 * the case as `CaseData` on its version's template), and the CV phrases and Min Plan text from
 * the drejebog's "CV og Min Plan" rule. The data is read (and the export recorded) in one
 * transaction; the PDF is written after it, since writing is asynchronous.
 */
import { caseCvFrom, toCaseData } from '#lib/domain/cases/case-data.ts';
import type { CaseContext, CaseCv } from '#lib/domain/cases/types.ts';
import { caseExport, type ExportFile } from '../exports/render.ts';
import { caseTransaction } from './case-transaction.ts';
import { authorizeCase, loadStoredCase, versionContent } from './case-rows.ts';

/** The læringsbevis or progressionsskema of a case as a PDF file (anyone who may read it). */
export function caseOutputFile(
	ctx: CaseContext,
	caseId: string,
	kind: 'laeringsbevis' | 'progressionsskema',
	now = Date.now()
): Promise<ExportFile> {
	const input = caseTransaction(ctx, 'export', (db) => {
		const { row } = authorizeCase(db, ctx, caseId, 'read');
		const content = versionContent(db, row.publication_id);
		const stored = loadStoredCase(db, row);
		const signatures = db
			.prepare(
				'SELECT signer_id AS signerId, name, signed_at AS signedAt FROM case_signatures WHERE case_id = ?'
			)
			.all(caseId) as { signerId: string; name: string; signedAt: number }[];
		return {
			result: { row, content, caseData: toCaseData(content.template, stored), signatures },
			caseId,
			detail: { output: kind }
		};
	});
	return caseExport(kind, input.content.template, input.content.drejebog, input.caseData, {
		organisationName: input.row.org_name,
		versionNumber: input.row.version_number,
		createdAt: new Date(now),
		signatures: input.signatures.map((s) => ({ ...s, signedAt: new Date(s.signedAt) }))
	});
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
