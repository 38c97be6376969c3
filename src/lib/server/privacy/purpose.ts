/**
 * The purpose of an access to a case (issue 14). In the browser it is asked once per case per
 * session (`/formaal`) and kept with the session (`case_purposes`); an API client sends it with
 * each call (`X-Formvaerk-Purpose`, or a `purpose` query parameter). Case routes and page loads
 * put it into the cases module's context; the module refuses a read without one (428).
 */
import { redirect } from '@sveltejs/kit';
import { getDb } from '../platform/db.ts';
import { hashToken } from '../platform/ids.ts';
import { ValidationError } from '#lib/domain/errors.ts';
import {
	PURPOSE_HEADER,
	parsePurposeHeader,
	type CasePurpose,
	type PurposeKind
} from '#lib/domain/privacy/purposes.ts';

/** Keeps `purpose` for `caseId` for the rest of this browser session. */
export function choosePurpose(sessionToken: string, caseId: string, purpose: CasePurpose): void {
	getDb()
		.prepare(
			`INSERT INTO case_purposes (session_hash, case_id, purpose, purpose_text, chosen_at)
			 VALUES (?, ?, ?, ?, ?)
			 ON CONFLICT (session_hash, case_id) DO UPDATE
			 SET purpose = excluded.purpose, purpose_text = excluded.purpose_text, chosen_at = excluded.chosen_at`
		)
		.run(hashToken(sessionToken), caseId, purpose.kind, purpose.text, Date.now());
}

/** The purpose this session stated for `caseId`, or null. */
export function sessionPurpose(
	sessionToken: string | undefined,
	caseId: string
): CasePurpose | null {
	if (!sessionToken) return null;
	const row = getDb()
		.prepare(
			'SELECT purpose, purpose_text FROM case_purposes WHERE session_hash = ? AND case_id = ?'
		)
		.get(hashToken(sessionToken), caseId) as
		{ purpose: PurposeKind; purpose_text: string } | undefined;
	return row ? { kind: row.purpose, text: row.purpose_text } : null;
}

type PurposeEvent = { request: Request; url: URL; locals: App.Locals };

/**
 * The purpose of one request to a case: the header (or `?purpose=`), else what this browser
 * session stated for the case, else null (the cases module then answers 428 for a read).
 * @throws ValidationError when a purpose is sent but names none (`privacy.purpose.invalid`).
 */
export function requestPurpose(event: PurposeEvent, caseId: string | null): CasePurpose | null {
	const sent = event.request.headers.get(PURPOSE_HEADER) ?? event.url.searchParams.get('purpose');
	const parsed = parsePurposeHeader(sent);
	if (parsed === 'invalid') {
		throw new ValidationError('privacy.purpose.invalid', { purpose: 'privacy.purpose.invalid' });
	}
	if (parsed) return parsed;
	return caseId ? sessionPurpose(event.locals.sessionToken, caseId) : null;
}

/**
 * For a case page's load: the purpose this session stated for `caseId`, or a redirect to the
 * purpose page, which comes back to this page once a purpose is chosen.
 */
export function requirePagePurpose(event: PurposeEvent, caseId: string): CasePurpose {
	const purpose = sessionPurpose(event.locals.sessionToken, caseId);
	if (purpose) return purpose;
	const next = event.url.pathname + event.url.search;
	redirect(303, `/formaal?case=${encodeURIComponent(caseId)}&next=${encodeURIComponent(next)}`);
}
