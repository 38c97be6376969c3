/**
 * The staff self-check of readiness, at the end of the walkthrough and again at the follow-up
 * learning meeting. Its items are drawn from seed 004 ("Fagligheder på beskæftigelsesområdet"):
 * the basic competences 4.5, 4.1, 4.4, 4.6 and 2.6 and the Kompetence-, Virksomheds- and
 * Empowermentprofil, each worded for this work. Answers are on a five-step scale.
 *
 * This is employee data: nobody sees one person's answers, and an aggregate is shown only for a
 * group of at least `MIN_GROUP_SIZE` people (`aggregateSelfChecks`).
 */
import { z } from 'zod';

/** Each item with the place in seed 004 it comes from; the wording is under `rollout.selfCheck.item.*`. */
export const SELF_CHECK_ITEMS = [
	{ id: 'progressionTools', source: '4.5' },
	{ id: 'jobConversation', source: '4.1' },
	{ id: 'systematic', source: '4.4' },
	{ id: 'formulation', source: '4.6' },
	{ id: 'coherentCourse', source: '2.6' },
	{ id: 'competences', source: 'Kompetenceprofilen' },
	{ id: 'company', source: 'Virksomhedsprofilen' },
	{ id: 'ownership', source: 'Empowermentprofilen' }
] as const;
export type SelfCheckItemId = (typeof SELF_CHECK_ITEMS)[number]['id'];

/** When the self-check is taken: at the end of the walkthrough, or at the follow-up meeting. */
export const SELF_CHECK_OCCASIONS = ['end', 'followUp'] as const;
export type SelfCheckOccasion = (typeof SELF_CHECK_OCCASIONS)[number];

/** The five steps, 1 ("slet ikke") to 5 ("i meget høj grad"): labels under `rollout.selfCheck.scale.*`. */
export const SELF_CHECK_STEPS = [1, 2, 3, 4, 5] as const;

/** Smallest group whose aggregate is shown: fewer people could be recognised in it. */
export const MIN_GROUP_SIZE = 5;

const stepSchema = z
	.number({ error: 'rollout.selfCheck.required' })
	.int({ error: 'rollout.selfCheck.required' })
	.min(1, { error: 'rollout.selfCheck.required' })
	.max(5, { error: 'rollout.selfCheck.required' });

/** One person's answers: every item, on the five-step scale. */
export const selfCheckSchema = z.object({
	occasion: z.enum(SELF_CHECK_OCCASIONS, { error: 'rollout.input.invalidKind' }),
	answers: z.object(
		Object.fromEntries(SELF_CHECK_ITEMS.map((item) => [item.id, stepSchema])) as Record<
			SelfCheckItemId,
			typeof stepSchema
		>
	)
});
export type SelfCheckInput = z.infer<typeof selfCheckSchema>;
export type SelfCheckAnswers = SelfCheckInput['answers'];

/** An aggregate of one occasion: hidden below the group size, else counts and means per item. */
export type SelfCheckAggregate =
	| { occasion: SelfCheckOccasion; isShown: false; minimum: number }
	| {
			occasion: SelfCheckOccasion;
			isShown: true;
			respondents: number;
			items: {
				itemId: SelfCheckItemId;
				source: string;
				/** How many chose each step, 1 to 5. */
				counts: [number, number, number, number, number];
				/** Mean step, one decimal. */
				mean: number;
			}[];
	  };

/**
 * The aggregate of the self-checks of one occasion. `answers` holds one entry per person (the
 * latest); when fewer than `MIN_GROUP_SIZE` people answered, the aggregate says only that it is
 * hidden (not even how many answered, which would tell who).
 */
export function aggregateSelfChecks(
	occasion: SelfCheckOccasion,
	answers: readonly SelfCheckAnswers[]
): SelfCheckAggregate {
	if (answers.length < MIN_GROUP_SIZE) return { occasion, isShown: false, minimum: MIN_GROUP_SIZE };
	return {
		occasion,
		isShown: true,
		respondents: answers.length,
		items: SELF_CHECK_ITEMS.map((item) => {
			const counts: [number, number, number, number, number] = [0, 0, 0, 0, 0];
			for (const answer of answers) counts[answer[item.id] - 1]++;
			const sum = answers.reduce((total, answer) => total + answer[item.id], 0);
			return {
				itemId: item.id,
				source: item.source,
				counts,
				mean: Math.round((sum / answers.length) * 10) / 10
			};
		})
	};
}
