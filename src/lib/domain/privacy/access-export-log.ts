/**
 * The access log, the read-me and the file name of a citizen's access export (issue 14). The
 * citizen learns when their cases were read or changed, why, and in which role, but never who:
 * the staff member's name, e-mail and id, the link's id, the request id and the free detail
 * (which may hold an administrator's reason in their own words) stay out.
 */
import { exportFileBase } from '../exports/file-names.ts';
import { actionLabel, purposeLabel, type AuditAction } from './audit.ts';
import type { PurposeKind } from './purposes.ts';

/** What the export reads of an audit entry; anything else it is given is ignored. */
export type ExportLogInput = {
	/** The entry's number in the log: orders entries of the same millisecond. */
	id: number;
	at: number;
	caseId: string | null;
	action: AuditAction;
	actor: { role: string };
	purpose: PurposeKind | null;
	purposeText: string;
};

const ROLE_LABELS: Record<string, string> = {
	admin: 'Administrator',
	jobkonsulent: 'Jobkonsulent',
	sagsbehandler: 'Sagsbehandler',
	teamleder: 'Teamleder',
	facilitator: 'Facilitator',
	member: 'Medarbejder',
	link: 'Link (den unge eller virksomheden)',
	system: 'Systemet (automatisk sletning)',
	none: 'Ingen rolle'
};

/** The role in Danish; an unknown role is shown as it is stored. */
export function roleLabel(role: string): string {
	return ROLE_LABELS[role] ?? role;
}

/** `adgangslog.json`: the entries oldest first, with role and purpose but no identity. */
export function accessLogJson(entries: readonly ExportLogInput[]) {
	return [...entries]
		.sort((a, b) => a.at - b.at || a.id - b.id)
		.map((e) => ({
			tidspunkt: new Date(e.at).toISOString(),
			forloeb: e.caseId,
			handling: actionLabel(e.action),
			formaal: purposeLabel(e.purpose, e.purposeText) || null,
			rolle: roleLabel(e.actor.role)
		}));
}

/** The ZIP's name: "Indsigt-Amalie-Testesen-2026-12-07.zip" (the Danish date of the export). */
export function accessExportFileName(firstName: string, lastName: string, date: string): string {
	return `${exportFileBase(['Indsigt', firstName, lastName, date])}.zip`;
}

/** `LAES-MIG.txt`: what the files are, in plain Danish. */
export function accessExportReadme(input: {
	name: string;
	organisationName: string;
	exportedOn: string;
	caseCount: number;
}): string {
	const lines = [
		`Indsigt i oplysninger om ${input.name}`,
		`Udtrukket af ${input.organisationName} den ${input.exportedOn}.`,
		'',
		'Denne pakke indeholder alt, hvad kommunen har gemt om dig i Formværk, som du har ret til',
		'at se efter databeskyttelsesforordningens artikel 15.',
		'',
		'Filerne:',
		'- person.json: dit navn, din kommune og en liste over dine forløb.',
		`- forloeb/: én mappe for hvert forløb (${input.caseCount} i alt), ældste først. I hver mappe:`,
		'  - case.json: forløbets oplysninger: virksomhed, periode, mål og delmål, udsagn,',
		'    vurderinger med kommentarer, aftalte niveauer, timer og opgaver, dine egne ord,',
		'    næste skridt, underskrifter og de links, der blev sendt (uden selve linket).',
		'    Medarbejdere står kun med deres rolle.',
		'  - laeringsbevis.pdf: dit læringsbevis.',
		'  - progressionsskema.pdf: dit progressionsskema med alle vurderinger over tid.',
		'- adgangslog.json: hvornår dine forløb er blevet læst, ændret, udskrevet eller underskrevet,',
		'  med formål og rolle. Navnene på medarbejderne står ikke i loggen.',
		'',
		'Filerne med .json kan åbnes i en teksteditor eller en browser. Har du spørgsmål, så',
		'kontakt din jobkonsulent eller kommunen.'
	];
	return `${lines.join('\r\n')}\r\n`;
}
