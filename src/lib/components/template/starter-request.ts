/**
 * The starter chooser's request: `POST …/documents/{docId}/starter`, one step on the server that
 * is refused when the template is not empty any more (someone chose at the same moment).
 */

/**
 * Asks the server to fill the empty template from `starterId`. Returns null when it did, else
 * the message key that explains why not.
 */
export async function chooseStarter(
	workshopId: string,
	documentId: string,
	starterId: string
): Promise<string | null> {
	const url = `/api/v1/workshops/${workshopId}/documents/${documentId}/starter`;
	try {
		const response = await fetch(url, {
			method: 'POST',
			headers: { accept: 'application/json', 'content-type': 'application/json' },
			body: JSON.stringify({ starterId })
		});
		if (response.ok) return null;
		if (response.status === 409) return 'templateStarter.error.started';
		if (response.status === 403) return 'templateStarter.error.forbidden';
		return 'templateStarter.error.failed';
	} catch {
		return 'templateStarter.error.offline';
	}
}
