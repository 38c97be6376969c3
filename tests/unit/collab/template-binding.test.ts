import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addArea,
	addFreeTextSection,
	addHeaderField,
	addLevel,
	addMeasurementPoint,
	addRater,
	addStatement,
	bindTemplate,
	initTemplate,
	isTemplateEmpty,
	moveArea,
	moveHeaderField,
	moveLevel,
	moveMeasurementPoint,
	moveRater,
	moveStatement,
	pullStatementFromLibrary,
	readTemplate,
	removeArea,
	removeFreeTextSection,
	removeLevel,
	removeRater,
	removeStatement,
	renameArea,
	renameTemplate,
	setScaleOverride,
	setSignature,
	setSigner,
	updateHeaderField,
	updateLevelLabel,
	updateStatement,
	watchTemplate
} from '#lib/collab/template/template-binding.ts';
import { ConflictError } from '#lib/domain/errors.ts';
import { starterToTemplate } from '#lib/domain/template/from-starter.ts';
import type { StarterTemplate } from '#lib/domain/template/starter-schema.ts';
import { STARTERS } from '#lib/domain/template/starters/index.ts';
import { validateTemplate } from '#lib/domain/template/validate.ts';
import { cloneDoc, ctxOf, docFromStarter, stateOf, syncAll } from '../../support/template-docs.ts';
import { starter } from '../../fixtures/template.ts';

const labels = (items: { label: string }[]) => items.map((i) => i.label);
/** What a document started from `s` reads as: the whole starter, second-pass parts included. */
const storedStarter = (s: StarterTemplate) => starterToTemplate(s);
const texts = (doc: Y.Doc, area = 0) => readTemplate(doc).areas[area].statements.map((s) => s.text);

describe('initTemplate and readTemplate', () => {
	it.each(STARTERS.map((s) => [s.id, s] as const))(
		'round-trips the %s starter exactly',
		(_id, s) => {
			const doc = new Y.Doc();
			expect(isTemplateEmpty({ doc })).toBe(true);
			initTemplate(ctxOf(doc), s);
			expect(readTemplate(doc)).toEqual(storedStarter(s));
			expect(isTemplateEmpty({ doc })).toBe(false);
		}
	);

	it('gives a usable template from every workplace starter', () => {
		for (const id of ['detail', 'lager', 'koekken', 'pleje']) {
			expect(validateTemplate(readTemplate(docFromStarter(id)))).toEqual([]);
		}
	});

	it('refuses to start a document that already holds a template, changing nothing', () => {
		const doc = docFromStarter('detail');
		const before = stateOf(doc);
		expect(() => initTemplate(ctxOf(doc), starter('pleje'))).toThrow(ConflictError);
		expect(stateOf(doc)).toEqual(before);
	});

	it('ends with one copy when two people start the same empty document at once', () => {
		const [a, b] = [new Y.Doc(), new Y.Doc()];
		initTemplate(ctxOf(a, 'a'), starter('lager'));
		initTemplate(ctxOf(b, 'b'), starter('lager'));
		syncAll([a, b]);
		expect(readTemplate(a)).toEqual(storedStarter(starter('lager')));
		expect(readTemplate(b)).toEqual(readTemplate(a));
	});

	it('shows one starter, not a mix, when two people start from different starters at once', () => {
		const [a, b] = [new Y.Doc(), new Y.Doc()];
		initTemplate(ctxOf(a, 'a'), starter('lager'));
		initTemplate(ctxOf(b, 'b'), starter('pleje'));
		syncAll([a, b]);
		const template = readTemplate(a);
		expect(readTemplate(b)).toEqual(template);
		const winner = template.starterId;
		expect(['lager', 'pleje']).toContain(winner);
		expect(template).toEqual(storedStarter(starter(winner!)));
	});
});

