/** This page's form results as its components read them (all actions combined). */
export type AdminFormResult =
	| {
			form?: string;
			/** Failure: an i18n key. */
			message?: string;
			/** Success: an i18n key. */
			notice?: string;
			name?: string;
			fields?: Record<string, string>;
			values?: Record<string, string>;
	  }
	| null
	| undefined;
