/**
 * Shapes shared by the case page's components: what a form action answered (the field messages
 * and values to show again, a link just created) and small formatting helpers.
 */

/** A case page form action's answer; `form` names the form it belongs to. */
export type CaseFormResult = {
	form?: string;
	message?: string;
	fields?: Record<string, string>;
	values?: Record<string, string>;
	createdLink?: { id: string; url: string; expiresAt: number };
	saved?: boolean;
} | null;

/** A date and time in Danish, e.g. "6. dec. 2026 kl. 14.05". */
export function danishDateTime(ms: number): string {
	return new Date(ms).toLocaleString('da-DK', {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		timeZone: 'Europe/Copenhagen'
	});
}

/** A calendar date (`YYYY-MM-DD`) in Danish, e.g. "6. dec. 2026". */
export function danishDate(iso: string): string {
	return new Date(`${iso}T12:00:00Z`).toLocaleDateString('da-DK', {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		timeZone: 'UTC'
	});
}
