/**
 * Downloads: the `Content-Disposition` header of a file, and the response that sends one. Browsers read the UTF-8 name in `filename*`
 * (RFC 6266 with the RFC 5987 encoding), so "Læringsbevis-…pdf" keeps its æøå; older clients
 * read `filename`, which therefore holds only ASCII.
 */
import { asciiFileName } from '#lib/domain/exports/file-names.ts';

/** RFC 5987 `attr-char`s are kept; everything else, UTF-8 encoded, is percent-encoded. */
function encodeRfc5987(value: string): string {
	// encodeURIComponent leaves ' ( ) * unescaped, which attr-char does not allow.
	return encodeURIComponent(value).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);
}

/** `attachment` (a download) or `inline` (shown in the browser) with `fileName`. */
export function contentDisposition(
	fileName: string,
	disposition: 'attachment' | 'inline' = 'attachment'
): string {
	const ascii = asciiFileName(fileName);
	return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/** A response that downloads `file` under its name (wrap it in `apiRoute` for no-store). */
export function fileResponse(file: {
	bytes: Uint8Array;
	contentType: string;
	fileName: string;
}): Response {
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'content-type': file.contentType,
			'content-length': String(file.bytes.length),
			'content-disposition': contentDisposition(file.fileName)
		}
	});
}
