/**
 * Why someone opens a case (issue 14): every read of a case states a purpose, asked once per case
 * per session in the browser and sent with every API call (`X-Formvaerk-Purpose`). The purpose
 * is written into the audit log with each access.
 */
import { z } from 'zod';

/** opfølgning, vurdering, udskrift, klage, andet (labels under `privacy.purpose.*`). */
export const PURPOSE_KINDS = ['followUp', 'assessment', 'printout', 'complaint', 'other'] as const;
export type PurposeKind = (typeof PURPOSE_KINDS)[number];

/** The longest free text of an "andet" purpose. */
export const MAX_PURPOSE_TEXT = 200;

/** A stated purpose: the kind, and for `other` the person's own words (else empty). */
export type CasePurpose = { kind: PurposeKind; text: string };

/** The API's and the form's body: `{ kind, text }`; `other` needs a text. */
export const purposeSchema = z
	.object({
		kind: z.enum(PURPOSE_KINDS, { error: 'privacy.purpose.invalid' }),
		text: z
			.string()
			.trim()
			.max(MAX_PURPOSE_TEXT, { error: 'privacy.purpose.tooLong' })
			.optional()
			.default('')
	})
	.refine((p) => p.kind !== 'other' || p.text.length > 0, {
		error: 'privacy.purpose.textRequired',
		path: ['text']
	})
	.transform((p): CasePurpose => ({ kind: p.kind, text: p.kind === 'other' ? p.text : '' }));

/** The header that carries the purpose of an API call to a case route. */
export const PURPOSE_HEADER = 'x-formvaerk-purpose';

/**
 * Reads a purpose from the header's value: `followUp`, or `other; text=<percent-encoded text>`
 * (headers carry ASCII only, so the text is encoded with encodeURIComponent). Null when the value
 * is missing; `invalid` when it names no purpose or `other` has no text.
 */
export function parsePurposeHeader(
	value: string | null | undefined
): CasePurpose | null | 'invalid' {
	if (value === null || value === undefined || value.trim() === '') return null;
	const [kindPart, ...params] = value.split(';');
	let text = '';
	for (const param of params) {
		const [name, ...rest] = param.split('=');
		if (name.trim().toLowerCase() !== 'text') continue;
		try {
			text = decodeURIComponent(rest.join('=').trim().replace(/^"|"$/g, ''));
		} catch {
			return 'invalid';
		}
	}
	const parsed = purposeSchema.safeParse({ kind: kindPart.trim(), text });
	return parsed.success ? parsed.data : 'invalid';
}

/** The header value for a purpose (the inverse of `parsePurposeHeader`). */
export function purposeHeaderValue(purpose: CasePurpose): string {
	return purpose.kind === 'other'
		? `other; text=${encodeURIComponent(purpose.text)}`
		: purpose.kind;
}
