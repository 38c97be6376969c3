/**
 * The invented cases of `bench:cases`: names, companies, hours and texts that vary with the case's
 * number, and how far the case has come from its dates (closed when it ended, its points rated as
 * far as its period has run).
 */
import type { CaseSpec } from '#lib/server/platform/demo-cases-data.ts';

const FIRST = ['Alma', 'Noah', 'Freja', 'Emil', 'Ida', 'Lucas', 'Clara', 'Oscar', 'Agnes', 'Carl'];
const LAST = ['Benchsen', 'Prøvesen', 'Testrup', 'Målbæk', 'Dataholm', 'Tælleby', 'Forsøgsgaard'];
const COMPANIES = [
	'Plejecenter Egebo',
	'Aktivitetscentret Lyngen',
	'Bostedet Skovly',
	'Plejehjemmet Havbrisen',
	'Ældrecentret Kirsebærhaven',
	'Dagcentret Solgården'
];
const NEXT_STEPS: CaseSpec['nextStep']['kind'][] = [
	'education',
	'internship',
	'wageSubsidy',
	'job',
	'flexJob',
	'other'
];

/** Case number `i` with its dates; `now` decides its stage. */
export function caseSpec(
	i: number,
	dates: { start: string; end: string; startMs: number; endMs: number; now: number }
): CaseSpec {
	const isClosed = dates.endMs < dates.now;
	const elapsed = (dates.now - dates.startMs) / (dates.endMs - dates.startMs);
	const pointsRated = elapsed < 0 ? 0 : elapsed < 0.5 ? 1 : 2;
	const hours = 10 + (i % 4) * 5;
	return {
		firstName: FIRST[i % FIRST.length],
		lastName: `${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i + 1}`,
		company: COMPANIES[i % COMPANIES.length],
		mentorName: `Mentor ${(i % 40) + 1}`,
		targetGroup: i % 3 === 0 ? 'aktivitetsparat' : 'uddannelsesparat',
		start: dates.start,
		end: dates.end,
		isClosed,
		pointsRated,
		goal: 'Jeg vil finde ud af, om arbejdet med mennesker er noget for mig.',
		hours: [hours, hours + 5, hours + 10],
		tasks: ['Faste opgaver i køkken og fællesrum.', 'Aktiviteter med beboerne.', 'Egen vagtplan.'],
		ownWords: ['Jeg har lært at tale med beboerne.', 'Jeg vil blive bedre til at sige fra.'],
		nextStep: { kind: NEXT_STEPS[i % NEXT_STEPS.length], text: 'Aftalt ved slutsamtalen.' }
	};
}
