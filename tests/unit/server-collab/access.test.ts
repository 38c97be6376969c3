import { DatabaseSync } from 'node:sqlite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startCollabFixture, type CollabFixture } from '../../support/collab-fixture.ts';
import {
	connectClient,
	haveConverged,
	rawSocket,
	waitFor,
	type TestClient
} from '../../support/collab-client.ts';
import {
	decodeServerFrame,
	syncStep1Frame,
	syncStep2Frame,
	updateFrame
} from '../../support/collab-frames.ts';
import { CLOSE_CODES } from '#lib/domain/collab-close-codes.ts';
import { changePhase, removeWorkshopMember } from '#lib/server/workshops/workshops.ts';
import { adminSetRole, setOrgRole } from '#lib/server/accounts/accounts.ts';
import { createSession, revokeSession, SESSION_COOKIE } from '#lib/server/accounts/sessions.ts';
import { getDb } from '#lib/server/platform/db.ts';
import { hashToken } from '#lib/server/platform/ids.ts';
import { SqliteDocStore } from '../../../server/collab/sqlite-store.ts';

let fixture: CollabFixture;
let clients: TestClient[] = [];

beforeAll(async () => {
	// A fast rights sweep, so a change that sent no event would still show within the tests.
	fixture = await startCollabFixture({ accessSweepMs: 100 });
});
afterEach(() => {
	for (const client of clients) client.destroy();
	clients = [];
});
afterAll(async () => {
	await fixture.close();
});

function connect(user: keyof CollabFixture['users'], documentId = fixture.documents.template) {
	const client = connectClient(fixture.wsBase, documentId, fixture.users[user].cookie);
	clients.push(client);
	return client;
}

describe('access before upgrade', () => {
	it('refuses an upgrade without a session with 401 and sends nothing', async () => {
		const socket = rawSocket(fixture.wsBase, fixture.documents.template);
		expect(await socket.closed).toEqual({ status: 401 });
		expect(socket.frames).toHaveLength(0);
	});

	it('refuses a forged session cookie with 401', async () => {
		const socket = rawSocket(
			fixture.wsBase,
			fixture.documents.template,
			'formvaerk_session=forged'
		);
		expect(await socket.closed).toEqual({ status: 401 });
	});

	it('refuses someone outside the workshop with 403', async () => {
		const socket = rawSocket(
			fixture.wsBase,
			fixture.documents.template,
			fixture.users.outsider.cookie
		);
		expect(await socket.closed).toEqual({ status: 403 });
		expect(socket.frames).toHaveLength(0);
	});

	it('answers an unknown document like a forbidden one (403), so ids leak nothing', async () => {
		const socket = rawSocket(
			fixture.wsBase,
			'AAAAAAAAAAAAAAAAAAAAAA',
			fixture.users.facilitator.cookie
		);
		expect(await socket.closed).toEqual({ status: 403 });
	});

	it('refuses a page on another site riding on the cookie (Origin check)', async () => {
		const socket = rawSocket(
			fixture.wsBase,
			fixture.documents.template,
			fixture.users.facilitator.cookie,
			{
				origin: 'https://evil.example'
			}
		);
		expect(await socket.closed).toEqual({ status: 403 });
	});

	it('answers upgrades for other paths with 404 when nobody else handles them', async () => {
		const socket = rawSocket(
			fixture.wsBase.replace(/$/, '/elsewhere'),
			'x',
			fixture.users.facilitator.cookie
		);
		expect((await socket.closed).status).toBe(404);
	});
});

describe('read-only connections', () => {
	it('receive the document but their updates are dropped, never stored or broadcast', async () => {
		const writer = connect('facilitator', fixture.documents.drejebog);
		await writer.synced;
		writer.doc.getText('t').insert(0, 'fra facilitator');
		await waitFor(() => writer.doc.getText('t').length > 0, 'local edit');

		const staff = rawSocket(fixture.wsBase, fixture.documents.drejebog, fixture.users.staff.cookie);
		await staff.opened;
		const forged = new Y.Doc();
		forged.getText('t').insert(0, 'fra medarbejder');
		const update = Y.encodeStateAsUpdate(forged);
		staff.ws.send(syncStep2Frame(update));
		staff.ws.send(updateFrame(update));
		// Frames of one connection are handled in order: the answer to this step 1 proves the
		// two updates before it were processed (and dropped).
		staff.ws.send(syncStep1Frame());
		await waitFor(
			() => staff.frames.some((f) => decodeServerFrame(f).kind === 'sync-step-2'),
			'step 2'
		);

		const seen = new Y.Doc();
		for (const frame of staff.frames) {
			const message = decodeServerFrame(frame);
			// The server never asks a reader for its state.
			expect(message.kind).not.toBe('sync-step-1');
			if (message.kind === 'sync-step-2' || message.kind === 'update') {
				Y.applyUpdate(seen, message.update);
			}
		}
		expect(seen.getText('t').toJSON()).toBe('fra facilitator');

		const fresh = connect('member', fixture.documents.drejebog);
		await fresh.synced;
		expect(fresh.doc.getText('t').toJSON()).toBe('fra facilitator');
		const authors = (await new SqliteDocStore().entries(fixture.documents.drejebog)).map(
			(e) => e.userId
		);
		expect(authors).not.toContain(fixture.users.staff.id);
		expect(staff.ws.readyState).toBe(staff.ws.OPEN);
		staff.ws.close();
	});
});

