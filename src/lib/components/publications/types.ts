/**
 * What the publication components render, as plain data from the page loads (the server's
 * `PublicationSummary`, which components may not import).
 */
export type VersionSummary = {
	id: string;
	workshopId: string;
	workshopTitle: string;
	number: number;
	note: string;
	publishedBy: { id: string; name: string };
	publishedAt: number;
	sha256: string;
	isLatest: boolean;
	isInOperation: boolean;
};
