/**
 * The CV phrases of a template as a part of a published version's export: per area, each
 * statement beside the sentence it becomes in the læringsbevis and the young person's CV, so
 * staff can see what a reached statement will say.
 */
import type { Template } from '../template/schemas.ts';
import { heading, paragraph, type ExportPart, type TableCell } from './blocks.ts';
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
				{
					kind: 'table' as const,
					variant: 'grid' as const,
					caption: null,
					widths: [1, 1],
					head: [
						{ kind: 'header', scope: 'column', text: LABELS.statement },
						{ kind: 'header', scope: 'column', text: LABELS.cvPhrase }
					] satisfies TableCell[],
					rows: area.statements.map((statement) => ({
						cells: [
							{ kind: 'header', scope: 'row', text: statement.text },
							{ kind: 'text', text: statement.cvPhrase }
						] satisfies TableCell[]
					}))
				}
			])
		]
	};
}