describe('access changes', () => {
	it('closes a member’s sockets within a second when they are removed (4403) and refuses them after', async () => {
		const member = connect('member2');
		const other = connect('member2', fixture.documents.drejebog);
		await Promise.all([member.synced, other.synced]);
		const started = Date.now();
		removeWorkshopMember(
			fixture.users.facilitator.actor(),
			fixture.workshopId,
			fixture.users.member2.id
		);
		await waitFor(
			() =>
				member.closeCodes.includes(CLOSE_CODES.accessRevoked) &&
				other.closeCodes.includes(CLOSE_CODES.accessRevoked),
			'sockets to close',
			1000
		);
		expect(Date.now() - started).toBeLessThan(1000);
		const again = rawSocket(
			fixture.wsBase,
			fixture.documents.template,
			fixture.users.member2.cookie
		);
		expect(await again.closed).toEqual({ status: 403 });
	});

	it('moves a member to read-only when the phase locks the template (4503, reconnect, edits dropped)', async () => {
		const member = connect('member');
		const facilitator = connect('facilitator');
		await Promise.all([member.synced, facilitator.synced]);
		member.doc.getText('t').insert(0, 'før ');
		await waitFor(() => haveConverged([member.doc, facilitator.doc]), 'first edit');

		changePhase(fixture.users.facilitator.actor(), fixture.workshopId, 'drejebog');
		await waitFor(
			() => member.closeCodes.includes(CLOSE_CODES.accessChanged),
			'member socket closed',
			1000
		);
		expect(facilitator.closeCodes).toHaveLength(0);
		// The stock provider reconnects by itself (45xx is transient) and is now read-only.
		await waitFor(() => member.provider.synced, 'member resynced', 3000);
		member.doc.getText('t').insert(0, 'efter ');
		facilitator.doc.getText('t').insert(0, '!');
		await waitFor(() => facilitator.doc.getText('t').toJSON() === '!før ', 'facilitator edit');
		await waitFor(
			() => member.doc.getText('t').toJSON().includes('!'),
			'member gets facilitator edit'
		);
		expect(facilitator.doc.getText('t').toJSON()).toBe('!før ');
		changePhase(fixture.users.facilitator.actor(), fixture.workshopId, 'format');
	});

	it('closes the sockets of a session that ended elsewhere (4401)', async () => {
		const token = createSession(fixture.users.facilitator.id);
		const client = connectClient(
			fixture.wsBase,
			fixture.documents.template,
			`${SESSION_COOKIE}=${token}`,
			{
				shouldReconnect: false
			}
		);
		await client.synced;
		revokeSession(token);
		await waitFor(
			() => client.closeCodes.includes(CLOSE_CODES.sessionEnded),
			'socket closed',
			2000
		);
		client.destroy();
	});

	it('stores nothing sent after another process ended the session, before the server looked', async () => {
		const token = createSession(fixture.users.member.id);
		const socket = rawSocket(
			fixture.wsBase,
			fixture.documents.drejebog,
			`${SESSION_COOKIE}=${token}`
		);
		// In the room (its first frame is the server's sync step 1), not waiting for a load.
		await waitFor(() => socket.frames.length > 0, 'the room');
		// A second connection, as the CLI has: no event reaches this process, only the row goes.
		const file = (getDb().prepare('PRAGMA database_list').get() as { file: string }).file;
		const other = new DatabaseSync(file);
		other.exec('PRAGMA busy_timeout = 5000');
		other.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hashToken(token));
		other.close();
		// Sent at once, well before the watch's next look at the sessions (every 250 ms).
		const late = new Y.Doc();
		late.getText('t').insert(0, 'efter udlogning');
		socket.ws.send(updateFrame(Y.encodeStateAsUpdate(late)));
		expect((await socket.closed).code).toBe(CLOSE_CODES.sessionEnded);
		const authors = (await new SqliteDocStore().entries(fixture.documents.drejebog)).map(
			(e) => e.userId
		);
		expect(authors).not.toContain(fixture.users.member.id);
	});

	it('closes the socket of an administrator demoted to member (the event names only the user)', async () => {
		const orgId = fixture.users.facilitator.actor().orgs[0].orgId;
		setOrgRole(orgId, fixture.users.facilitator.id, 'admin');
		const admin = fixture.users.facilitator.actor();
		// Administrators read every workshop of their organisation without being members.
		adminSetRole(admin, orgId, fixture.users.outsider.id, 'admin');
		const outsider = connect('outsider');
		await outsider.synced;
		adminSetRole(admin, orgId, fixture.users.outsider.id, 'member');
		await waitFor(
			() => outsider.closeCodes.includes(CLOSE_CODES.accessRevoked),
			'socket closed',
			1000
		);
	});
});
