import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
// The library tiptap's Collaboration extension binds fragments with (a dependency of it), so this
// checks our fragments against the real reader and writer rather than our idea of them.
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import {
	getRichTextFragment,
	readRichText,
	readTemplate,
	richTextPathKey,
	richTextToPlain,
	setLevelDescriptor
} from '#lib/collab/template/template-binding.ts';
import { writeRichText } from '#lib/collab/rich-text-yjs.ts';
import { NotFoundError } from '#lib/domain/errors.ts';
import type { RichText } from '#lib/domain/template/rich-text.ts';
import { ctxOf, docFromStarter } from '../../support/template-docs.ts';

const schema = getSchema([StarterKit.configure({ undoRedo: false })]);

const SAMPLE: RichText = {
	type: 'doc',
	content: [
		{
			type: 'paragraph',
			content: [
				{ type: 'text', text: 'Løser opgaven ' },
				{ type: 'text', text: 'selv', marks: [{ type: 'bold' }, { type: 'italic' }] },
				{ type: 'hardBreak' },
				{ type: 'text', text: 'Se ', marks: [] },
				{
					type: 'text',
					text: 'star.dk',
					marks: [{ type: 'link', attrs: { href: 'https://star.dk' } }]
				}
			]
		},
		{
			type: 'orderedList',
			content: [
				{
					type: 'listItem',
					content: [{ type: 'paragraph', content: [{ type: 'text', text: 'først' }] }]
				},
				{
					type: 'listItem',
					content: [
						{ type: 'paragraph', content: [{ type: 'text', text: 'så' }] },
						{
							type: 'bulletList',
							content: [
								{
									type: 'listItem',
									content: [{ type: 'paragraph', content: [{ type: 'text', text: 'dybt' }] }]
								}
							]
						}
					]
				}
			]
		},
		{ type: 'paragraph' }
	]
};

/** SAMPLE as our reader returns it: a text run with no marks has no `marks` field. */
const SAMPLE_READ = structuredClone(SAMPLE);
delete (SAMPLE_READ.content[0] as { content: { marks?: unknown }[] }).content[3].marks;

/** Keeps only what our model holds: tiptap adds default attributes (link target, list start). */
function stripDefaults(node: unknown): unknown {
	if (Array.isArray(node)) return node.map(stripDefaults);
	if (!node || typeof node !== 'object') return node;
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(node)) {
		if (key === 'attrs') {
			const href = (value as { href?: string }).href;
			if (href) out.attrs = { href };
		} else if (key === 'marks' && Array.isArray(value) && value.length === 0) {
			continue;
		} else out[key] = stripDefaults(value);
	}
	return out;
}

function fragment(): Y.XmlFragment {
	return new Y.Doc().getXmlFragment('f');
}

describe('rich text in the Yjs document', () => {
	it('writes fragments that tiptap reads as the same content', () => {
		const f = fragment();
		f.doc!.transact(() => writeRichText(f, SAMPLE));
		const node = yXmlFragmentToProseMirrorRootNode(f, schema);
		expect(stripDefaults(node.toJSON())).toEqual(stripDefaults(SAMPLE));
		expect(f.length).toBe(3); // tiptap did not have to drop anything it could not read
	});

	it('reads fragments tiptap wrote', () => {
		const f = fragment();
		prosemirrorJSONToYXmlFragment(schema, SAMPLE, f);
		expect(readRichText(f)).toEqual(SAMPLE_READ);
	});

	it('keeps what it can of content it does not model and drops unsafe links', () => {
		const f = fragment();
		prosemirrorJSONToYXmlFragment(
			schema,
			{
				type: 'doc',
				content: [
					{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Overskrift' }] },
					{
						type: 'blockquote',
						content: [
							{
								type: 'paragraph',
								content: [{ type: 'text', text: 'citat', marks: [{ type: 'strike' }] }]
							}
						]
					},
					{
						type: 'paragraph',
						content: [
							{
								type: 'text',
								text: 'klik',
								marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]
							}
						]
					}
				]
			},
			f
		);
		expect(readRichText(f)).toEqual({
			type: 'doc',
			content: [
				{ type: 'paragraph', content: [{ type: 'text', text: 'Overskrift' }] },
				{ type: 'paragraph', content: [{ type: 'text', text: 'citat' }] },
				{ type: 'paragraph', content: [{ type: 'text', text: 'klik' }] }
			]
		});
	});

	it('gives plain text for validation and previews', () => {
		const f = fragment();
		f.doc!.transact(() => writeRichText(f, SAMPLE));
		expect(richTextToPlain(f)).toBe('Løser opgaven selv\nSe star.dk\n1. først\n2. så\n  • dybt\n');
	});
});

