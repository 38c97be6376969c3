/**
 * The access export's shaping rules: a case's JSON names staff only by role and carries the
 * template's words; the access log keeps date, action, purpose and role and drops everything
 * that identifies the person who acted; the ZIP's file name is safe and Danish.
 */
import { describe, expect, it } from 'vitest';
import {
	caseExportJson,
	caseFolder,
	type ExportCaseInput
} from '#lib/domain/privacy/access-export.ts';
import {
	accessExportFileName,
	accessExportReadme,
	accessLogJson,
	roleLabel
} from '#lib/domain/privacy/access-export-log.ts';
import type { AuditEntry } from '#lib/domain/privacy/audit.ts';
import { can } from '#lib/domain/permissions.ts';
import { ORG_ROLES } from '#lib/domain/workshop.ts';
import { versionContent } from '../../../support/rollout-data.ts';

const { template } = versionContent();
const area = template.areas[1];
const statement = area.statements[0];
const level = area.scale.levels[2];
const point = template.measurementPoints[0];
const rater = template.raters[0];

const input: ExportCaseInput = {
	id: 'case-1',
	start: '2026-03-02',
	end: '2026-04-24',
	targetGroup: 'uddannelsesparat',
	hoursAtStart: 10,
	previousCaseId: null,
	createdAt: Date.UTC(2026, 2, 1),
	closedAt: null,
	version: { id: 'pub-1', number: 2, workshopTitle: 'Detailpraktik' },
	staffRoles: ['jobkonsulent', 'sagsbehandler'],
	stored: {
		youngPerson: { firstName: 'Åse', lastName: 'Ørsted' },
		company: 'Brugsen',
		mentorName: 'Mette',
		start: '2026-03-02',
		end: '2026-04-24',
		goal: 'Arbejde i butik',
		goalAgreedOn: '2026-03-02',
		statementIds: [statement.id],
		subGoals: [],
		subGoalStatuses: [],
		ratings: [
			{
				pointId: point.id,
				raterId: rater.id,
				statementId: statement.id,
				level: level.id,
				comment: 'Godt'
			},
			{ pointId: point.id, raterId: 'gone', statementId: statement.id, level: null, comment: '' }
		],
		agreedLevels: [],
		pointProgress: [{ pointId: point.id, hours: 12, tasks: 'Kasse' }],
		ownWords: [],
		nextStep: { kind: 'education', text: 'EUD' },
		signatures: []
	},
	ratingMeta: [
		{
			pointId: point.id,
			raterId: rater.id,
			statementId: statement.id,
			ratedAt: Date.UTC(2026, 2, 3),
			via: 'link'
		}
	],
	signatureMeta: [],
	links: []
};

describe('caseExportJson', () => {
	it('puts the template’s words on the ids and names staff only by role', () => {
		const json = caseExportJson(input, template, caseFolder(1, input.start));
		expect(json.forloeb.mappe).toBe('forloeb/1-2026-03-02');
		expect(json.medarbejdere).toEqual([{ rolle: 'jobkonsulent' }, { rolle: 'sagsbehandler' }]);
		expect(json.udsagn).toEqual([{ id: statement.id, omraade: area.label, tekst: statement.text }]);
		expect(json.vurderinger[0]).toEqual({
			maalepunkt: point.label,
			vurderer: rater.label,
			udsagn: statement.text,
			niveau: level.label,
			kommentar: 'Godt',
			tidspunkt: '2026-03-03T00:00:00.000Z',
			givetVia: 'link'
		});
		// An id the version does not know is kept as it is; "ikke vurderet" is said in words.
		expect(json.vurderinger[1]).toMatchObject({ vurderer: 'gone', niveau: 'Ikke vurderet' });
		expect(json.naesteSkridt).toEqual({ type: 'Uddannelse', tekst: 'EUD' });
		expect(json.timerOgOpgaver).toEqual([
			{ maalepunkt: point.label, timerPrUge: 12, opgaver: 'Kasse' }
		]);
	});
});

describe('accessLogJson', () => {
	const entry = (id: number, at: number, extra: Partial<AuditEntry> = {}): AuditEntry => ({
		id,
		at,
		caseId: 'case-1',
		youngPersonId: 'yp-1',
		action: 'read',
		actor: { userId: 'user-42', name: 'Karen Konsulent', role: 'jobkonsulent', linkId: null },
		purpose: 'followUp',
		purposeText: '',
		requestId: 'req-7',
		detail: 'read {"reason":"Karen kiggede"}',
		...extra
	});

	it('keeps date, action, purpose and role, oldest first, and nothing that identifies staff', () => {
		const log = accessLogJson([
			entry(3, 2000, {
				action: 'link-use',
				actor: { userId: null, name: null, role: 'link', linkId: 'link-9' },
				purpose: null
			}),
			entry(2, 1000, { action: 'export', purpose: 'other', purposeText: 'Borgerens anmodning' }),
			entry(1, 1000)
		]);
		expect(log).toEqual([
			{
				tidspunkt: '1970-01-01T00:00:01.000Z',
				forloeb: 'case-1',
				handling: 'Læst',
				formaal: 'Opfølgning',
				rolle: 'Jobkonsulent'
			},
			{
				tidspunkt: '1970-01-01T00:00:01.000Z',
				forloeb: 'case-1',
				handling: 'Udskrevet',
				formaal: 'Andet: Borgerens anmodning',
				rolle: 'Jobkonsulent'
			},
			{
				tidspunkt: '1970-01-01T00:00:02.000Z',
				forloeb: 'case-1',
				handling: 'Link brugt',
				formaal: null,
				rolle: 'Link (den unge eller virksomheden)'
			}
		]);
		const text = JSON.stringify(log);
		for (const secret of ['user-42', 'Karen', 'link-9', 'req-7', 'yp-1']) {
			expect(text).not.toContain(secret);
		}
	});

	it('names every role in Danish and shows an unknown one as stored', () => {
		expect(roleLabel('admin')).toBe('Administrator');
		expect(roleLabel('system')).toMatch(/^Systemet/);
		expect(roleLabel('ny-rolle')).toBe('ny-rolle');
	});
});

describe('the ZIP’s name and read-me', () => {
	it('keeps Danish letters and drops what a file system cannot take', () => {
		expect(accessExportFileName('Åse', 'Ørsted/Hansen', '2026-12-07')).toBe(
			'Indsigt-Åse-Ørsted-Hansen-2026-12-07.zip'
		);
	});

	it('explains the files in Danish', () => {
		const text = accessExportReadme({
			name: 'Åse Ørsted',
			organisationName: 'Thisted Kommune',
			exportedOn: '2026-12-07',
			caseCount: 2
		});
		expect(text).toContain('Indsigt i oplysninger om Åse Ørsted');
		expect(text).toContain('2 i alt');
		for (const file of ['person.json', 'case.json', 'laeringsbevis.pdf', 'adgangslog.json']) {
			expect(text).toContain(file);
		}
	});
});

describe('who may export', () => {
	it('is the municipality’s administrator only, never a case’s own staff', () => {
		for (const role of ORG_ROLES) {
			const actor = { id: 'u', orgRoles: { X: role }, workshopRoles: {} };
			expect(can(actor, 'access-export', { type: 'org', id: 'X' }), role).toBe(role === 'admin');
			expect(can(actor, 'access-export', { type: 'org', id: 'Y' }), role).toBe(false);
		}
	});
});
