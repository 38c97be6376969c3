/**
 * The words of a vote's forms for what it is about: template statements (Dag 1, under `vote.*`,
 * `voteKeep.*`, `room.*`) or drejebog steps (Dag 2, under `runDays.*`). Message keys, so the
 * components translate them as usual.
 */
import type { VoteSubject } from '#lib/domain/votes.ts';

export type VoteWords = {
	/** Opening: the picker's label, its hint and texts, and the free candidates' label. */
	pick: string;
	pickerHint: string;
	pickerShowAll: string;
	pickerNone: string;
	pickerPicked: string;
	freeCandidates: string;
	/** Keeping: heading, intro, the choice, the badges, the place, the delete choice, the note. */
	keepHeading: string;
	keepIntro: string;
	keepChoose: string;
	fromDocument: string;
	newText: string;
	place: string;
	noPlaces: string;
	keepSubmit: string;
	removeOthers: string;
	removeOthersHint: string;
	keptAt: string;
	/** `outcome.kept`, `.stays`, `.removed`, `.notChosen` below this prefix. */
	outcome: string;
	/** Where the keep's new texts go cannot be chosen on this page (the other document's). */
	otherDocument: string;
};

const STATEMENTS: VoteWords = {
	pick: 'vote.open.statements',
	pickerHint: 'room.picker.hint',
	pickerShowAll: 'room.picker.showAll',
	pickerNone: 'room.picker.none',
	pickerPicked: 'room.picker.picked',
	freeCandidates: 'vote.open.candidates',
	keepHeading: 'voteKeep.heading',
	keepIntro: 'voteKeep.intro',
	keepChoose: 'voteKeep.choose',
	fromDocument: 'voteKeep.fromTemplate',
	newText: 'voteKeep.newText',
	place: 'voteKeep.area',
	noPlaces: 'voteKeep.noAreas',
	keepSubmit: 'voteKeep.submit',
	removeOthers: 'room.keep.removeOthers',
	removeOthersHint: 'room.keep.removeOthersHint',
	keptAt: 'voteKeep.keptAt',
	outcome: 'room.keep.outcome',
	otherDocument: 'runDays.keep.inTemplate'
};

const STEPS: VoteWords = {
	pick: 'runDays.vote.steps',
	pickerHint: 'runDays.picker.hint',
	pickerShowAll: 'runDays.picker.showAll',
	pickerNone: 'runDays.picker.none',
	pickerPicked: 'runDays.picker.picked',
	freeCandidates: 'runDays.vote.candidates',
	keepHeading: 'runDays.keep.heading',
	keepIntro: 'runDays.keep.intro',
	keepChoose: 'runDays.keep.choose',
	fromDocument: 'runDays.keep.fromDrejebog',
	newText: 'runDays.keep.newText',
	place: 'runDays.keep.stage',
	noPlaces: 'runDays.keep.noStages',
	keepSubmit: 'runDays.keep.submit',
	removeOthers: 'runDays.keep.removeOthers',
	removeOthersHint: 'runDays.keep.removeOthersHint',
	keptAt: 'runDays.keep.keptAt',
	outcome: 'runDays.keep.outcome',
	otherDocument: 'runDays.keep.inDrejebog'
};

/** The words for a vote about `subject`. */
export function voteWords(subject: VoteSubject): VoteWords {
	return subject === 'steps' ? STEPS : STATEMENTS;
}
