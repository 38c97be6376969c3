/**
 * A version's content and its SHA-256: the same content gives the same hash whatever the key
 * order, and after both documents are stored and read back (one update, or many small ones); a
 * new draft written from a version reads back as that version, to the byte, introduction
 * included; anything that differs changes the hash. Problems of the template and of the drejebog
 * (checked against the template) come back with paths that name their document.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	canonicalContent,
	checkContent,
	parseContent,
	type PublicationContent
} from '#lib/domain/publications/content.ts';
import { canonicalJson } from '#lib/domain/publications/canonical.ts';
import { emptyDrejebog, starterDrejebog } from '#lib/domain/drejebog/index.ts';
import { textToRichText } from '#lib/domain/template/rich-text.ts';
import { contentUpdates, readContentParts } from '#lib/collab/publications/content-docs.ts';
import { bindTemplate, readTemplate } from '#lib/collab/template/template-binding.ts';
import { bindDrejebog, INTRODUCTION_FRAGMENT } from '#lib/collab/drejebog/drejebog-binding.ts';
import { writeRichText } from '#lib/collab/rich-text-yjs.ts';
import { DREJEBOG_SHAPE_VERSION } from '#lib/collab/drejebog/drejebog-shape.ts';
import { TEMPLATE_SHAPE_VERSION } from '#lib/collab/template/template-shape.ts';
import { sha256Hex } from '#lib/server/publications/content-hash.ts';
import { smallTemplate, starter } from '../../../fixtures/template.ts';
import { smallDrejebog } from '../../../fixtures/drejebog.ts';

function contentOf(template = smallTemplate(), drejebog = smallDrejebog()): PublicationContent {
	const checked = checkContent(template, drejebog);
	if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
	return checked.content;
}

/** `value` with every object's keys in reverse order. */
function reversedKeys<T>(value: T): T {
	if (Array.isArray(value)) return value.map(reversedKeys) as T;
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value)
				.reverse()
				.map(([k, v]) => [k, reversedKeys(v)])
		) as T;
	}
	return value;
}

const hashOf = (content: PublicationContent) => sha256Hex(canonicalContent(content));

/**
 * A template and drejebog document filled from the retail starter and the starter drejebog made
 * for it, as first start does, then edited change by change (the introduction too); `updates`
 * holds every update of both, in order.
 */
function starterDocs(): { template: Y.Doc; drejebog: Y.Doc; updates: Map<Y.Doc, Uint8Array[]> } {
	const updates = new Map<Y.Doc, Uint8Array[]>();
	const record = (doc: Y.Doc) => {
		updates.set(doc, []);
		doc.on('update', (update: Uint8Array) => updates.get(doc)?.push(update));
		return doc;
	};
	const template = record(new Y.Doc());
	const handle = bindTemplate(template, 'me');
	handle.initTemplate(starter('detail'));
	for (const title of ['Læringsbevis', 'Læringsbevis for', 'Læringsbevis for unge']) {
		handle.renameTemplate({ title });
	}
	const drejebogDoc = record(new Y.Doc());
	const ops = bindDrejebog(drejebogDoc, 'me');
	ops.initDrejebog({ drejebog: starterDrejebog(readTemplate(template)) });
	const [stage] = ops.read().stages;
	const stepId = ops.addStep({ stageId: stage.id, title: 'Ring til virksomheden', index: 0 });
	ops.setStepRole({ stepId, role: 'jobConsultant', isIncluded: true });
	ops.addChecklistItem({ stepId, text: 'Aftal et tidspunkt' });
	for (const title of ['Drejebog', 'Drejebog for', 'Drejebog for butikken']) {
		ops.renameDrejebog({ title });
	}
	drejebogDoc.transact(() =>
		writeRichText(
			drejebogDoc.getXmlFragment(INTRODUCTION_FRAGMENT),
			textToRichText('Sådan bruger vi læringsbeviset.')
		)
	);
	return { template, drejebog: drejebogDoc, updates };
}

function contentFromDocs(template: Y.Doc, drejebogDoc: Y.Doc): PublicationContent {
	const parts = readContentParts(template, drejebogDoc);
	const checked = checkContent(parts.template, parts.drejebog);
	if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
	return checked.content;
}

/** A fresh document with `updates` applied one by one, in the order given. */
function replayed(updates: readonly Uint8Array[]): Y.Doc {
	const copy = new Y.Doc();
	for (const update of updates) Y.applyUpdate(copy, update);
	return copy;
}

