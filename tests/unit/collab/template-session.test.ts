/**
 * TemplateSession (the template editor's state) over real CollabSessions and the real
 * collaboration server: starting from a starter, refused writes, per-user undo, who is in which
 * field, and read-only people.
 */
import { PluginKey } from '@tiptap/pm/state';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CollabSession } from '#lib/collab/collab-session.svelte.ts';
import { TemplateSession } from '#lib/collab/template/template-session.svelte.ts';
import { getStarter } from '#lib/domain/template/starters/index.ts';
import { validateTemplate } from '#lib/domain/template/index.ts';
import { addWorkshopMember, createWorkshop, getWorkshop } from '#lib/server/workshops/workshops.ts';
import { startCollabFixture, type CollabFixture } from '../../support/collab-fixture.ts';
import { socketWithCookie, waitFor } from '../../support/collab-client.ts';
import { FakeInput } from '../../support/fake-input.ts';

let fixture: CollabFixture;
let opened: { collab: CollabSession; session: TemplateSession }[] = [];
/** The template document of a second workshop, empty (the fixture's own holds a starter). */
let templateId: string;

beforeAll(async () => {
	fixture = await startCollabFixture();
	const facilitator = fixture.users.facilitator;
	const { id: workshopId } = createWorkshop(facilitator.actor(), {
		orgId: Object.keys(facilitator.actor().orgRoles)[0],
		title: 'Tomt forløb'
	});
	addWorkshopMember(workshopId, fixture.users.member.id, 'member');
	addWorkshopMember(workshopId, fixture.users.staff.id, 'staff');
	const documents = getWorkshop(facilitator.actor(), workshopId).documents;
	templateId = documents.find((d) => d.kind === 'template')!.id;
});
afterEach(async () => {
	for (const { session, collab } of opened) {
		session.destroy();
		await collab.destroy();
	}
	opened = [];
});
afterAll(async () => {
	await fixture.close();
});

type Person = 'facilitator' | 'member' | 'staff';

async function open(person: Person): Promise<TemplateSession> {
	const user = fixture.users[person];
	const collab = new CollabSession({
		documentId: templateId,
		user: { id: user.id, name: user.name },
		canWrite: person !== 'staff',
		serverUrl: `${fixture.wsBase}/collab`,
		WebSocketPolyfill: socketWithCookie(user.cookie) as unknown as typeof WebSocket,
		disableBc: true,
		isOfflineCacheEnabled: false
	});
	const session = new TemplateSession(collab);
	opened.push({ collab, session });
	await collab.connect();
	await waitFor(() => collab.status === 'connected' && collab.isSynced, `${person} synced`);
	return session;
}

