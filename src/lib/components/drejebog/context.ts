/**
 * The typed context through which the drejebog workspace hands its DrejebogSession to the nested
 * editor components (stages, steps, rules) without threading it through every prop.
 */
import { createContext } from 'svelte';
import type { DrejebogSession } from '#lib/collab/drejebog/drejebog-session.svelte.ts';

const [getSession, setSession] = createContext<DrejebogSession>();

/** Makes `session` available to the components below the caller. */
export function setDrejebogSession(session: DrejebogSession): DrejebogSession {
	return setSession(session);
}

/** The DrejebogSession of the surrounding workspace; throws outside one. */
export function getDrejebogSession(): DrejebogSession {
	return getSession();
}