describe('operations', () => {
	it('write with the caller’s origin, one transaction per operation', () => {
		const doc = docFromStarter('detail');
		const origins: unknown[] = [];
		doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
		const ctx = ctxOf(doc, 'user-42');
		const areaId = addArea(ctx, { label: 'Digitale kompetencer' });
		addStatement(ctx, { areaId, text: 'Kan bruge butikkens app' });
		moveArea(ctx, { areaId, toIndex: 0 });
		expect(origins).toEqual(['user-42', 'user-42', 'user-42']);
	});

	it('add, rename, move and remove areas; a new area starts with a copy of the first scale', () => {
		const doc = docFromStarter('detail');
		const ctx = ctxOf(doc);
		const id = addArea(ctx, { label: 'Digitale kompetencer', index: 1 });
		let t = readTemplate(doc);
		expect(labels(t.areas)).toEqual([
			'Faglige kompetencer',
			'Digitale kompetencer',
			'Sociale kompetencer',
			'Personlige kompetencer'
		]);
		const added = t.areas[1];
		expect(labels(added.scale.levels)).toEqual(labels(t.areas[0].scale.levels));
		expect(added.scale.levels.map((l) => l.descriptor)).toEqual(
			t.areas[0].scale.levels.map((l) => l.descriptor)
		);
		expect(added.scale.levels[0].id).not.toBe(t.areas[0].scale.levels[0].id);
		renameArea(ctx, { areaId: id, label: 'IT' });
		moveArea(ctx, { areaId: id, toIndex: 99 });
		t = readTemplate(doc);
		expect(labels(t.areas).at(-1)).toBe('IT');
		const statementCount = t.areas[0].statements.length;
		const firstId = t.areas[0].id;
		removeArea(ctx, { areaId: firstId });
		t = readTemplate(doc);
		expect(t.areas.map((a) => a.id)).not.toContain(firstId);
		expect(statementCount).toBeGreaterThan(0);
		// Its statements went with it: adding an area back does not resurrect them.
		addArea(ctx, { label: 'Faglige kompetencer', index: 0 });
		expect(readTemplate(doc).areas[0].statements).toEqual([]);
	});

	it('add, update, move (within and between areas) and remove statements', () => {
		const doc = docFromStarter('detail');
		const ctx = ctxOf(doc);
		const [faglige, sociale] = readTemplate(doc).areas;
		const id = addStatement(ctx, {
			areaId: faglige.id,
			text: 'Kan bestille varer hjem',
			kind: 'informal',
			description: 'Bruger **bestillingslisten**.',
			index: 0
		});
		let t = readTemplate(doc);
		expect(t.areas[0].statements[0]).toMatchObject({
			id,
			text: 'Kan bestille varer hjem',
			kind: 'informal',
			scale: null
		});
		expect(t.areas[0].statements[0].description.content).toHaveLength(1);
		updateStatement(ctx, { statementId: id, text: 'Kan bestille varer', kind: 'formal' });
		expect(readTemplate(doc).areas[0].statements[0]).toMatchObject({
			text: 'Kan bestille varer',
			kind: 'formal'
		});
		moveStatement(ctx, { statementId: id, toIndex: 2 });
		expect(texts(doc)[2]).toBe('Kan bestille varer');
		moveStatement(ctx, { statementId: id, toAreaId: sociale.id, toIndex: 1 });
		t = readTemplate(doc);
		expect(t.areas[0].statements.map((s) => s.id)).not.toContain(id);
		expect(t.areas[1].statements[1].id).toBe(id);
		expect(t.areas[1].statements).toHaveLength(sociale.statements.length + 1);
		removeStatement(ctx, { statementId: id });
		expect(readTemplate(doc).areas[1].statements).toEqual(sociale.statements);
	});

	it('pull a statement from the library into any area', () => {
		const doc = docFromStarter('pleje');
		const ctx = ctxOf(doc);
		const area = readTemplate(doc).areas[2];
		const id = pullStatementFromLibrary(ctx, {
			libraryStatementId: 'foerstehjaelp',
			areaId: area.id,
			index: 0
		});
		const pulled = readTemplate(doc).areas[2].statements[0];
		expect(pulled).toMatchObject({
			id,
			text: 'Har taget et førstehjælpskursus og ved, hvad der skal gøres ved et uheld',
			kind: 'formal'
		});
		expect(pulled.description.content).not.toEqual([]);
	});

	it('add, rename, move and remove levels, and override a statement’s scale', () => {
		const doc = docFromStarter('lager');
		const ctx = ctxOf(doc);
		const area = readTemplate(doc).areas[1];
		const scale = { areaId: area.id };
		const id = addLevel(ctx, {
			scale,
			label: 'Kan næsten selv',
			descriptor: 'Mangler lidt.',
			index: 2
		});
		expect(labels(readTemplate(doc).areas[1].scale.levels)).toEqual([
			'Kan med hjælp',
			'Kan med støtte',
			'Kan næsten selv',
			'Kan selv',
			'Kan lære andre'
		]);
		updateLevelLabel(ctx, { scale, levelId: id, label: 'Kan næsten' });
		moveLevel(ctx, { scale, levelId: id, toIndex: 0 });
		expect(readTemplate(doc).areas[1].scale.levels[0]).toMatchObject({ id, label: 'Kan næsten' });
		removeLevel(ctx, { scale, levelId: id });
		expect(readTemplate(doc).areas[1].scale).toEqual(area.scale);

		const statementId = area.statements[0].id;
		setScaleOverride(ctx, { statementId, hasOverride: true });
		let own = readTemplate(doc).areas[1].statements[0].scale!;
		expect(labels(own.levels)).toEqual(labels(area.scale.levels));
		removeLevel(ctx, { scale: { statementId }, levelId: own.levels[0].id });
		own = readTemplate(doc).areas[1].statements[0].scale!;
		expect(own.levels).toHaveLength(area.scale.levels.length - 1);
		expect(readTemplate(doc).areas[1].scale).toEqual(area.scale);
		setScaleOverride(ctx, { statementId, hasOverride: false });
		expect(readTemplate(doc).areas[1].statements[0].scale).toBeNull();
	});

	it('edit measurement points, raters, header fields, free-text sections, title and signatures', () => {
		const doc = docFromStarter('koekken');
		const ctx = ctxOf(doc);
		const t0 = readTemplate(doc);
		const point = addMeasurementPoint(ctx, { label: 'Opfølgning', index: 2 });
		moveMeasurementPoint(ctx, { measurementPointId: point, toIndex: 3 });
		expect(labels(readTemplate(doc).measurementPoints)).toEqual([
			'Start',
			'Midtvejs',
			'Slut',
			'Opfølgning'
		]);
		const mentor = addRater(ctx, { label: 'Mentor' });
		moveRater(ctx, { raterId: mentor, toIndex: 0 });
		setSigner(ctx, { raterId: mentor, isSigner: true });
		expect(readTemplate(doc).signature.signerRaterIds[0]).toBe(mentor);
		removeRater(ctx, { raterId: mentor });
		expect(readTemplate(doc).signature.signerRaterIds).toEqual(t0.signature.signerRaterIds);
		setSigner(ctx, { raterId: t0.raters[2].id, isSigner: false });
		expect(readTemplate(doc).signature.signerRaterIds).toEqual(
			t0.raters.slice(0, 2).map((r) => r.id)
		);
		const field = addHeaderField(ctx, { label: 'Arbejdstid', kind: 'longText', index: 0 });
		updateHeaderField(ctx, { headerFieldId: field, isRequired: true, label: 'Arbejdstider' });
		moveHeaderField(ctx, { headerFieldId: field, toIndex: 1 });
		expect(readTemplate(doc).headerFields[1]).toEqual({
			id: field,
			label: 'Arbejdstider',
			kind: 'longText',
			isRequired: true
		});
		const section = addFreeTextSection(ctx, {
			label: 'Det siger virksomheden',
			guidance: 'Skriv kort.'
		});
		expect(labels(readTemplate(doc).freeTextSections).at(-1)).toBe('Det siger virksomheden');
		removeFreeTextSection(ctx, { freeTextSectionId: section });
		renameTemplate(ctx, { title: 'Læringsbevis for køkkenet' });
		setSignature(ctx, { isIncluded: false, text: 'Underskrevet af:' });
		const t = readTemplate(doc);
		expect(t.title).toBe('Læringsbevis for køkkenet');
		expect(t.signature).toMatchObject({ isIncluded: false, text: 'Underskrevet af:' });
		expect(t.freeTextSections).toEqual(t0.freeTextSections);
	});

	it('skip moves that change nothing, so they do not fill the undo stack or the network', () => {
		const doc = docFromStarter('detail');
		const before = stateOf(doc);
		const t = readTemplate(doc);
		moveArea(ctxOf(doc), { areaId: t.areas[1].id, toIndex: 1 });
		moveStatement(ctxOf(doc), { statementId: t.areas[0].statements[0].id, toIndex: 0 });
		expect(stateOf(doc)).toEqual(before);
	});
});

describe('bindTemplate and watchTemplate', () => {
	it('bind the operations to one doc and origin and report every change', () => {
		const doc = docFromStarter('detail');
		const other = cloneDoc(doc, 99);
		const seen: string[][] = [];
		const stop = watchTemplate(other, (t) => seen.push(labels(t.areas)));
		const template = bindTemplate(doc, 'me');
		template.addArea({ label: 'Nyt område' });
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc), 'remote');
		stop();
		template.removeArea({ areaId: template.read().areas[0].id });
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc), 'remote');
		expect(seen).toHaveLength(2);
		expect(seen[1].at(-1)).toBe('Nyt område');
		expect(template.read().areas).toHaveLength(3);
	});
});