describe('the hash of a version', () => {
	it('is the SHA-256 of the canonical text, in hex', () => {
		expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
		expect(hashOf(contentOf())).toMatch(/^[0-9a-f]{64}$/);
	});

	it('is the same across key orders', () => {
		const content = contentOf();
		expect(hashOf(reversedKeys(content))).toBe(hashOf(content));
		expect(canonicalContent(reversedKeys(content))).toBe(canonicalContent(content));
	});

	it('is the same after the stored text is read back', () => {
		const text = canonicalContent(contentOf());
		expect(canonicalContent(parseContent(text))).toBe(text);
	});

	it('is the same for a document stored and reloaded, in one update or in many', () => {
		const { template, drejebog: drejebogDoc, updates } = starterDocs();
		expect(updates.get(template)!.length).toBeGreaterThan(3);
		const hash = hashOf(contentFromDocs(template, drejebogDoc));
		const reload = (doc: Y.Doc) => replayed([Y.encodeStateAsUpdate(doc)]);
		expect(hashOf(contentFromDocs(reload(template), reload(drejebogDoc)))).toBe(hash);
		const inOrder = (doc: Y.Doc) => replayed(updates.get(doc)!);
		expect(hashOf(contentFromDocs(inOrder(template), inOrder(drejebogDoc)))).toBe(hash);
		// Out of order too (a reconnecting client's backlog): Yjs waits for what is missing.
		const reversed = (doc: Y.Doc) => replayed([...updates.get(doc)!].reverse());
		expect(hashOf(contentFromDocs(reversed(template), reversed(drejebogDoc)))).toBe(hash);
	});

	it('changes when anything changes: a word, an order, a flag', () => {
		const base = hashOf(contentOf());
		const renamed = smallTemplate();
		renamed.areas[0].statements[0].text = 'Kan modtage og tjekke varer';
		const reordered = smallTemplate();
		reordered.areas.reverse();
		const flag = smallTemplate();
		flag.progressionMeasures.hasTasks = true;
		const step = smallDrejebog();
		step.stages[1].steps[0].title = 'Vurdér ved opstart';
		const moved = smallDrejebog();
		moved.stages[1].steps.reverse();
		const hashes = [
			...[renamed, reordered, flag].map((t) => hashOf(contentOf(t))),
			...[step, moved].map((d) => hashOf(contentOf(smallTemplate(), d)))
		];
		expect(new Set([base, ...hashes]).size).toBe(6);
	});

	it('trims texts the way the schemas do, so trailing spaces are not a change', () => {
		const spaced = smallTemplate();
		spaced.title = 'Læringsbevis  ';
		expect(hashOf(contentOf(spaced))).toBe(hashOf(contentOf()));
	});
});

describe('a new draft written from a version', () => {
	it('reads back as exactly that version', () => {
		const { template, drejebog: drejebogDoc } = starterDocs();
		const content = contentFromDocs(template, drejebogDoc);
		const updates = contentUpdates(content, 'facilitator');
		const fresh = { template: new Y.Doc(), drejebog: new Y.Doc() };
		Y.applyUpdate(fresh.template, updates.template);
		Y.applyUpdate(fresh.drejebog, updates.drejebog);
		const again = contentFromDocs(fresh.template, fresh.drejebog);
		expect(canonicalContent(again)).toBe(canonicalContent(content));
		expect(again.drejebog.introduction).toEqual(textToRichText('Sådan bruger vi læringsbeviset.'));
		expect(again.drejebog.title).toBe('Drejebog for butikken');
		// Written in the current shapes, whatever shapes the version was read from.
		expect(readContentParts(fresh.template, fresh.drejebog).shapeVersions).toEqual({
			template: TEMPLATE_SHAPE_VERSION,
			drejebog: DREJEBOG_SHAPE_VERSION
		});
	});
});

describe('checking content before publishing', () => {
	it('lists every problem with a path that starts with its document', () => {
		const broken = smallTemplate();
		broken.title = '';
		broken.areas[1].statements = [];
		const checked = checkContent(broken, smallDrejebog());
		expect(checked.ok).toBe(false);
		if (checked.ok) return;
		expect(checked.problems.map((p) => [p.code, p.path])).toEqual(
			expect.arrayContaining([
				['title.empty', ['template', 'title']],
				['area.noStatements', ['template', 'areas', 'a2']]
			])
		);
	});

	it('checks the drejebog against the template: coverage, goal setting, links to parts that exist', () => {
		const template = smallTemplate();
		template.freeTextSections = [];
		const drejebog = smallDrejebog();
		drejebog.stages[0].steps = [];
		drejebog.stages[1].steps.pop();
		const checked = checkContent(template, drejebog);
		expect(checked.ok).toBe(false);
		if (checked.ok) return;
		expect(checked.problems.map((p) => [p.code, p.path, p.messageKey])).toEqual([
			[
				'step.link.unknown',
				['drejebog', 'stages', 'd3', 'steps', 'p4', 'link'],
				'drejebog.problem.step.link.unknown'
			],
			[
				'coverage.measurementPoint',
				['drejebog', 'coverage', 'measurementPoints', 'm2'],
				'drejebog.problem.coverage.measurementPoint'
			],
			[
				'coverage.goalSetting',
				['drejebog', 'coverage', 'goalSetting'],
				'drejebog.problem.coverage.goalSetting'
			],
			[
				'cvPlan.section.unknown',
				['drejebog', 'cvPlan', 'cvSectionIds'],
				'drejebog.problem.cvPlan.section.unknown'
			]
		]);
	});

	it('refuses a drejebog that was never started: it has no stages', () => {
		const never = emptyDrejebog(null);
		never.stages = [];
		const checked = checkContent(smallTemplate(), never);
		expect(checked.ok).toBe(false);
		if (checked.ok) return;
		expect(checked.problems.map((p) => p.code)).toContain('stages.none');
	});

	it('reports what the schema refuses but validation does not word (as a problem)', () => {
		const tampered = smallTemplate();
		tampered.areas[0].statements[0].text = 'Kan modtage\u202e varer';
		const checked = checkContent(tampered, smallDrejebog());
		expect(checked.ok).toBe(false);
		if (checked.ok) return;
		expect(checked.problems[0].path.slice(0, 2)).toEqual(['template', 'areas']);
	});

	it('keeps nothing the schemas do not know', () => {
		const extra = { ...smallTemplate(), secret: 'x' } as ReturnType<typeof smallTemplate>;
		expect(canonicalJson(contentOf(extra))).not.toContain('secret');
	});
});
