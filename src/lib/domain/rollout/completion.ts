/**
 * When a person has completed a walkthrough, the facilitator's numbers per question, the default
 * date of the follow-up learning meeting, and the completion list as CSV.
 */
import type { Walkthrough } from './schemas.ts';
import { questionsOf } from './walkthrough.ts';

/** How far one person has come. */
export type Progress = {
	acked: number;
	/** Steps that ask for "Forstået". */
	required: number;
	answered: number;
	correct: number;
	questions: number;
	/** Every step that asks for it confirmed and every question answered. */
	isComplete: boolean;
};

/** A person's progress from the steps they confirmed and their answers (step id → right?). */
export function progressOf(
	walkthrough: Walkthrough,
	ackedStepIds: ReadonlySet<string>,
	answers: ReadonlyMap<string, boolean>
): Progress {
	const required = walkthrough.steps.filter((s) => s.requiresAck);
	const questions = questionsOf(walkthrough);
	const acked = required.filter((s) => ackedStepIds.has(s.id)).length;
	const answered = questions.filter((q) => answers.has(q.stepId));
	const correct = answered.filter((q) => answers.get(q.stepId) === true).length;
	return {
		acked,
		required: required.length,
		answered: answered.length,
		correct,
		questions: questions.length,
		isComplete: acked === required.length && answered.length === questions.length
	};
}

/** Per question: how many answered and the share right (null before anyone answered). */
export function questionStats(
	walkthrough: Walkthrough,
	answers: readonly { stepId: string; isCorrect: boolean }[]
): { stepId: string; questionId: string; answered: number; correctShare: number | null }[] {
	return questionsOf(walkthrough).map(({ stepId, question }) => {
		const given = answers.filter((a) => a.stepId === stepId);
		const right = given.filter((a) => a.isCorrect).length;
		return {
			stepId,
			questionId: question.id,
			answered: given.length,
			correctShare: given.length === 0 ? null : right / given.length
		};
	});
}

const DAY_MS = 24 * 60 * 60 * 1000;
const TIME_ZONE = 'Europe/Copenhagen';

/**
 * Made once: building an `Intl.DateTimeFormat` costs far more than formatting with it, and "Mine
 * forløb" asks for today's date once per case (bench:cases: 400 cases spent half their time here).
 */
const DANISH_DATE = new Intl.DateTimeFormat('en-CA', {
	timeZone: TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

/** The calendar date (`YYYY-MM-DD`) of `ms` in Denmark. */
export function danishDate(ms: number): string {
	return DANISH_DATE.format(ms);
}

/**
 * The default follow-up learning meeting: five weeks after the session (the middle of the four to
 * six weeks seed 004's learning meetings suggest), moved from a weekend to the Monday after.
 */
export function defaultFollowUpDate(sessionMs: number): string {
	const date = new Date(`${danishDate(sessionMs + 35 * DAY_MS)}T12:00:00Z`);
	const day = date.getUTCDay();
	const shift = day === 6 ? 2 : day === 0 ? 1 : 0;
	return new Date(date.getTime() + shift * DAY_MS).toISOString().slice(0, 10);
}

/** One row of the completion list. */
export type CompletionRow = {
	name: string;
	email: string;
	versionNumber: number;
	/** `live` in the session, `self` alone afterwards. */
	mode: 'live' | 'self';
	joinedAt: number;
	completedAt: number | null;
	progress: Progress;
};

/** A moment as `YYYY-MM-DD HH:MM` in Danish time. */
export function danishDateTime(ms: number): string {
	const parts = new Intl.DateTimeFormat('en-CA', {
		timeZone: TIME_ZONE,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}).formatToParts(ms);
	const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/**
 * One CSV cell: quoted when it holds the separator, a quote or a line break, and with a leading
 * apostrophe when it starts like a formula (=, +, -, @), so a spreadsheet never runs a name.
 */
export function csvCell(value: string | number): string {
	let text = String(value);
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV's column headings (Danish: the file is for the municipality's staff). */
export const COMPLETION_CSV_HEADINGS = [
	'Navn',
	'E-mail',
	'Version',
	'Måde',
	'Tilmeldt',
	'Gennemført',
	'Forstået',
	'Trin i alt',
	'Rigtige svar',
	'Spørgsmål'
];

/**
 * The completion list as CSV for a Danish spreadsheet: semicolons, CRLF, a byte order mark so
 * æøå read right, times in Danish time.
 */
export function completionCsv(rows: readonly CompletionRow[]): string {
	const lines = [
		COMPLETION_CSV_HEADINGS,
		...rows.map((row) => [
			row.name,
			row.email,
			row.versionNumber,
			row.mode === 'live' ? 'Session' : 'Selvstændigt',
			danishDateTime(row.joinedAt),
			row.completedAt === null ? '' : danishDateTime(row.completedAt),
			row.progress.acked,
			row.progress.required,
			row.progress.correct,
			row.progress.questions
		])
	];
	return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
