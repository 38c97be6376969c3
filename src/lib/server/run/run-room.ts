/**
 * Everything a page that runs the day shows at once: the agenda and timer, the votes, the
 * comments of the document being worked on and what the person may do there. Both the presenter
 * page ("Kør dagen") and the run panel beside a document read it; each part checks `can()`
 * itself. The document is the page's own (the template, or the drejebog on Dag 2); the presenter
 * page shows the day's: the drejebog from Dag 2 on, else the template.
 */
import { can, type Actor } from '#lib/domain/permissions.ts';
import type { VoteSubject } from '#lib/domain/votes.ts';
import { authorizeWorkshop } from '../workshops/workshops.ts';
import { workshopDocumentId } from '../documents/document-kind.ts';
import { getRunView, type RunView } from './run-mode.ts';
import { runStateStamp } from './run-events.ts';
import { listVotes, templateDocumentOf, type VoteView } from './votes.ts';
import { listComments, type CommentsView } from './comments.ts';
import { workshopDocumentKind } from './run-documents.ts';

export type RunRoomView = {
	run: RunView;
	votes: VoteView[];
	canVote: boolean;
	canComment: boolean;
	/** The document's comments (and the elements one can comment on); null without a document. */
	comments: CommentsView | null;
	/** The workshop's template document; null without one. */
	templateId: string | null;
	/** The document whose comments are shown and whose elements votes are opened on. */
	documentId: string | null;
	/** What a new vote here is about: the template's statements or the drejebog's steps. */
	voteSubject: VoteSubject;
	/**
	 * The run state's stamp when this was read (run-stamps.ts): the run panel skips its reload when
	 * the run-event stream opens at the same stamp.
	 */
	stamp: string;
};

/**
 * The run state of workshop `workshopId` as `actor` may see it, with the comments of
 * `documentId` (a document of the workshop), or of the day's document when none is given.
 * `eventsAtStart` is `locals.runEventsAtStart` (the stamp's guard against rights read earlier).
 * @throws NotFoundError when the workshop is missing or invisible to the actor.
 */
export function loadRunRoom(
	actor: Actor,
	workshopId: string,
	documentId: string | undefined,
	eventsAtStart: number
): RunRoomView {
	const resource = authorizeWorkshop(actor, workshopId, 'read');
	// Read first: everything below is read synchronously after it, so no change can fall between.
	// The actor's rights were read when the request began: an event since then makes it stale.
	const stamp = runStateStamp(actor.id, workshopId, eventsAtStart);
	const templateId = templateDocumentOf(workshopId);
	const shown =
		documentId ??
		(resource.phase === 'format' ? null : workshopDocumentId(workshopId, 'drejebog')) ??
		templateId;
	const kind = shown ? workshopDocumentKind(workshopId, shown) : null;
	return {
		run: getRunView(actor, workshopId),
		votes: listVotes(actor, workshopId),
		canVote: can(actor, 'vote', resource),
		canComment: can(actor, 'comment', resource),
		comments: shown && kind ? listComments(actor, workshopId, shown) : null,
		templateId,
		documentId: kind ? shown : null,
		voteSubject: kind === 'drejebog' ? 'steps' : 'statements',
		stamp
	};
}
