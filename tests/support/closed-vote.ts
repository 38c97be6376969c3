/**
 * A closed vote made through the real API: the facilitator opens it on free texts and template
 * statements (`{ statementId }`), or with `subject: 'steps'` on free texts and drejebog steps
 * (`{ stepId }`); a participant gives the first candidate a dot, the facilitator closes it.
 */
import { expect } from 'vitest';
import type { ApiClient } from './http.ts';
import { voteSchema } from '#lib/domain/api-schemas.ts';

export async function closedVote(
	people: { facilitator: ApiClient; participant: ApiClient },
	workshopId: string,
	title: string,
	texts: (string | { statementId: string } | { stepId: string })[],
	subject?: 'statements' | 'steps'
): Promise<{ id: string; ids: string[] }> {
	const base = `/api/v1/workshops/${workshopId}/votes`;
	const opened = await people.facilitator.request('POST', base, {
		title,
		subject,
		dotsPerPerson: 1,
		candidates: texts.map((text) => (typeof text === 'string' ? { text } : text))
	});
	expect(opened.status).toBe(201);
	const vote = voteSchema.parse(opened.body);
	const ids = vote.candidates.map((c) => c.id);
	const cast = await people.participant.request('POST', `${base}/${vote.id}/dots`, {
		candidateId: ids[0],
		dots: 1
	});
	expect(cast.status).toBe(200);
	const closed = await people.facilitator.request('POST', `${base}/${vote.id}/close`);
	expect(closed.status).toBe(200);
	return { id: vote.id, ids };
}
