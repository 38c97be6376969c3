/**
 * A `mailto:` address that opens the person's own mail program with a subject and a text filled
 * in (RFC 6068), so a link can be sent by e-mail without the server sending mail: the consultant
 * writes the recipient, and the message leaves from their own mailbox as any other would.
 */

/** `mailto:` with no recipient and the given subject and body; line breaks as CRLF (RFC 6068). */
export function mailtoHref(subject: string, body: string): string {
	const encode = (text: string) => encodeURIComponent(text.replace(/\r?\n/g, '\r\n'));
	return `mailto:?subject=${encode(subject)}&body=${encode(body)}`;
}
