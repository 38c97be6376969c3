/**
 * Which day run mode runs, and each day's default agenda (issue 11). A workshop has one run state
 * per day: Dag 1 (`format`), Dag 2 (`drejebog`) and Dag 3 (`rollout`). "Kør dagen" runs the day of
 * the workshop's current phase, so moving to Dag 2 shows Dag 2's agenda and moving back to Dag 1
 * finds Dag 1's timer and position as they were left. Drift is no workshop day: run mode then
 * keeps showing Dag 3, the last day that was run.
 *
 * The agendas are the facilitator's starting point (they edit them on "Kør dagen"), written from
 * the source material (seeds-digest.md §2 and §4): Day 1 designs the læringsbevis; on Day 2 "the
 * work group is shown the product and a drejebog for using the læringsbevis is developed" (stage
 * by stage, with CV og Min Plan agreed and the version made ready to publish); on Day 3 it is
 * presented to the rest of the staff and put into operation (a walkthrough step by step,
 * questions, a short self-check, and a follow-up learning meeting).
 */
import type { Phase } from './workshop.ts';

/** The days run mode can run, in order. */
export const RUN_DAYS = ['format', 'drejebog', 'rollout'] as const;
export type RunDay = (typeof RUN_DAYS)[number];

/** One agenda item: what is on, and for how many minutes. */
export type DayAgendaItem = { title: string; minutes: number };

/** The day run mode runs in `phase`: the phase's own day, or Dag 3 once in Drift. */
export function runDayOf(phase: Phase): RunDay {
	return phase === 'drift' ? 'rollout' : phase;
}

/** The default agenda of each day, in Danish (copied into every new workshop's format). */
export const DEFAULT_AGENDAS: Readonly<Record<RunDay, readonly DayAgendaItem[]>> = {
	format: [
		{ title: 'Velkomst og mål for dagen', minutes: 20 },
		{ title: 'Hvad skal læringsbeviset vise?', minutes: 60 },
		{ title: 'Kompetenceområder og udsagn', minutes: 90 },
		{ title: 'Skalaer og niveauer', minutes: 60 },
		{ title: 'Gennemsyn og afstemning', minutes: 30 }
	],
	drejebog: [
		{ title: 'Velkomst og mål for dagen', minutes: 15 },
		{ title: 'Produktet: læringsbevis og progressionsskema med eksemplet', minutes: 45 },
		{ title: 'Drejebogen: Før praktik', minutes: 60 },
		{ title: 'Drejebogen: Under praktik', minutes: 60 },
		{ title: 'Drejebogen: Mod afslutningen', minutes: 60 },
		{ title: 'Aftal CV og Min Plan og hurtig reaktion', minutes: 30 },
		{ title: 'Klar til udgivelse: gennemsyn og ændringsnote', minutes: 20 }
	],
	rollout: [
		{ title: 'Velkomst og formål', minutes: 15 },
		{ title: 'Læringsbevis og progressionsskema præsenteres for medarbejderne', minutes: 45 },
		{ title: 'Gennemgang af drejebogen trin for trin', minutes: 60 },
		{ title: 'Spørgsmål og svar', minutes: 30 },
		{ title: 'Selvtjek: hvor står jeg med progressionsværktøjer?', minutes: 15 },
		{ title: 'Aftaler om drift og opfølgende læringsmøde', minutes: 15 }
	]
};

/** A fresh copy of the default agenda of `day` (callers may change their copy). */
export function defaultAgenda(day: RunDay): DayAgendaItem[] {
	return DEFAULT_AGENDAS[day].map((item) => ({ ...item }));
}

/**
 * The agenda a day starts from: the workshop format's own agenda for that day when it has one
 * (formats are stored with the workshop), else the default.
 */
export function startingAgenda(
	format: { days: readonly { phase: Phase; agenda: readonly DayAgendaItem[] }[] } | null,
	day: RunDay
): DayAgendaItem[] {
	const own = format?.days.find((d) => d.phase === day)?.agenda;
	return own && own.length > 0 ? own.map((item) => ({ ...item })) : defaultAgenda(day);
}
