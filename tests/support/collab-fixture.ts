/**
 * An in-process collaboration server for unit tests: a temporary SQLite database with one
 * workshop (facilitator, two members, one staff reader, one outsider with sessions), a plain
 * HTTP server on port 0 and `attachCollab` on it, with the memory or the SQLite store.
 */
import http from 'node:http';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { closeDatabase, initDatabase } from '#lib/server/platform/db.ts';
import {
	createOrganisation,
	createUser,
	loadSessionUser,
	setOrgRole,
	type SessionUser
} from '#lib/server/accounts/accounts.ts';
import { addWorkshopMember, createWorkshop, getWorkshop } from '#lib/server/workshops/workshops.ts';
import { createSession, SESSION_COOKIE } from '#lib/server/accounts/sessions.ts';
import { attachCollab, type CollabOptions, type CollabServer } from '../../server/collab/attach.ts';
import { log } from '#lib/server/platform/log.ts';
import { seedTemplateFromStarter } from '#lib/server/documents/documents-state.ts';
import { getStarter } from '#lib/domain/template/starters/index.ts';
import { tempDataDir } from './server.ts';

export type FixtureUser = { id: string; name: string; cookie: string; actor: () => SessionUser };
export type CollabFixture = {
	/** ws://127.0.0.1:<port> */
	wsBase: string;
	workshopId: string;
	documents: { template: string; drejebog: string };
	users: Record<'facilitator' | 'member' | 'member2' | 'staff' | 'outsider', FixtureUser>;
	collab: CollabServer;
	/** Restarts the collaboration server (not the database) with the same options. */
	restartCollab(): Promise<void>;
	close(): Promise<void>;
};

const PEOPLE = [
	{ key: 'facilitator', name: 'Frida Facilitator', role: 'facilitator' },
	{ key: 'member', name: 'Jonas Jobkonsulent', role: 'member' },
	{ key: 'member2', name: 'Sara Sagsbehandler', role: 'member' },
	{ key: 'staff', name: 'Mads Medarbejder', role: 'staff' },
	{ key: 'outsider', name: 'Otto Udenfor', role: null }
] as const;

/**
 * Starts the fixture. Defaults: the SQLite store on the temp database unless `options.store` is
 * given; warnings-only logs; a 50 ms unload delay so unload tests do not wait seconds.
 */
export async function startCollabFixture(options: CollabOptions = {}): Promise<CollabFixture> {
	// One database per process: drop whatever an earlier test file left open in this worker.
	closeDatabase();
	const dataDir = tempDataDir();
	initDatabase(dataDir);
	const orgId = createOrganisation('Testkommune');
	const created: Record<string, { id: string; name: string }> = {};
	for (const person of PEOPLE) {
		const user = await createUser({
			email: `${person.key}@test.formvaerk.dk`,
			name: person.name,
			password: 'correct horse battery'
		});
		setOrgRole(orgId, user.id, person.key === 'facilitator' ? 'facilitator' : 'member');
		created[person.key] = user;
	}
	const facilitator = loadSessionUser(created.facilitator.id) as SessionUser;
	const workshop = createWorkshop(facilitator, { orgId, title: 'Testforløb' });
	for (const person of PEOPLE) {
		if (person.role && person.role !== 'facilitator') {
			addWorkshopMember(workshop.id, created[person.key].id, person.role);
		}
	}
	// Like the demo seed: a valid template, so the facilitator can move the workshop to Dag 2.
	seedTemplateFromStarter(workshop.id, getStarter('detail')!, facilitator.id);
	// Reloaded: the actor above predates its facilitator role in the new workshop.
	const docs = getWorkshop(loadSessionUser(facilitator.id)!, workshop.id).documents;
	const users = Object.fromEntries(
		PEOPLE.map((person) => {
			const { id, name } = created[person.key];
			const cookie = `${SESSION_COOKIE}=${createSession(id)}`;
			return [person.key, { id, name, cookie, actor: () => loadSessionUser(id) as SessionUser }];
		})
	) as CollabFixture['users'];

	const server = http.createServer((_req, res) => res.writeHead(404).end());
	// Warnings only, so expected refusals (bad frames in fuzz tests) do not flood the output.
	const quiet = log.child({ module: 'collab' }, { level: process.env.LOG_LEVEL ?? 'warn' });
	const collabOptions: CollabOptions = { unloadDelayMs: 50, log: quiet, ...options };
	let collab = attachCollab(server, collabOptions);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;

	const fixture: CollabFixture = {
		wsBase: `ws://127.0.0.1:${port}`,
		workshopId: workshop.id,
		documents: {
			template: docs.find((d) => d.kind === 'template')!.id,
			drejebog: docs.find((d) => d.kind === 'drejebog')!.id
		},
		users,
		get collab() {
			return collab;
		},
		async restartCollab() {
			await collab.close();
			collab = attachCollab(server, collabOptions);
		},
		async close() {
			await collab.close();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
			closeDatabase();
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	};
	return fixture;
}
