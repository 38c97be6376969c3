/** A rule of "Hurtig reaktion" in one Danish sentence, for the read-only view. */
import { t } from '#lib/i18n/index.svelte.ts';
import { reactionTerm, type Reaction } from '#lib/domain/drejebog/index.ts';
import { sayTerm } from '#lib/domain/terms.ts';
import type { Template } from '#lib/domain/template/schemas.ts';

/** "Ingen fremgang fra Start til Midtvejs: Jobkonsulenten ringer …" */
export function describeReaction(reaction: Reaction, template: Template | null): string {
	return sayTerm(t, reactionTerm(reaction, template));
}
