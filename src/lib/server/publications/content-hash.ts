/**
 * The SHA-256 of a version's canonical JSON (UTF-8), as lowercase hex. The same content always
 * has the same canonical text (`canonicalContent`), so equal hashes mean equal content.
 */
import { createHash } from 'node:crypto';

/** SHA-256 of `text` encoded as UTF-8, in lowercase hex. */
export function sha256Hex(text: string): string {
	return createHash('sha256').update(text, 'utf8').digest('hex');
}
