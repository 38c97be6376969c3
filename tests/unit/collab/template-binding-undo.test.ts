import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addArea,
	addStatement,
	createTemplateUndoManager,
	moveArea,
	readTemplate,
	removeArea,
	renameArea,
	updateStatement
} from '#lib/collab/template/template-binding.ts';
import { cloneDoc, ctxOf, docFromStarter } from '../../support/template-docs.ts';

/** Two participants whose docs forward every update to each other, like a live session. */
function liveSession() {
	const a = docFromStarter('detail', 1);
	const b = cloneDoc(a, 2);
	a.on('update', (update: Uint8Array, origin: unknown) => {
		if (origin !== 'remote') Y.applyUpdate(b, update, 'remote');
	});
	b.on('update', (update: Uint8Array, origin: unknown) => {
		if (origin !== 'remote') Y.applyUpdate(a, update, 'remote');
	});
	const alice = { doc: a, ctx: ctxOf(a, 'alice'), undo: createTemplateUndoManager(a, 'alice') };
	const bob = { doc: b, ctx: ctxOf(b, 'bob'), undo: createTemplateUndoManager(b, 'bob') };
	return { alice, bob };
}

describe('per-user undo', () => {
	it('undoes only my own change when someone else changed something after me', () => {
		const { alice, bob } = liveSession();
		const areaId = addArea(alice.ctx, { label: 'Alices område' });
		const bobsArea = readTemplate(bob.doc).areas[1].id;
		addStatement(bob.ctx, { areaId: bobsArea, text: 'Bobs udsagn', index: 0 });
		alice.undo.undo();
		for (const doc of [alice.doc, bob.doc]) {
			const t = readTemplate(doc);
			expect(t.areas.map((a) => a.id)).not.toContain(areaId);
			expect(t.areas[1].statements[0].text).toBe('Bobs udsagn');
		}
		expect(bob.undo.undoStack).toHaveLength(1);
		bob.undo.undo();
		expect(readTemplate(alice.doc).areas[1].statements[0].text).not.toBe('Bobs udsagn');
	});

	it('does not undo a rename someone else made to the same item', () => {
		const { alice, bob } = liveSession();
		const areaId = readTemplate(alice.doc).areas[0].id;
		expect(readTemplate(alice.doc).areas[0].label).toBe('Faglige kompetencer');
		renameArea(alice.ctx, { areaId, label: 'Fag' });
		alice.undo.stopCapturing();
		renameArea(bob.ctx, { areaId, label: 'Faglighed' });
		expect(alice.undo.undoStack).toHaveLength(1);
		alice.undo.undo();
		// Labels are text: a rename changes only the characters that differ. Undoing Alice's
		// rename brings back the characters she deleted and keeps what Bob typed after her.
		expect(readTemplate(alice.doc).areas[0].label).toBe('Faglige kompetencerlighed');
		expect(readTemplate(bob.doc).areas[0].label).toBe('Faglige kompetencerlighed');
	});

	it('brings back a removed area with its statements in one step, and redoes it', () => {
		const { alice, bob } = liveSession();
		const before = readTemplate(alice.doc);
		removeArea(alice.ctx, { areaId: before.areas[0].id });
		expect(readTemplate(bob.doc).areas).toHaveLength(2);
		alice.undo.undo();
		expect(readTemplate(alice.doc)).toEqual(before);
		expect(readTemplate(bob.doc)).toEqual(before);
		alice.undo.redo();
		expect(readTemplate(bob.doc).areas).toHaveLength(2);
	});

	it('makes each operation its own step once capturing is stopped', () => {
		const { alice } = liveSession();
		const t = readTemplate(alice.doc);
		const statementId = t.areas[0].statements[0].id;
		moveArea(alice.ctx, { areaId: t.areas[2].id, toIndex: 0 });
		alice.undo.stopCapturing();
		updateStatement(alice.ctx, { statementId, text: 'Kan tage imod varer' });
		alice.undo.undo();
		const afterOne = readTemplate(alice.doc);
		expect(afterOne.areas[0].id).toBe(t.areas[2].id);
		expect(afterOne.areas[1].statements[0].text).toBe(t.areas[0].statements[0].text);
		alice.undo.undo();
		expect(readTemplate(alice.doc)).toEqual(t);
	});

	it('ignores changes with another origin, such as the initial starter or remote updates', () => {
		const { alice } = liveSession();
		expect(alice.undo.undoStack).toHaveLength(0);
		alice.undo.undo();
		expect(readTemplate(alice.doc).areas).toHaveLength(3);
	});
});
