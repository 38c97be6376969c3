import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { awarenessToPeers, DEFAULT_PEER_COLOR } from '#lib/collab/awareness.ts';

function states(entries: [number, Record<string, unknown>][]) {
	return new Map(entries);
}

describe('awarenessToPeers', () => {
	it('lists named users, self first then by Danish name order', () => {
		const peers = awarenessToPeers(
			states([
				[3, { user: { id: 'u3', name: 'Åse', color: '#112233' } }],
				[1, { user: { id: 'u1', name: 'Bo', color: '#445566' } }],
				[2, { user: { id: 'u2', name: 'Zeynep', color: '#778899' }, cursor: null }]
			]),
			1
		);
		expect(peers.map((p) => [p.name, p.isSelf])).toEqual([
			['Bo', true],
			['Zeynep', false],
			['Åse', false]
		]);
		expect(peers[1]).toEqual({
			clientId: 2,
			userId: 'u2',
			name: 'Zeynep',
			color: '#778899',
			isSelf: false
		});
	});

	it('skips states without a user name and replaces unsafe colours', () => {
		const peers = awarenessToPeers(
			states([
				[1, {}],
				[2, { user: { name: '' } }],
				[3, { user: { name: 'Mia', color: 'red; background: url(x)' } }],
				[4, { cursor: { anchor: 1 } }]
			]),
			99
		);
		expect(peers).toEqual([
			{ clientId: 3, userId: null, name: 'Mia', color: DEFAULT_PEER_COLOR, isSelf: false }
		]);
	});

	it('shows a person with two tabs once, as self when one tab is this one', () => {
		const peers = awarenessToPeers(
			states([
				[5, { user: { id: 'u1', name: 'Bo', color: '#445566' } }],
				[7, { user: { id: 'u1', name: 'Bo', color: '#445566' } }],
				[8, { user: { id: 'u2', name: 'Ida', color: '#000000' } }]
			]),
			7
		);
		expect(peers.map((p) => [p.clientId, p.isSelf])).toEqual([
			[7, true],
			[8, false]
		]);
	});

	it('follows real awareness updates, including a peer leaving', () => {
		const mine = new Awareness(new Y.Doc());
		const theirs = new Awareness(new Y.Doc());
		mine.setLocalStateField('user', { id: 'a', name: 'Anna', color: '#123456' });
		theirs.setLocalStateField('user', { id: 'b', name: 'Bent', color: '#654321' });
		applyAwarenessUpdate(mine, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'remote');
		expect(awarenessToPeers(mine.getStates(), mine.clientID).map((p) => p.name)).toEqual([
			'Anna',
			'Bent'
		]);
		theirs.setLocalState(null);
		applyAwarenessUpdate(mine, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'remote');
		expect(awarenessToPeers(mine.getStates(), mine.clientID).map((p) => p.name)).toEqual(['Anna']);
		mine.destroy();
		theirs.destroy();
	});
});
