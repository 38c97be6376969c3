/**
 * Everything a page that runs the day shows at once: the agenda and timer, the votes, the
 * template's comments and what the person may do there. Both the presenter page ("Kør dagen")
 * and the run panel beside a document read it; each part checks `can()` itself.
 */
import { can, type Actor } from '#lib/domain/permissions.ts';
import { authorizeWorkshop } from '../workshops/workshops.ts';
import { getRunView, type RunView } from './run-mode.ts';
import { listVotes, templateDocumentOf, type VoteView } from './votes.ts';
import { listComments, type CommentsView } from './comments.ts';

export type RunRoomView = {
	run: RunView;
	votes: VoteView[];
	canVote: boolean;
	canComment: boolean;
	/** The template's comments (and the elements one can comment on); null without a template. */
	comments: CommentsView | null;
	/** The workshop's template document, where votes and comments point; null without one. */
	templateId: string | null;
};

/**
 * The run state of workshop `workshopId` as `actor` may see it.
 * @throws NotFoundError when the workshop is missing or invisible to the actor.
 */
export function loadRunRoom(actor: Actor, workshopId: string): RunRoomView {
	const resource = authorizeWorkshop(actor, workshopId, 'read');
	const templateId = templateDocumentOf(workshopId);
	return {
		run: getRunView(actor, workshopId),
		votes: listVotes(actor, workshopId),
		canVote: can(actor, 'vote', resource),
		canComment: can(actor, 'comment', resource),
		comments: templateId ? listComments(actor, workshopId, templateId) : null,
		templateId
	};
}
