/**
 * The run forms' results (timer, agenda, votes, comments; see run-form-actions.ts) as the run
 * components read them, on the presenter page and beside a document alike.
 */
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