describe('TemplateSession', () => {
	it('starts the empty document from a starter, and everyone sees the template', async () => {
		const frida = await open('facilitator');
		const jonas = await open('member');
		expect(frida.isEmpty).toBe(true);
		expect(frida.start(getStarter('lager')!)).toBeNull();
		expect(frida.isEmpty).toBe(false);
		await waitFor(() => !jonas.isEmpty, 'Jonas to see the template');
		expect(jonas.template).toEqual(frida.template);
		expect(jonas.template.starterId).toBe('lager');
		expect(jonas.problems).toEqual([]);
		// A second start would put a second template into the first: refused.
		expect(jonas.start(getStarter('detail')!)).toEqual({
			message: 'template.input.alreadyStarted',
			fields: {}
		});
	});

	it('checks problems only once asked (after the first frame), then the same as at once', async () => {
		const frida = await open('facilitator');
		if (frida.isEmpty) expect(frida.start(getStarter('lager')!)).toBeNull();
		// An area without statements: a problem.
		expect(frida.run((ops) => ops.addArea({ label: 'Uden udsagn' }))).toHaveProperty('value');
		const expected = validateTemplate(frida.template);
		expect(expected.length).toBeGreaterThan(0);
		// Not checked yet: no problems listed, and the page shows neither "ready" nor a count.
		expect(frida.isChecked).toBe(false);
		expect(frida.problems).toEqual([]);
		frida.checkProblems();
		expect(frida.isChecked).toBe(true);
		expect(frida.problems).toEqual(expected);
		// From then on they follow every change.
		frida.undo();
		expect(frida.problems).toEqual(validateTemplate(frida.template));
		expect(frida.problems).not.toEqual(expected);
	});

	it('refuses bad input with a message key per field and changes nothing', async () => {
		const frida = await open('facilitator');
		const area = frida.template.areas[0];
		const before = frida.template;
		expect(frida.run((ops) => ops.renameArea({ areaId: area.id, label: '   ' }))).toEqual({
			message: 'template.input.required',
			fields: { label: 'template.input.required' }
		});
		const other = frida.template.areas[1].label;
		expect(frida.run((ops) => ops.renameArea({ areaId: area.id, label: other }))).toEqual({
			message: 'template.input.duplicateLabel',
			fields: { label: 'template.input.duplicateLabel' }
		});
		expect(frida.template).toBe(before);
		expect(frida.canUndo).toBe(false);
	});

	it('undoes and redoes only this person’s own changes', async () => {
		const frida = await open('facilitator');
		const jonas = await open('member');
		const [first, second] = frida.template.areas;
		frida.run((ops) => ops.renameArea({ areaId: first.id, label: 'Fagligt' }));
		await waitFor(() => jonas.template.areas[0].label === 'Fagligt', 'rename to arrive');
		jonas.run((ops) => ops.addStatement({ areaId: second.id, text: 'Kan hjælpe en kollega' }));
		await waitFor(
			() => frida.template.areas[1].statements.some((s) => s.text === 'Kan hjælpe en kollega'),
			'statement to arrive'
		);
		expect(frida.canUndo).toBe(true);

		frida.undo();
		expect(frida.template.areas[0].label).toBe(first.label);
		expect(frida.template.areas[1].statements.map((s) => s.text)).toContain(
			'Kan hjælpe en kollega'
		);
		expect(frida.canUndo).toBe(false);
		expect(frida.canRedo).toBe(true);
		await waitFor(() => jonas.template.areas[0].label === first.label, 'undo to arrive');
		expect(jonas.canUndo).toBe(true);

		frida.redo();
		expect(frida.template.areas[0].label).toBe('Fagligt');
	});

	it('tells the others which field a person is in', async () => {
		const frida = await open('facilitator');
		const jonas = await open('member');
		jonas.setFocus('tpl-abc-label');
		await waitFor(() => frida.fieldPeers['tpl-abc-label'] !== undefined, 'focus to arrive');
		expect(frida.fieldPeers['tpl-abc-label']).toEqual([
			expect.objectContaining({ name: 'Jonas Jobkonsulent', userId: fixture.users.member.id })
		]);
		// Only the others: a person's own field is not listed for themselves.
		expect(jonas.fieldPeers['tpl-abc-label']).toBeUndefined();
		jonas.setFocus(null);
		await waitFor(() => frida.fieldPeers['tpl-abc-label'] === undefined, 'focus to leave');
	});

	it('types live in a bound field, on the typist’s own undo stack; focus writes nothing', async () => {
		const frida = await open('facilitator');
		const jonas = await open('member');
		const title = frida.template.title;
		const [fridaInput, jonasInput] = [frida, jonas].map((session) => {
			const input = new FakeInput();
			session.bindText(input, { field: 'title' }, { maxLength: 200, isReadOnly: () => false });
			return input;
		});
		expect(jonasInput.value).toBe(title);
		jonas.setFocus('tpl-title');
		jonasInput.focus();
		fridaInput.focus();
		fridaInput.select(title.length);
		for (const char of ' i dag') fridaInput.type(char);
		await waitFor(() => jonasInput.value === `${title} i dag`, 'typing to arrive');
		// Jonas leaves the field without typing: nothing of his is written.
		jonas.setFocus(null);
		jonasInput.blur();
		expect(jonas.canUndo).toBe(false);
		expect(jonas.template.title).toBe(`${title} i dag`);

		jonasInput.focus();
		jonasInput.select(0);
		jonasInput.type('Ny: ');
		await waitFor(() => frida.template.title === `Ny: ${title} i dag`, 'Jonas’s typing');
		expect(fridaInput.caret).toBe(`Ny: ${title} i dag`.length);
		expect(fridaInput.key('z', { ctrl: true })).toBe(true);
		expect(frida.template.title).toBe(`Ny: ${title}`);
		await waitFor(() => jonasInput.value === `Ny: ${title}`, 'undo to arrive');
		expect(jonasInput.caret).toBe(4);
		frida.redo();
		expect(fridaInput.value).toBe(`Ny: ${title} i dag`);
	});

	it('lets a read-only person change nothing, not even locally', async () => {
		const mads = await open('staff');
		expect(mads.isReadOnly).toBe(true);
		const before = mads.template;
		expect(mads.run((ops) => ops.addArea({ label: 'Nyt område' }))).toEqual({
			message: 'templateEditor.readOnlyRefused',
			fields: {}
		});
		expect(mads.template).toBe(before);
		const input = new FakeInput();
		mads.bindText(input, { field: 'title' }, { isReadOnly: () => false });
		input.focus();
		input.type('!');
		expect(input.value).toBe(before.title);
		expect(mads.template).toBe(before);
	});

	it('puts rich-text typing on the typist’s undo stack once an editor is opened', async () => {
		const frida = await open('facilitator');
		const statement = frida.template.areas[0].statements[0];
		const fragment = frida.fragment({ field: 'statementDescription', statementId: statement.id });
		const before = fragment.toJSON();
		// tiptap's sync plugin writes with its PluginKey as origin; the editor's module brings the
		// class (not the session's, so ProseMirror is not in the template page's first load).
		await frida.trackRichTextTyping();
		fragment.doc!.transact(() => {
			const paragraph = new Y.XmlElement('paragraph');
			paragraph.insert(0, [new Y.XmlText('Skrevet i editoren')]);
			fragment.insert(fragment.length, [paragraph]);
		}, new PluginKey('y-sync'));
		expect(fragment.toJSON()).toContain('Skrevet i editoren');
		expect(frida.canUndo).toBe(true);
		frida.undo();
		expect(fragment.toJSON()).toBe(before);
	});
});
