/**
 * The case pages' form reading (cases-ui): a rating form gives one answer per answered statement,
 * "ikke vurderet" as null, and refuses a missing answer on a link (used once), a level outside the
 * statement's scale and a CPR number in a comment, each at its statement; a link refusal maps to
 * the page's reason and HTTP status. A case started from an earlier one must name that case's
 * young person (the module would keep the stored name and drop the typed one without a word).
 */
import { describe, expect, it } from 'vitest';
import { parseRatingForm, parseStartForm } from '#lib/server/cases/ui-forms.ts';
import type { StartCaseChoices } from '#lib/components/cases/start-case.ts';
import { linkRefusal } from '#lib/server/cases/ui-link.ts';
import type { RatingArea } from '#lib/components/cases/rating-fields.ts';
import { ConflictError, NotFoundError, RateLimitedError } from '#lib/domain/errors.ts';

const areas: RatingArea[] = [
	{
		areaId: 'a1',
		areaLabel: 'Samarbejde',
		statements: [
			{ statementId: 's1', text: 'Jeg møder til tiden', levels: levels() },
			{ statementId: 's2', text: 'Jeg spørger, når jeg er i tvivl', levels: levels() }
		]
	}
];

function levels() {
	return [
		{ levelId: 'l1', label: 'Sjældent' },
		{ levelId: 'l2', label: 'Tit' },
		{ levelId: 'l3', label: 'Altid' }
	];
}

function form(fields: Record<string, string>): FormData {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.set(k, v);
	return data;
}

describe('parseRatingForm', () => {
	it('reads a level, "ikke vurderet" as null and the comments', () => {
		const parsed = parseRatingForm(
			form({ 'level-s1': 'l2', 'comment-s1': ' Altid klar kl. 7 ', 'level-s2': 'none' }),
			areas,
			true
		);
		expect(parsed).toEqual({
			ok: true,
			answers: [
				{ statementId: 's1', level: 'l2', comment: 'Altid klar kl. 7' },
				{ statementId: 's2', level: null, comment: '' }
			]
		});
	});

	it('needs every statement answered on a link, but lets staff skip some', () => {
		const data = form({ 'level-s1': 'l3' });
		const onLink = parseRatingForm(data, areas, true);
		expect(onLink.ok).toBe(false);
		if (!onLink.ok) {
			expect(onLink.errors).toEqual({ s2: 'casePages.rate.missing' });
			expect(onLink.values.s1).toEqual({ level: 'l3', comment: '' });
		}
		expect(parseRatingForm(data, areas, false)).toEqual({
			ok: true,
			answers: [{ statementId: 's1', level: 'l3', comment: '' }]
		});
	});

	it('refuses a level of another scale and a CPR number in a comment, at the statement', () => {
		const parsed = parseRatingForm(
			form({ 'level-s1': 'elsewhere', 'level-s2': 'l1', 'comment-s2': 'cpr 010203-1234' }),
			areas,
			true
		);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) {
			expect(parsed.errors).toEqual({
				s1: 'casePages.rate.unknownLevel',
				s2: 'cases.input.cpr'
			});
		}
	});
});

describe('linkRefusal', () => {
	it('gives each refusal its reason and status, and leaves other errors alone', () => {
		expect(linkRefusal(new NotFoundError('cases.link.unknown'))).toEqual({
			reason: 'unknown',
			status: 404
		});
		expect(linkRefusal(new ConflictError('cases.link.used', 'cases.link.used'))).toEqual({
			reason: 'used',
			status: 409
		});
		for (const reason of ['expired', 'revoked', 'closed'] as const) {
			expect(linkRefusal(new ConflictError(reason, `cases.link.${reason}`))).toEqual({
				reason,
				status: 410
			});
		}
		expect(linkRefusal(new RateLimitedError(60))).toEqual({ reason: 'throttled', status: 429 });
		expect(linkRefusal(new Error('boom'))).toBeNull();
	});
});

describe('parseStartForm from an earlier case', () => {
	const choices: StartCaseChoices = {
		versions: [{ id: 'version-1', label: 'Forløb, version 1' }],
		areas: [],
		subGoals: [],
		previousCases: [
			{ id: 'previous-1', label: 'Signe Sørensen', firstName: 'Signe', lastName: 'Sørensen' }
		]
	};
	const start = (names: Record<string, string>) =>
		parseStartForm(
			form({
				publicationId: 'version-1',
				company: 'Netto',
				start: '2026-03-02',
				end: '2026-04-24',
				statementIds: 's1',
				previousCaseId: 'previous-1',
				...names
			}),
			choices
		);

	it("takes the earlier case's young person by name, whatever the case of the letters", () => {
		const parsed = start({ 'youngPerson.firstName': 'signe', 'youngPerson.lastName': 'Sørensen ' });
		expect(parsed.ok).toBe(true);
		if (parsed.ok) expect(parsed.create.previousCaseId).toBe('previous-1');
	});

	it('refuses another name at the name, keeping what was typed', () => {
		const parsed = start({ 'youngPerson.firstName': 'Signe', 'youngPerson.lastName': 'Hansen' });
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) {
			expect(parsed.fields).toEqual({ 'youngPerson.lastName': 'casePages.start.previousName' });
			expect(parsed.values['youngPerson.lastName']).toBe('Hansen');
		}
	});
});
