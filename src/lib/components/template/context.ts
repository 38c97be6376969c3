/**
 * The typed context through which the template workspace hands its TemplateSession to the
 * nested editor components (areas, statements, levels) without threading it through every prop.
 */
import { createContext } from 'svelte';
import type { TemplateSession } from '#lib/collab/template/template-session.svelte.ts';

const [getSession, setSession] = createContext<TemplateSession>();

/** Makes `session` available to the components below the caller. */
export function setTemplateSession(session: TemplateSession): TemplateSession {
	return setSession(session);
}

/** The TemplateSession of the surrounding workspace; throws outside one. */
export function getTemplateSession(): TemplateSession {
	return getSession();
}
