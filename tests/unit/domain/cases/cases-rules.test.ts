/**
 * The pure rules of Drift cases on a real template (the detail starter) and STAR's drejebog: the
 * rating plan applied to a case, rating refusals, CPR detection, the schedule (stage, due this
 * week), "hurtig reaktion", disagreements and the progression chart's series, and the CV phrases
 * and Min Plan text from a stored case.
 */
import { describe, expect, it } from 'vitest';
import { starterToTemplate } from '#lib/domain/template/from-starter.ts';
import { getStarter } from '#lib/domain/template/starters/index.ts';
import { starterDrejebog } from '#lib/domain/drejebog/starter.ts';
import { containsCpr } from '#lib/domain/cases/cpr.ts';
import { casePlan, ratingRefusal, statementsToRate } from '#lib/domain/cases/plan.ts';
import { caseStage, dueThisWeek, pointDates, weekOf } from '#lib/domain/cases/schedule.ts';
import { disagreements, needsAttention, progressionSeries } from '#lib/domain/cases/analysis.ts';
import { caseCvFrom, toCaseData, type StoredCase } from '#lib/domain/cases/case-data.ts';
import { createCaseSchema, ratingInputSchema } from '#lib/domain/cases/schemas.ts';

const template = starterToTemplate(getStarter('detail')!);
const drejebog = starterDrejebog(template);
const all = template.areas.flatMap((a) => a.statements.map((s) => s.id));
const social = template.areas[1].statements.map((s) => s.id);

describe('CPR numbers', () => {
	it.each(['010203-1234', '0102031234', '311299 4321', 'mit nr er 290200-1234.'])(
		'finds %s',
		(text) => expect(containsCpr(text)).toBe(true)
	);
	it.each(['12345678', '+45 2012 3456', '320199-1234', '011399-1234', '01020312345', '2026-12-06'])(
		'lets %s pass',
		(text) => expect(containsCpr(text)).toBe(false)
	);
	it('is refused in every free-text field with the Danish message key', () => {
		const result = ratingInputSchema.safeParse({
			pointId: 'p',
			raterId: 'r',
			statementId: 's',
			level: null,
			comment: 'cpr 0101901234'
		});
		expect(result.success).toBe(false);
		expect(result.error?.issues[0].message).toBe('cases.input.cpr');
		const created = createCaseSchema.safeParse({
			publicationId: 'v',
			youngPerson: { firstName: 'A', lastName: 'B' },
			company: 'C',
			start: '2026-03-02',
			end: '2026-03-01'
		});
		expect(created.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			['end', 'cases.input.endBeforeStart']
		]);
	});
});

describe('the rating plan on a case', () => {
	const plan = casePlan(template, [...social, 'detail-s1']);

	it('gives each rater the chosen statements of the areas they rate at each point', () => {
		expect(statementsToRate(plan, 'detail-m1', 'detail-r1')).toEqual(['detail-s1', ...social]);
		expect(statementsToRate(plan, 'detail-m1', 'detail-r2')).toEqual([]);
		expect(statementsToRate(plan, 'detail-m2', 'detail-r2')).toEqual(['detail-s1']);
		expect(statementsToRate(plan, 'detail-m2', 'detail-r3')).toEqual(social);
	});

	it('refuses raters the plan does not name, statements not chosen and levels off the scale', () => {
		const ok = { pointId: 'detail-m2', raterId: 'detail-r3', statementId: 'detail-s10' };
		expect(ratingRefusal(template, plan, { ...ok, level: 'detail-a2-l1' })).toBeNull();
		expect(ratingRefusal(template, plan, { ...ok, level: null })).toBeNull();
		expect(ratingRefusal(template, plan, { ...ok, level: 'detail-a1-l1' })).toBe(
			'cases.rating.levelOutsideScale'
		);
		expect(ratingRefusal(template, plan, { ...ok, raterId: 'detail-r2', level: null })).toBe(
			'cases.rating.notPlanned'
		);
		expect(ratingRefusal(template, plan, { ...ok, statementId: 'detail-s2', level: null })).toBe(
			'cases.rating.statementNotChosen'
		);
		expect(ratingRefusal(template, plan, { ...ok, pointId: 'nope', level: null })).toBe(
			'cases.rating.unknownPoint'
		);
	});
});

