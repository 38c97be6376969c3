import { describe, expect, it } from 'vitest';
import {
	FOLLOW_SECTIONS,
	findFollowable,
	followableElements,
	scaleElementId,
	sectionElementId,
	setFollowSchema
} from '#lib/domain/follow.ts';
import { textToRichText } from '#lib/domain/template/rich-text.ts';
import { smallTemplate } from '../../fixtures/template.ts';

describe('what the facilitator can point at', () => {
	it('lists sections, areas, scales, levels and statements in reading order', () => {
		const ids = followableElements(smallTemplate()).map((e) => e.id);
		expect(ids.slice(0, 4)).toEqual(['section-header', 'section-areas', 'a1', 'scale-a1']);
		expect(ids).toEqual(
			expect.arrayContaining(['a1-l1', 's1', 'a2', 'scale-a2', 's4', 'section-signature'])
		);
		expect(ids.slice(-3)).toEqual(['section-assessment', 'section-freeText', 'section-signature']);
		for (const section of FOLLOW_SECTIONS) expect(ids).toContain(sectionElementId(section));
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('names each element the way people recognise it', () => {
		const template = smallTemplate();
		expect(findFollowable(template, 'a1')).toEqual({
			id: 'a1',
			kind: 'area',
			label: 'Faglige kompetencer'
		});
		expect(findFollowable(template, 'scale-a2')).toMatchObject({
			kind: 'scale',
			label: 'Sociale kompetencer'
		});
		expect(findFollowable(template, 'a1-l2')).toMatchObject({
			kind: 'level',
			label: 'Faglige kompetencer › Kan selv'
		});
		expect(findFollowable(template, 'section-freeText')).toMatchObject({
			kind: 'section',
			label: 'freeText'
		});
	});

	it('offers a statement scale only when the statement has one', () => {
		const template = smallTemplate();
		expect(findFollowable(template, scaleElementId('s1'))).toBeNull();
		template.areas[0].statements[0].scale = {
			levels: [{ id: 's1-l1', label: 'Lidt', descriptor: textToRichText('') }]
		};
		expect(findFollowable(template, 'scale-s1')).toMatchObject({ kind: 'scale' });
		expect(findFollowable(template, 's1-l1')).toMatchObject({
			kind: 'level',
			label: 'Kan modtage varer › Lidt'
		});
	});

	it('knows nothing else', () => {
		const template = smallTemplate();
		for (const id of ['nope', 'section-nowhere', 'scale-nope', 'm1', 'r1', 'h1', '']) {
			expect(findFollowable(template, id), id).toBeNull();
		}
	});
});

describe('setFollowSchema', () => {
	it('accepts a document id and an element id', () => {
		expect(
			setFollowSchema.safeParse({ documentId: 'abcdefgh', elementId: 'section-header' }).success
		).toBe(true);
	});

	it('refuses malformed ids with message keys', () => {
		const result = setFollowSchema.safeParse({ documentId: 'x', elementId: 'a b' });
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((i) => i.message).sort()).toEqual([
			'follow.error.unknownDocument',
			'follow.error.unknownElement'
		]);
	});
});