describe('getRichTextFragment', () => {
	it('finds the fragment of a level, a statement description and a section’s guidance', () => {
		const doc = docFromStarter('detail');
		const t = readTemplate(doc);
		const level = t.areas[0].scale.levels[2];
		const levelPath = {
			field: 'levelDescriptor' as const,
			scale: { areaId: t.areas[0].id },
			levelId: level.id
		};
		expect(readRichText(getRichTextFragment(doc, levelPath))).toEqual(level.descriptor);
		const statement = t.areas[0].statements[0];
		const description = getRichTextFragment(doc, {
			field: 'statementDescription',
			statementId: statement.id
		});
		expect(readRichText(description)).toEqual(statement.description);
		const section = t.freeTextSections[2];
		const guidance = getRichTextFragment(doc, {
			field: 'freeTextGuidance',
			freeTextSectionId: section.id
		});
		expect(richTextToPlain(guidance)).toContain('• Jeg modtager og kontrollerer varer');
		const override = t.areas[2].statements[0];
		const overridePath = {
			field: 'levelDescriptor' as const,
			scale: { statementId: override.id },
			levelId: override.scale!.levels[0].id
		};
		expect(richTextToPlain(getRichTextFragment(doc, overridePath))).toBe(
			'Kommer ofte for sent eller bliver væk uden at give besked.'
		);
		expect(richTextPathKey(levelPath)).toBe(`area:${t.areas[0].id}:level:${level.id}:descriptor`);
	});

	it('shows edits made in the fragment (as tiptap would) in readTemplate', () => {
		const doc = docFromStarter('detail');
		const t = readTemplate(doc);
		const path = {
			field: 'statementDescription' as const,
			statementId: t.areas[0].statements[2].id
		};
		const f = getRichTextFragment(doc, path);
		prosemirrorJSONToYXmlFragment(
			schema,
			{
				type: 'doc',
				content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ny tekst' }] }]
			},
			f
		);
		expect(readTemplate(doc).areas[0].statements[2].description.content).toEqual([
			{ type: 'paragraph', content: [{ type: 'text', text: 'Ny tekst' }] }
		]);
		const scale = { areaId: t.areas[0].id };
		setLevelDescriptor(ctxOf(doc), {
			scale,
			levelId: t.areas[0].scale.levels[0].id,
			descriptor: '**Hjælp**'
		});
		expect(readTemplate(doc).areas[0].scale.levels[0].descriptor.content).toEqual([
			{ type: 'paragraph', content: [{ type: 'text', text: 'Hjælp', marks: [{ type: 'bold' }] }] }
		]);
	});

	it('throws NotFoundError for a removed item or a statement without its own scale', () => {
		const doc = docFromStarter('detail');
		const t = readTemplate(doc);
		expect(() =>
			getRichTextFragment(doc, { field: 'statementDescription', statementId: 'gone' })
		).toThrow(NotFoundError);
		expect(() =>
			getRichTextFragment(doc, {
				field: 'levelDescriptor',
				scale: { statementId: t.areas[0].statements[0].id },
				levelId: t.areas[0].scale.levels[0].id
			})
		).toThrow(NotFoundError);
	});
});
