/**
 * Asks the server to start the drejebog (`POST …/documents/{docId}/drejebog/start`): the start is
 * one server-side edit, refused when the drejebog is started already, and its content reaches the
 * page through the collaboration session like any other edit.
 */
import type { DrejebogStart } from '#lib/domain/drejebog/schemas.ts';

/**
 * Starts the drejebog. `error` is null when the server did, else the server's message (already in
 * the person's language); `isUnreachable` says the request did not get through at all.
 */
export async function requestDrejebogStart(options: {
	workshopId: string;
	documentId: string;
	starter: DrejebogStart;
}): Promise<{ error: string | null; isUnreachable: boolean }> {
	const url = `/api/v1/workshops/${options.workshopId}/documents/${options.documentId}/drejebog/start`;
	try {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify({ starter: options.starter })
		});
		if (response.ok) return { error: null, isUnreachable: false };
		const answer = (await response.json()) as { error?: { message?: string } };
		return { error: answer.error?.message ?? `HTTP ${response.status}`, isUnreachable: false };
	} catch {
		return { error: null, isUnreachable: true };
	}
}