describe('schedule', () => {
	const c = { start: '2026-03-02', end: '2026-04-24', closedAt: null };

	it('dates points from their timing and the period', () => {
		const [start, mid, end] = template.measurementPoints;
		expect(pointDates(start, c.start, c.end)).toEqual(['2026-03-02']);
		expect(pointDates(mid, c.start, c.end)).toEqual(['2026-03-30']);
		expect(pointDates(end, c.start, c.end)).toEqual(['2026-04-24']);
		expect(pointDates({ timing: { kind: 'everyWeeks', weeks: 3 } }, c.start, c.end)).toEqual([
			'2026-03-23',
			'2026-04-13'
		]);
		expect(weekOf('2026-03-04')).toEqual({ from: '2026-03-02', to: '2026-03-08' });
	});

	it('gives the stage: før, under, mod afslutningen, afsluttet', () => {
		expect(caseStage(c, '2026-03-01')).toBe('before');
		expect(caseStage(c, '2026-03-02')).toBe('during');
		expect(caseStage(c, '2026-04-10')).toBe('ending');
		expect(caseStage({ ...c, closedAt: 1 }, '2026-03-10')).toBe('closed');
	});

	it('lists the points due this week that are not complete', () => {
		const due = dueThisWeek(template.measurementPoints, c, '2026-04-01', () => false);
		expect(due).toEqual([{ pointId: 'detail-m2', label: 'Midtvejs', date: '2026-03-30' }]);
		expect(dueThisWeek(template.measurementPoints, c, '2026-04-01', () => true)).toEqual([]);
	});
});

describe('what the ratings say', () => {
	const plan = casePlan(template, all);
	const r = (pointId: string, raterId: string, statementId: string, level: string | null) => ({
		pointId,
		raterId,
		statementId,
		level
	});

	it('finds disagreements with their spread, ignoring "ikke vurderet"', () => {
		const ratings = [
			r('detail-m3', 'detail-r1', 'detail-s10', 'detail-a2-l2'),
			r('detail-m3', 'detail-r3', 'detail-s10', 'detail-a2-l5'),
			r('detail-m3', 'detail-r1', 'detail-s11', 'detail-a2-l3'),
			r('detail-m3', 'detail-r3', 'detail-s11', null)
		];
		expect(disagreements(template, ratings)).toEqual([
			{
				pointId: 'detail-m3',
				statementId: 'detail-s10',
				levels: [
					{ raterId: 'detail-r1', level: 'detail-a2-l2', position: 2 },
					{ raterId: 'detail-r3', level: 'detail-a2-l5', position: 5 }
				],
				spread: 3
			}
		]);
	});

	it('gives the progression series per area and rater as mean positions', () => {
		const ratings = [
			r('detail-m1', 'detail-r1', 'detail-s10', 'detail-a2-l1'),
			r('detail-m1', 'detail-r1', 'detail-s11', 'detail-a2-l2'),
			r('detail-m3', 'detail-r1', 'detail-s10', 'detail-a2-l4'),
			r('detail-m3', 'detail-r1', 'detail-s11', null)
		];
		const series = progressionSeries(template, plan, ratings);
		const young = series.find((s) => s.areaId === 'detail-a2' && s.raterId === 'detail-r1')!;
		expect(young.points).toEqual([
			{ pointId: 'detail-m1', value: 1.5, count: 2 },
			{ pointId: 'detail-m2', value: null, count: 0 },
			{ pointId: 'detail-m3', value: 4, count: 1 }
		]);
		// The company rates only the professional area at m2 and m3.
		expect(series.filter((s) => s.raterId === 'detail-r2').map((s) => s.areaId)).toEqual([
			'detail-a1'
		]);
	});

	it('applies "hurtig reaktion": no progress between points and ratings missing a week after', () => {
		const dates = new Map(
			template.measurementPoints.map((p) => [p.id, pointDates(p, '2026-03-02', '2026-04-24')])
		);
		const flat = [
			r('detail-m1', 'detail-r1', 'detail-s10', 'detail-a2-l3'),
			r('detail-m2', 'detail-r1', 'detail-s10', 'detail-a2-l3')
		];
		const kinds = (ratings: typeof flat, today: string) =>
			needsAttention(drejebog.reactions, template, plan, ratings, dates, today).map((a) => a.kind);
		expect(kinds(flat, '2026-03-05')).toEqual(['noProgress']);
		expect(kinds(flat, '2026-03-10')).toEqual(['noProgress', 'missedRating']);
		const up = [flat[0], r('detail-m2', 'detail-r1', 'detail-s10', 'detail-a2-l4')];
		expect(kinds(up, '2026-03-05')).toEqual([]);
	});
});

