/**
 * The audit log's vocabulary (issue 14): what is recorded about each access to a case, how the
 * administrator searches it, and its CSV.
 */
import { z } from 'zod';
import { csvCell, danishDate, danishDateTime } from '../rollout/completion.ts';
import type { PurposeKind } from './purposes.ts';

/** read, change, export, link creation, link use, signature, deletion. */
export const AUDIT_ACTIONS = [
	'read',
	'change',
	'export',
	'link-create',
	'link-use',
	'sign',
	'delete'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One entry as the administrator sees it; `actor.name` is left out of a citizen's export. */
export type AuditEntry = {
	id: number;
	at: number;
	caseId: string | null;
	youngPersonId: string | null;
	action: AuditAction;
	/** A person (their role then), a link (`linkId`), or the retention job (`role: 'system'`). */
	actor: { userId: string | null; name: string | null; role: string; linkId: string | null };
	purpose: PurposeKind | null;
	purposeText: string;
	requestId: string;
	detail: string;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const optionalId = z.string().trim().min(1).max(64).optional();
const optionalDate = z
	.string()
	.regex(DATE, { error: 'privacy.audit.badDate' })
	.refine((d) => !Number.isNaN(Date.parse(d)), { error: 'privacy.audit.badDate' })
	.optional();

/** The search: by case, by person (a staff user id), from and to a date (Danish days, inclusive). */
export const auditQuerySchema = z
	.object({
		organisation: optionalId,
		case: optionalId,
		person: optionalId,
		youngPerson: optionalId,
		from: optionalDate,
		to: optionalDate
	})
	.refine((q) => !q.from || !q.to || q.from <= q.to, {
		error: 'privacy.audit.fromAfterTo',
		path: ['to']
	});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** The first millisecond of a Danish calendar day (`YYYY-MM-DD`), summer time included. */
export function danishDayStart(date: string): number {
	const [y, m, d] = date.split('-').map(Number);
	// Denmark is UTC+1 or +2: the day starts 1-2 hours before UTC midnight.
	let at = Date.UTC(y, m - 1, d) - 2 * 3_600_000;
	while (danishDate(at) < date) at += 3_600_000;
	return at;
}

/** The day after a `YYYY-MM-DD` date. */
export function nextDate(date: string): string {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

const ACTION_LABELS: Record<AuditAction, string> = {
	read: 'Læst',
	change: 'Ændret',
	export: 'Udskrevet',
	'link-create': 'Link oprettet',
	'link-use': 'Link brugt',
	sign: 'Underskrevet',
	delete: 'Slettet'
};

const PURPOSE_LABELS: Record<PurposeKind, string> = {
	followUp: 'Opfølgning',
	assessment: 'Vurdering',
	printout: 'Udskrift',
	complaint: 'Klage',
	other: 'Andet'
};

/** Danish words for an action and a purpose (CSV, PDF and the access export). */
export function actionLabel(action: AuditAction): string {
	return ACTION_LABELS[action];
}

/** The purpose in Danish, with the person's own words for "andet". */
export function purposeLabel(purpose: PurposeKind | null, text: string): string {
	if (!purpose) return '';
	return purpose === 'other' && text ? `${PURPOSE_LABELS.other}: ${text}` : PURPOSE_LABELS[purpose];
}

/** The log as CSV for a Danish spreadsheet (semicolons, CRLF, BOM, Danish time). */
export function auditCsv(entries: readonly AuditEntry[]): string {
	const headings = [
		'Tidspunkt',
		'Handling',
		'Forløb',
		'Ung',
		'Person',
		'Navn',
		'Rolle',
		'Link',
		'Formål',
		'Anmodning',
		'Detaljer'
	];
	const lines = [
		headings,
		...entries.map((e) => [
			danishDateTime(e.at),
			actionLabel(e.action),
			e.caseId ?? '',
			e.youngPersonId ?? '',
			e.actor.userId ?? '',
			e.actor.name ?? '',
			e.actor.role,
			e.actor.linkId ?? '',
			purposeLabel(e.purpose, e.purposeText),
			e.requestId,
			e.detail
		])
	];
	return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
