/** This page's form results as its components read them (timer, agenda and vote actions). */
export type RunFormResult =
	| {
			form?: string;
			/** Failure: an i18n key. */
			message?: string;
			/** Success: an i18n key. */
			notice?: string;
			fields?: Record<string, string>;
			values?: Record<string, string>;
			/** The vote a dot or close action was about, so its card shows the message. */
			voteId?: string;
	  }
	| null
	| undefined;
