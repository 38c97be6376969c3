import { describe, expect, it } from 'vitest';
import { mailtoHref } from '#lib/domain/mail-link.ts';

describe('mailtoHref', () => {
	it('has no recipient, and encodes the subject and the body with CRLF line breaks', () => {
		const href = mailtoHref('Din vurdering & dit link', 'Hej\n\nÅbn: https://x.dk/r/a?b=c');
		expect(href).toBe(
			'mailto:?subject=Din%20vurdering%20%26%20dit%20link' +
				'&body=Hej%0D%0A%0D%0A%C3%85bn%3A%20https%3A%2F%2Fx.dk%2Fr%2Fa%3Fb%3Dc'
		);
	});

	it('gives back the same text when decoded', () => {
		const body = 'Linje 1\r\nLinje 2 – æøå';
		const decoded = decodeURIComponent(mailtoHref('S', 'Linje 1\nLinje 2 – æøå').split('body=')[1]);
		expect(decoded).toBe(body);
	});
});
