/**
 * A case's outputs: the læringsbevis and progressionsskema PDFs (the Dag 2 export writers), and
 * the CV phrases and Min Plan text from the drejebog's "CV og Min Plan" rule.
 */
import type { CaseContext, CaseCv } from '#lib/domain/cases/types.ts';
import type { ExportFile } from '../exports/render.ts';

const TODO = 'cases-core: not implemented yet';

/** The læringsbevis or progressionsskema of a case as a PDF file (anyone who may read it). */
export function caseOutputFile(
	ctx: CaseContext,
	caseId: string,
	kind: 'laeringsbevis' | 'progressionsskema'
): Promise<ExportFile> {
	void [ctx, caseId, kind];
	return Promise.reject(new Error(TODO));
}

/** The CV phrases for Jobnet and the Min Plan text of a case. */
export function caseCv(ctx: CaseContext, caseId: string): CaseCv {
	void [ctx, caseId];
	throw new Error(TODO);
}
