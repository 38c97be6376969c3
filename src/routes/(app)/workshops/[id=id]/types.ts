/** The shape of this page's form results as its components read them (all actions combined). */
export type WorkshopFormResult =
	| {
			form?: string;
			/** Failure: an i18n key. */
			message?: string;
			/** Success: an i18n key. */
			notice?: string;
			fields?: Record<string, string>;
			/** Failure with several reasons (the template is not ready for Dag 2). */
			problems?: {
				code: string;
				path: string[];
				messageKey: string;
				params: Record<string, string | number>;
			}[];
			values?: Record<string, string>;
			created?: { url: string; email: string; role: string };
			/** The version just published (publish) or the new draft was opened from (draft). */
			published?: { id: string; number: number };
	  }
	| null
	| undefined;
