/**
 * An example case for the preview: what a young person's læringsbevis could look like once it is
 * filled in, so the work group sees the product while they design it. It fills exactly the cells
 * the rating plan names (a few "ikke vurderet", some with comments), the goal and sub-goal
 * statuses, hours and tasks, the agreed levels and the next step. Deterministic (no random
 * numbers, no dates from the clock), so every participant sees the same example.
 */
import type { CaseData, CaseRating } from './case-data.ts';
import {
	FALLBACK_EXAMPLE,
	NOT_ASSESSED_COMMENT,
	PERSON_NAMES,
	RATING_COMMENTS,
	SIGNER_NAMES,
	WORKPLACE_EXAMPLES,
	type WorkplaceExample
} from './example-data.ts';
import { describeLaeringsbevis, isReachedLevel, type Laeringsbevis } from './laeringsbevis.ts';
import { goalPoints, plannedCells } from './plan.ts';
import { describeProgression, type Progression } from './progression.ts';
import { effectiveScale, type HeaderField, type Template } from './schemas.ts';
import { normalizeLabel } from './validate-labels.ts';

export type ExampleCase = {
	/** The case as a real case would hold it. */
	data: CaseData;
	/** Header values with their labels, for display. */
	header: { fieldId: string; label: string; value: string }[];
	/** The young person's own words with the sections' labels, for display. */
	freeText: { sectionId: string; label: string; text: string }[];
	progression: Progression;
	laeringsbevis: Laeringsbevis;
};

function workplace(template: Template): WorkplaceExample {
	return WORKPLACE_EXAMPLES[template.starterId ?? ''] ?? FALLBACK_EXAMPLE;
}

