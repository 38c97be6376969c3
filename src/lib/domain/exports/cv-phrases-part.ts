/**
 * The CV phrases of a template as a part of a published version's export: per area, each
 * statement beside the sentence it becomes in the læringsbevis and the young person's CV, so
 * staff can see what a reached statement will say.
 */
import type { Template } from '../template/schemas.ts';
import { heading, pairTable, paragraph, type ExportPart } from './blocks.ts';
import { LABELS } from './labels.ts';

/** The CV phrases part, or null for a template without statements. */
export function cvPhrasesPart(template: Template): ExportPart | null {
	const areas = template.areas.filter((area) => area.statements.length > 0);
	if (areas.length === 0) return null;
	return {
		id: 'cv',
		title: LABELS.cvPhrases,
		breakBefore: true,
		blocks: [
			paragraph(LABELS.cvPhrasesIntro, 'lead'),
			...areas.flatMap((area) => [
				heading(2, area.label),
				pairTable(
					[LABELS.statement, LABELS.cvPhrase],
					[1, 1],
					area.statements.map((statement) => ({
						header: statement.text,
						cell: { kind: 'text', text: statement.cvPhrase }
					}))
				)
			])
		]
	};
}
