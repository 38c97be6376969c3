/**
 * An example case for the preview: what a young person's læringsbevis could look like once it is
 * filled in, so the work group sees the product while they design it. Deterministic (no random
 * numbers, no dates from the clock), so every participant sees the same example.
 */
import { describeProgression, type Progression, type Rating } from './progression.ts';
import { effectiveScale, type HeaderField, type Template } from './schemas.ts';

export type ExampleCase = {
	header: { fieldId: string; label: string; value: string }[];
	ratings: Rating[];
	freeText: { sectionId: string; label: string; text: string }[];
	progression: Progression;
};

/** Example company and goal per starter, so the example reads like the workplace. */
const WORKPLACE_EXAMPLES: Record<string, { company: string; goal: string }> = {
	detail: {
		company: 'Købmand Hansen',
		goal: 'Job som butiksassistent eller en erhvervsuddannelse i detailhandlen'
	},
	lager: { company: 'Nordlager A/S', goal: 'Lager- og logistikuddannelsen' },
	koekken: { company: 'Kantinen på Rådhuset', goal: 'Uddannelsen som ernæringsassistent' },
	pleje: { company: 'Plejecenter Solhøj', goal: 'Social- og sundhedsuddannelsen' }
};
const FALLBACK_EXAMPLE = { company: 'Virksomheden ApS', goal: 'Job eller uddannelse i branchen' };
const PERSON_NAMES = ['Mette Larsen', 'Jonas Holm', 'Sofie Berg'];

function headerValue(field: HeaderField, index: number, starterId: string | null): string {
	const example = WORKPLACE_EXAMPLES[starterId ?? ''] ?? FALLBACK_EXAMPLE;
	switch (field.kind) {
		case 'person':
			return 'Amalie Jensen';
		case 'company':
			return example.company;
		case 'period':
			return '3. marts – 25. april';
		case 'goal':
			return example.goal;
		case 'subGoals':
			return 'Møde til tiden hver dag\nLøse tre faste opgaver selv\nArbejde 25 timer om ugen ved praktikkens slutning';
		case 'date':
			return '25. april';
		case 'longText':
			return 'Her skriver I det, der er aftalt.';
		case 'shortText':
			return PERSON_NAMES[index % PERSON_NAMES.length];
	}
}

/**
 * The level index (0-based) an example rater gives a statement at a point: starts low, rises
 * towards the top of the scale, and the raters disagree a little like real raters do.
 */
function exampleLevelIndex(o: {
	statement: number;
	point: number;
	points: number;
	rater: number;
	levels: number;
}): number {
	const top = o.levels - 1;
	const start = Math.min(top, o.statement % 2);
	const end = Math.min(top, start + Math.ceil(top * 0.6) + (o.statement % 3 === 0 ? 1 : 0));
	const share = o.points > 1 ? o.point / (o.points - 1) : 1;
	// The company is a bit stricter than the young person until the last measurement point.
	const stricter = o.rater % 3 === 1 && o.point < o.points - 1 ? 1 : 0;
	const index = Math.round(start + (end - start) * share) - stricter;
	return Math.max(0, Math.min(top, index));
}

/** "Kan modtage varer" → "at modtage varer", for sentences the young person could write. */
function asInfinitive(text: string): string {
	const trimmed = text.trim();
	return /^kan\s/i.test(trimmed)
		? `at ${trimmed.slice(4)}`
		: trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
}

type Gain = { text: string; first: number; last: number };

function freeTextFor(label: string, gains: Gain[]): string {
	const normalized = label.toLocaleLowerCase('da');
	if (gains.length === 0) return 'Her skriver den unge med sine egne ord.';
	if (/\bcv\b/.test(normalized)) {
		const best = [...gains].sort((a, b) => b.last - a.last).slice(0, 4);
		return best.map((g) => g.text.trim()).join('\n');
	}
	// "Kan …" statements read well after "lært" / "bedre til"; use them when there are any.
	const canDo = gains.filter((g) => /^kan\s/i.test(g.text.trim()));
	const pool = canDo.length > 0 ? canDo : gains;
	if (normalized.includes('videre')) {
		const weakest = [...pool].sort((a, b) => b.last - a.last).slice(-2);
		return `Jeg vil gerne blive bedre til ${weakest.map((g) => asInfinitive(g.text)).join(' og ')}.`;
	}
	const learnt = [...pool].sort((a, b) => b.last - b.first - (a.last - a.first)).slice(0, 2);
	return `I praktikken har jeg lært ${learnt.map((g) => asInfinitive(g.text)).join(' og ')}.`;
}

/** Example answers for `template`: header values, ratings per point and rater, free text. */
export function exampleCase(template: Template): ExampleCase {
	const ratings: Rating[] = [];
	const gains: Gain[] = [];
	const points = template.measurementPoints;
	let statementIndex = 0;
	for (const area of template.areas) {
		for (const statement of area.statements) {
			const levels = effectiveScale(area, statement).levels;
			const position = statementIndex++;
			if (levels.length === 0) continue;
			const indexAt = (point: number, rater: number) =>
				exampleLevelIndex({
					statement: position,
					point,
					points: points.length,
					rater,
					levels: levels.length
				});
			points.forEach((point, p) =>
				template.raters.forEach((rater, r) =>
					ratings.push({
						statementId: statement.id,
						measurementPointId: point.id,
						raterId: rater.id,
						levelId: levels[indexAt(p, r)].id
					})
				)
			);
			gains.push({
				text: statement.text,
				first: indexAt(0, 0),
				last: indexAt(Math.max(0, points.length - 1), 0)
			});
		}
	}
	return {
		header: template.headerFields.map((field, index) => ({
			fieldId: field.id,
			label: field.label,
			value: headerValue(field, index, template.starterId)
		})),
		ratings,
		freeText: template.freeTextSections.map((section) => ({
			sectionId: section.id,
			label: section.label,
			text: freeTextFor(section.label, gains)
		})),
		progression: describeProgression(template, ratings)
	};
}