function headerValue(field: HeaderField, index: number, example: WorkplaceExample): string {
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
 * towards the top of the scale (every fourth statement only a step), and the raters disagree a
 * little like real raters do.
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
	const rise = o.statement % 4 === 2 ? 1 : Math.ceil(top * 0.6) + (o.statement % 3 === 0 ? 1 : 0);
	const end = Math.min(top, start + rise);
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

type Gain = {
	statementId: string;
	text: string;
	cvPhrase: string;
	first: number;
	last: number;
	/** Reached by the agreed level at the end: only these go into the young person's CV lines. */
	isReached: boolean;
};

const OWN_WORDS_PLACEHOLDER = 'Her skriver den unge med sine egne ord.';

function freeTextFor(label: string, gains: Gain[]): string {
	const normalized = label.toLocaleLowerCase('da');
	if (gains.length === 0) return OWN_WORDS_PLACEHOLDER;
	if (/\bcv\b/.test(normalized)) {
		const reached = gains.filter((g) => g.isReached);
		const best = [...reached].sort((a, b) => b.last - a.last).slice(0, 4);
		return best.length > 0 ? best.map((g) => g.cvPhrase.trim()).join('\n') : OWN_WORDS_PLACEHOLDER;
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

/** Every planned rating of `template`, with a few "ikke vurderet" and some comments. */
function exampleRatings(template: Template): {
	ratings: CaseRating[];
	gains: Omit<Gain, 'isReached'>[];
} {
	const ratings: CaseRating[] = [];
	const gains: Omit<Gain, 'isReached'>[] = [];
	const pointCount = template.measurementPoints.length;
	const cells = plannedCells(template);
	const pointIndex = new Map(template.measurementPoints.map((p, i) => [p.id, i]));
	const raterIndex = new Map(template.raters.map((r, i) => [r.id, i]));
	let position = 0;
	for (const area of template.areas) {
		for (const statement of area.statements) {
			const s = position++;
			const levels = effectiveScale(area, statement).levels;
			if (levels.length === 0) continue;
			const at = (point: number, rater: number) =>
				exampleLevelIndex({
					statement: s,
					point,
					points: pointCount,
					rater,
					levels: levels.length
				});
			for (const cell of cells.filter((c) => c.areaId === area.id)) {
				const p = pointIndex.get(cell.measurementPointId) ?? 0;
				const r = raterIndex.get(cell.raterId) ?? 0;
				const base = { statementId: statement.id, measurementPointId: cell.measurementPointId };
				// Now and then a task has not come up yet; never at the last point, which the læringsbevis needs.
				if ((s + p + r) % 11 === 5 && p < pointCount - 1) {
					const comment = s % 2 === 0 ? NOT_ASSESSED_COMMENT : undefined;
					ratings.push({ ...base, raterId: cell.raterId, levelId: null, comment });
					continue;
				}
				const comment =
					(s + r) % 5 === 0 ? RATING_COMMENTS[(s + p) % RATING_COMMENTS.length] : undefined;
				ratings.push({ ...base, raterId: cell.raterId, levelId: levels[at(p, r)].id, comment });
			}
			gains.push({
				statementId: statement.id,
				text: statement.text,
				cvPhrase: statement.cvPhrase,
				first: at(0, 0),
				last: at(Math.max(0, pointCount - 1), 0)
			});
		}
	}
	return { ratings, gains };
}

/** The level the raters agree on at the last point: the rounded mean of their ratings there. */
function agreedLevels(template: Template, ratings: CaseRating[]): CaseData['agreedLevels'] {
	const last = template.measurementPoints.at(-1);
	return template.areas.flatMap((area) =>
		area.statements.map((statement) => {
			const levels = effectiveScale(area, statement).levels;
			const indexes = ratings
				.filter((r) => r.statementId === statement.id && r.measurementPointId === last?.id)
				.map((r) => levels.findIndex((level) => level.id === r.levelId))
				.filter((index) => index >= 0);
			if (indexes.length === 0) return { statementId: statement.id, levelId: null };
			const mean = Math.round(indexes.reduce((a, b) => a + b, 0) / indexes.length);
			return { statementId: statement.id, levelId: levels[mean].id };
		})
	);
}

/** Statuses rise over the followed points; every third sub-goal is still "i gang" at the end. */
function subGoalStatuses(template: Template): CaseData['subGoalStatuses'] {
	const points = goalPoints(template);
	const statuses = template.goals.statuses;
	const top = statuses.length - 1;
	return template.goals.subGoals.flatMap((subGoal, i) =>
		points.map((point, j) => {
			const target = i % 3 === 2 ? Math.max(0, top - 1) : top;
			const index = Math.round((target * (j + 1)) / points.length);
			return {
				subGoalId: subGoal.id,
				measurementPointId: point.id,
				statusId: statuses[index]?.id ?? null
			};
		})
	);
}

/**
 * Who signs in the example: a header field with the signer's label names them ("Jobkonsulent"),
 * the young person signs with the name in the header, anyone else gets a made-up name.
 */
function signerNames(template: Template, header: ExampleCase['header']): CaseData['signerNames'] {
	const person = template.headerFields.find((field) => field.kind === 'person');
	const valueOf = (fieldId: string | undefined) =>
		header.find((h) => h.fieldId === fieldId)?.value ?? '';
	return template.signature.signers.map((signer, index) => {
		const label = normalizeLabel(signer.label);
		const named = template.headerFields.find((field) => normalizeLabel(field.label) === label);
		const isYoungPerson = /\bunge\b/.test(label);
		const name =
			valueOf(named?.id) ||
			(isYoungPerson ? valueOf(person?.id) : '') ||
			SIGNER_NAMES[index % SIGNER_NAMES.length];
		return { signerId: signer.id, name };
	});
}

/** Example answers for `template`, and the progressionsskema and læringsbevis they make. */
export function exampleCase(template: Template): ExampleCase {
	const example = workplace(template);
	const { ratings, gains: rated } = exampleRatings(template);
	const agreed = agreedLevels(template, ratings);
	const reachedIds = new Set(
		template.areas.flatMap((area) =>
			area.statements
				.filter((statement) =>
					isReachedLevel(
						effectiveScale(area, statement).levels,
						agreed.find((a) => a.statementId === statement.id)?.levelId ?? null
					)
				)
				.map((statement) => statement.id)
		)
	);
	const gains = rated.map((g) => ({ ...g, isReached: reachedIds.has(g.statementId) }));
	const points = template.measurementPoints;
	const share = (index: number) => (points.length > 1 ? index / (points.length - 1) : 1);
	const header = template.headerFields.map((field, index) => ({
		fieldId: field.id,
		label: field.label,
		value: headerValue(field, index, example)
	}));
	const freeText = template.freeTextSections.map((section) => ({
		sectionId: section.id,
		label: section.label,
		text: freeTextFor(section.label, gains)
	}));
	const data: CaseData = {
		header: header.map(({ fieldId, value }) => ({ fieldId, value })),
		ratings,
		agreedLevels: agreed,
		goal: example.ownGoal,
		subGoals: template.goals.subGoals.map((s) => ({ ...s, statementIds: [...s.statementIds] })),
		subGoalStatuses: subGoalStatuses(template),
		// From a few hours a week towards the 25 of a sub-goal, as STAR describes a gradual start.
		hoursPerWeek: points.map((p, i) => ({
			measurementPointId: p.id,
			hours: Math.round(12 + 13 * share(i))
		})),
		tasks: points.map((p, i) => ({
			measurementPointId: p.id,
			text: example.tasks[Math.round(share(i) * 2)]
		})),
		freeText: freeText.map(({ sectionId, text }) => ({ sectionId, text })),
		nextStep: { ...example.nextStep },
		signerNames: signerNames(template, header)
	};
	return {
		data,
		header,
		freeText,
		progression: describeProgression(template, data),
		laeringsbevis: describeLaeringsbevis(template, data)
	};
}
