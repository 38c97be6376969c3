/**
 * Reading the case pages' forms (cases-ui) into the cases module's inputs, checked with the
 * module's own schemas so a form and the API refuse the same things with the same messages.
 * Field names are the API's paths, so a schema's message lands at its field.
 */
import type { z } from 'zod';
import {
	createCaseSchema,
	goalInputSchema,
	linkAnswerSchema,
	type CreateCaseInput,
	type GoalInput
} from '#lib/domain/cases/schemas.ts';
import { fieldErrors } from '#lib/domain/schemas.ts';
import { ValidationError, type FieldErrors } from '#lib/domain/errors.ts';
import type { StartCaseChoices } from '#lib/components/cases/start-case.ts';
import {
	commentField,
	levelField,
	NOT_ASSESSED,
	type RatingArea,
	type RatingValue
} from '#lib/components/cases/rating-fields.ts';

/** The parsed start form, or its field messages with the values to show again. */
export type StartForm =
	| { ok: true; create: CreateCaseInput; goal: GoalInput; values: Record<string, string> }
	| { ok: false; fields: FieldErrors; values: Record<string, string>; statementIds: string[] };

const text = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
};
const orUndefined = (value: string) => (value.trim() === '' ? undefined : value);

/**
 * Reads the "start a case" form; sub-goals keep the version's links to statements, and a case
 * started from an earlier one must name that case's young person.
 */
export function parseStartForm(form: FormData, choices: StartCaseChoices): StartForm {
	const values: Record<string, string> = {};
	for (const [key, value] of form) if (typeof value === 'string') values[key] = value;
	const statementIds = form.getAll('statementIds').filter((v) => typeof v === 'string');
	const hours = text(form, 'hoursAtStart').trim().replace(',', '.');
	const create = createCaseSchema.safeParse({
		publicationId: text(form, 'publicationId'),
		youngPerson: {
			firstName: text(form, 'youngPerson.firstName'),
			lastName: text(form, 'youngPerson.lastName')
		},
		company: text(form, 'company'),
		mentorName: text(form, 'mentorName'),
		start: text(form, 'start'),
		end: text(form, 'end'),
		targetGroup: orUndefined(text(form, 'targetGroup')),
		hoursAtStart: hours === '' ? undefined : Number(hours),
		statementIds,
		previousCaseId: orUndefined(text(form, 'previousCaseId'))
	});
	const subGoals = [
		...choices.subGoals.map((s) => ({
			field: `subGoal-${s.id}`,
			id: s.id,
			text: text(form, `subGoal-${s.id}`),
			statementIds: s.statementIds
		})),
		{ field: 'subGoal-new', id: undefined, text: text(form, 'subGoal-new'), statementIds: [] }
	].filter((s) => s.text.trim() !== '');
	const goal = goalInputSchema.safeParse({
		goal: text(form, 'goal'),
		agreedOn: orUndefined(text(form, 'agreedOn')) ?? null,
		subGoals: subGoals.map(({ id, text, statementIds }) => ({ id, text, statementIds }))
	});
	const previousFields = previousNameFields(form, choices);
	const isPreviousFine = Object.keys(previousFields).length === 0;
	if (create.success && goal.success && statementIds.length > 0 && isPreviousFine) {
		return { ok: true, create: create.data, goal: goal.data, values };
	}
	const fields: FieldErrors = {
		...previousFields,
		...(create.success ? {} : fieldErrors(create.error)),
		...(goal.success ? {} : goalFields(goal.error, subGoals))
	};
	if (statementIds.length === 0) fields.statementIds = 'casePages.start.noStatements';
	return { ok: false, fields, values, statementIds };
}

const sameName = (a: string, b: string) =>
	a.trim().toLocaleLowerCase('da') === b.trim().toLocaleLowerCase('da');

/**
 * A case started from an earlier one is for that case's young person, whose stored name it keeps:
 * a different name typed beside it would be dropped without a word, so it is refused at the name.
 */
function previousNameFields(form: FormData, choices: StartCaseChoices): FieldErrors {
	const previous = choices.previousCases.find((c) => c.id === text(form, 'previousCaseId'));
	if (!previous) return {};
	const fields: FieldErrors = {};
	for (const part of ['firstName', 'lastName'] as const) {
		const name = `youngPerson.${part}`;
		const typed = text(form, name);
		if (typed.trim() !== '' && !sameName(typed, previous[part])) {
			fields[name] = 'casePages.start.previousName';
		}
	}
	return fields;
}

/** A sub-goal's message belongs at its own field (`subGoals.2.text` → `subGoal-<id>`). */
function goalFields(error: z.ZodError, subGoals: { field: string }[]): FieldErrors {
	const fields: FieldErrors = {};
	for (const [path, message] of Object.entries(fieldErrors(error))) {
		const match = /^subGoals\.(\d+)/.exec(path);
		const key = match ? (subGoals[Number(match[1])]?.field ?? 'goal') : path;
		fields[key] ??= message;
	}
	return fields;
}

/** One statement's answer from `RatingFields` (level null: "ikke vurderet"). */
export type RatingAnswer = { statementId: string; level: string | null; comment: string };

/** The parsed rating form, or its messages per statement with the values to show again. */
export type RatingForm =
	| { ok: true; answers: RatingAnswer[] }
	| { ok: false; errors: Record<string, string>; values: Record<string, RatingValue> };

/**
 * Reads `RatingFields` for the statements of `areas`. With `isComplete`, every statement needs an
 * answer (a link is used once); otherwise unanswered statements are left as they were.
 */
export function parseRatingForm(
	form: FormData,
	areas: RatingArea[],
	isComplete: boolean
): RatingForm {
	const answers: RatingAnswer[] = [];
	const errors: Record<string, string> = {};
	const values: Record<string, RatingValue> = {};
	for (const statement of areas.flatMap((a) => a.statements)) {
		const id = statement.statementId;
		const raw = text(form, levelField(id));
		const comment = text(form, commentField(id));
		const level = raw === NOT_ASSESSED ? null : raw === '' ? undefined : raw;
		values[id] = { level, comment };
		if (level === undefined) {
			if (isComplete) errors[id] = 'casePages.rate.missing';
			else if (comment.trim() !== '') errors[id] = 'casePages.rate.commentWithoutLevel';
			continue;
		}
		if (level !== null && !statement.levels.some((l) => l.levelId === level)) {
			errors[id] = 'casePages.rate.unknownLevel';
			continue;
		}
		const parsed = linkAnswerSchema.safeParse({ statementId: id, level, comment });
		if (!parsed.success) errors[id] = parsed.error.issues[0]?.message ?? 'casePages.rate.invalid';
		else answers.push({ statementId: id, level, comment: parsed.data.comment });
	}
	return Object.keys(errors).length > 0 ? { ok: false, errors, values } : { ok: true, answers };
}

/**
 * `input` through `schema`, or a ValidationError whose field messages are keyed by `fieldOf(path)`
 * (the form's field names), which `actFor` shows at the fields. The module checks again; this
 * makes the form name the field.
 */
export function checked<T>(
	schema: z.ZodType<T>,
	input: unknown,
	fieldOf: (path: string) => string = (path) => path
): T {
	const parsed = schema.safeParse(input);
	if (parsed.success) return parsed.data;
	const fields: FieldErrors = {};
	for (const [path, message] of Object.entries(fieldErrors(parsed.error))) {
		fields[fieldOf(path)] ??= message;
	}
	throw new ValidationError(Object.values(fields)[0] ?? 'casePages.invalid', fields);
}
