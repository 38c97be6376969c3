/**
 * The typed context pair through which a page hands its CollabSession to nested components
 * (presence bar, editors of single fields) without threading it through every prop.
 */
import { createContext } from 'svelte';
import type { CollabSession } from './collab-session.svelte.ts';

const [getSession, setSession] = createContext<CollabSession>();

/** Makes `session` available to the components below the caller. */
export function setCollabSession(session: CollabSession): CollabSession {
	return setSession(session);
}

/** The CollabSession of the surrounding page; throws outside one. */
export function getCollabSession(): CollabSession {
	return getSession();
}