describe('CaseData, CV phrases and Min Plan', () => {
	const stored: StoredCase = {
		youngPerson: { firstName: 'Amalie', lastName: 'Jensen' },
		company: 'Brugsen',
		mentorName: 'Mette',
		start: '2026-03-02',
		end: '2026-04-24',
		goal: 'Jeg vil arbejde i butik',
		goalAgreedOn: '2026-03-02',
		statementIds: social,
		subGoals: [{ id: 'g1', text: 'Møde til tiden', statementIds: [] }],
		subGoalStatuses: [],
		ratings: [
			{
				pointId: 'detail-m3',
				raterId: 'detail-r1',
				statementId: 'detail-s10',
				level: 'detail-a2-l5',
				comment: ''
			},
			{
				pointId: 'detail-m3',
				raterId: 'detail-r1',
				statementId: 'detail-s1',
				level: 'detail-a1-l5',
				comment: ''
			}
		],
		agreedLevels: [
			{ statementId: 'detail-s10', level: 'detail-a2-l5' },
			{ statementId: 'detail-s11', level: 'detail-a2-l1' },
			{ statementId: 'detail-s1', level: 'detail-a1-l5' }
		],
		pointProgress: [{ pointId: 'detail-m3', hours: 25, tasks: 'Kasse' }],
		ownWords: [{ sectionId: 'detail-f3', text: 'Jeg er god til kunder' }],
		nextStep: { kind: 'education', text: 'EUD Detail' },
		signatures: [{ signerId: 'detail-u1', name: 'Amalie Jensen' }]
	};

	it('builds CaseData with only the chosen statements and the header filled in', () => {
		const data = toCaseData(template, stored);
		expect(data.ratings.map((x) => x.statementId)).toEqual(['detail-s10']);
		expect(data.agreedLevels.map((a) => a.statementId)).toEqual(['detail-s10', 'detail-s11']);
		expect(data.header.map((h) => h.value)).toEqual([
			'Amalie Jensen',
			'Brugsen (Mette)',
			'2. marts 2026 – 24. april 2026'
		]);
		expect(data.signerNames).toEqual([{ signerId: 'detail-u1', name: 'Amalie Jensen' }]);
	});

	it('gives CV phrases for reached statements and Min Plan for the rest, with the next step', () => {
		const cv = caseCvFrom(drejebog.cvPlan, template, toCaseData(template, stored));
		const s10 = template.areas[1].statements[0];
		const s11 = template.areas[1].statements[1];
		expect(cv.cvPhrases).toEqual([s10.cvPhrase]);
		expect(cv.cvText).toBe(`${s10.cvPhrase}\nJeg er god til kunder`);
		expect(cv.minPlan).toEqual([s11.text]);
		expect(cv.minPlanText).toContain(`Det vil jeg arbejde videre med: ${s11.text}`);
		expect(cv.minPlanText).toContain('Næste skridt: Uddannelse: EUD Detail');
	});
});
