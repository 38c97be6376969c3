/** Random identifiers and secrets. */
import { createHash, randomBytes } from 'node:crypto';

/** A URL-safe random id (128 bits), used for rows that appear in URLs. */
export function newId(): string {
	return randomBytes(16).toString('base64url');
}

/** A URL-safe random secret (256 bits) for session and invitation tokens. */
export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

/** Tokens are stored hashed so a copied database does not hand out live sessions or links. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('base64url');
}
