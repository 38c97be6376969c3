/**
 * CPR numbers must never be stored: every free-text field of a case refuses text that looks like
 * one (DDMMYY-XXXX, with or without the dash or with a space), when the first six digits are a
 * plausible date. Ten digits that are not a date (a phone number with a country code, an order
 * number) pass.
 */

const CANDIDATE = /(?<!\d)(\d{2})(\d{2})(\d{2})[-\s]?(\d{4})(?!\d)/g;

function daysInMonth(month: number, year: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when DD, MM and YY make a date in 1900-1999 or 2000-2099. */
function isPlausibleDate(day: number, month: number, yy: number): boolean {
	if (month < 1 || month > 12 || day < 1) return false;
	// 29 February is a date when either century's year is a leap year.
	return day <= Math.max(daysInMonth(month, 1900 + yy), daysInMonth(month, 2000 + yy));
}

/** True when `text` holds something that looks like a CPR number. */
export function containsCpr(text: string): boolean {
	for (const match of text.matchAll(CANDIDATE)) {
		if (isPlausibleDate(Number(match[1]), Number(match[2]), Number(match[3]))) return true;
	}
	return false;
}

/** The i18n key of the message shown when a field holds a CPR number. */
export const CPR_MESSAGE_KEY = 'cases.input.cpr';
