import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
	TEMPLATE_OPERATIONS,
	addArea,
	addLevel,
	addStatement,
	moveStatement,
	readTemplate,
	removeLevel,
	type TemplateContext
} from '#lib/collab/template/template-binding.ts';
import { NotFoundError, ValidationError } from '#lib/domain/errors.ts';
import {
	MAX_AREAS,
	MAX_LABEL_LENGTH,
	MAX_LEVEL_LABEL_LENGTH,
	MAX_RICH_TEXT_LENGTH,
	MAX_STATEMENT_LENGTH,
	MAX_TEMPLATE_TITLE_LENGTH
} from '#lib/domain/limits.ts';
import { ctxOf, docFromStarter, stateOf } from '../../support/template-docs.ts';

type OpName = keyof typeof TEMPLATE_OPERATIONS;
type Case = [name: string, op: OpName, input: (doc: Y.Doc) => unknown, field: string, key: string];

const long = (n: number) => 'æ'.repeat(n + 1);
const area = (doc: Y.Doc, i = 0) => readTemplate(doc).areas[i];
const firstStatement = (doc: Y.Doc) => area(doc).statements[0];

/** Bad input for each operation: the field the error names and the message key it carries. */
const CASES: Case[] = [
	['empty area name', 'addArea', () => ({ label: '   ' }), 'label', 'template.input.required'],
	[
		'too long area name',
		'addArea',
		() => ({ label: long(MAX_LABEL_LENGTH) }),
		'label',
		'template.input.tooLong'
	],
	[
		'duplicate area name',
		'addArea',
		() => ({ label: 'sociale  kompetencer' }),
		'label',
		'template.input.duplicateLabel'
	],
	[
		'negative index',
		'addArea',
		() => ({ label: 'X', index: -1 }),
		'index',
		'template.input.invalidIndex'
	],
	['taken id', 'addArea', (d) => ({ label: 'X', id: area(d).id }), 'id', 'template.input.idTaken'],
	['bad id', 'addArea', () => ({ label: 'X', id: 'has space' }), 'id', 'template.input.invalidId'],
	[
		'rename to empty',
		'renameArea',
		(d) => ({ areaId: area(d).id, label: '' }),
		'label',
		'template.input.required'
	],
	[
		'rename to a sibling',
		'renameArea',
		(d) => ({ areaId: area(d).id, label: 'Personlige kompetencer' }),
		'label',
		'template.input.duplicateLabel'
	],
	[
		'move to a fraction',
		'moveArea',
		(d) => ({ areaId: area(d).id, toIndex: 1.5 }),
		'toIndex',
		'template.input.invalidIndex'
	],
	[
		'empty statement',
		'addStatement',
		(d) => ({ areaId: area(d).id, text: '' }),
		'text',
		'template.input.required'
	],
	[
		'too long statement',
		'addStatement',
		(d) => ({ areaId: area(d).id, text: long(MAX_STATEMENT_LENGTH) }),
		'text',
		'template.input.tooLong'
	],
	[
		'duplicate statement',
		'addStatement',
		(d) => ({ areaId: area(d).id, text: firstStatement(d).text.toUpperCase() }),
		'text',
		'template.input.duplicateLabel'
	],
	[
		'unknown kind',
		'addStatement',
		(d) => ({ areaId: area(d).id, text: 'Kan noget', kind: 'semi' }),
		'kind',
		'template.input.invalidKind'
	],
	[
		'too long description',
		'updateStatement',
		(d) => ({ statementId: firstStatement(d).id, description: long(MAX_RICH_TEXT_LENGTH) }),
		'description',
		'template.input.tooLong'
	],
	[
		'empty level label',
		'addLevel',
		(d) => ({ scale: { areaId: area(d).id }, label: '' }),
		'label',
		'template.input.required'
	],
	[
		'too long level label',
		'updateLevelLabel',
		(d) => ({
			scale: { areaId: area(d).id },
			levelId: area(d).scale.levels[0].id,
			label: long(MAX_LEVEL_LABEL_LENGTH)
		}),
		'label',
		'template.input.tooLong'
	],
	[
		'duplicate level label',
		'addLevel',
		(d) => ({ scale: { areaId: area(d).id }, label: 'kan selv' }),
		'label',
		'template.input.duplicateLabel'
	],
	[
		'scale of nothing',
		'addLevel',
		() => ({ scale: {}, label: 'X' }),
		'scale',
		'template.input.invalid'
	],
	['empty title', 'renameTemplate', () => ({ title: ' ' }), 'title', 'template.input.required'],
	[
		'title of zero-width characters',
		'renameTemplate',
		() => ({ title: '\u200B\u200D' }),
		'title',
		'template.input.required'
	],
	[
		'title with a right-to-left override',
		'renameTemplate',
		() => ({ title: 'Læringsbevis \u202Efdp.exe' }),
		'title',
		'template.input.invalidCharacters'
	],
	[
		'area label with an escape sequence',
		'renameArea',
		(d) => ({ areaId: area(d).id, label: 'Rød\u001b[31m' }),
		'label',
		'template.input.invalidCharacters'
	],
	[
		'level label with NUL',
		'addLevel',
		(d) => ({ scale: { areaId: area(d).id }, label: 'Kan\u0000' }),
		'label',
		'template.input.invalidCharacters'
	],
	[
		'too long title',
		'renameTemplate',
		() => ({ title: long(MAX_TEMPLATE_TITLE_LENGTH) }),
		'title',
		'template.input.tooLong'
	],
	['empty point', 'addMeasurementPoint', () => ({ label: '' }), 'label', 'template.input.required'],
	[
		'duplicate point',
		'renameMeasurementPoint',
		(d) => ({ measurementPointId: readTemplate(d).measurementPoints[0].id, label: 'slut' }),
		'label',
		'template.input.duplicateLabel'
	],
	[
		'duplicate rater',
		'addRater',
		() => ({ label: 'Den unge' }),
		'label',
		'template.input.duplicateLabel'
	],
	[
		'unknown header kind',
		'addHeaderField',
		() => ({ label: 'Sko', kind: 'shoeSize' }),
		'kind',
		'template.input.invalidKind'
	],
	[
		'too long guidance',
		'addFreeTextSection',
		() => ({ label: 'Noter', guidance: long(MAX_RICH_TEXT_LENGTH) }),
		'guidance',
		'template.input.tooLong'
	],
	[
		'not a boolean',
		'setScaleOverride',
		(d) => ({ statementId: firstStatement(d).id, hasOverride: 'yes' }),
		'hasOverride',
		'template.input.invalid'
	]
];

function run(op: OpName, ctx: TemplateContext, input: unknown): unknown {
	return (TEMPLATE_OPERATIONS[op] as (c: TemplateContext, i: unknown) => unknown)(ctx, input);
}

function expectRefusedUnchanged(doc: Y.Doc, act: () => unknown): ValidationError | NotFoundError {
	const bytes = stateOf(doc);
	const template = readTemplate(doc);
	let caught: unknown;
	try {
		act();
	} catch (error) {
		caught = error;
	}
	expect(stateOf(doc)).toEqual(bytes);
	expect(readTemplate(doc)).toEqual(template);
	expect(caught instanceof ValidationError || caught instanceof NotFoundError).toBe(true);
	return caught as ValidationError | NotFoundError;
}

describe('bad input', () => {
	it.each(CASES)('%s: %s refuses with %s and changes nothing', (_name, op, input, field, key) => {
		const doc = docFromStarter('detail');
		const error = expectRefusedUnchanged(doc, () => run(op, ctxOf(doc), input(doc)));
		expect(error).toBeInstanceOf(ValidationError);
		expect((error as ValidationError).fields[field]).toBe(key);
	});

	it('refuses to move a statement into an area that already has the same statement', () => {
		const doc = docFromStarter('detail');
		const moving = area(doc, 1).statements[0];
		addStatement(ctxOf(doc), { areaId: area(doc).id, text: moving.text });
		const error = expectRefusedUnchanged(doc, () =>
			moveStatement(ctxOf(doc), { statementId: moving.id, toAreaId: area(doc).id, toIndex: 0 })
		);
		expect((error as ValidationError).fields.text).toBe('template.input.duplicateLabel');
	});

	it('refuses an eleventh level and keeps ten', () => {
		const doc = docFromStarter('detail');
		const scale = { areaId: area(doc).id };
		for (let i = area(doc).scale.levels.length; i < 10; i++) {
			addLevel(ctxOf(doc), { scale, label: `Niveau ${i}` });
		}
		expect(area(doc).scale.levels).toHaveLength(10);
		const error = expectRefusedUnchanged(doc, () =>
			addLevel(ctxOf(doc), { scale, label: 'Elleve' })
		);
		expect(error.message).toBe('template.input.tooManyLevels');
	});

	it('refuses to leave a scale with fewer than two levels', () => {
		const doc = docFromStarter('lager');
		const scale = { areaId: area(doc).id };
		const [first, second] = area(doc).scale.levels;
		removeLevel(ctxOf(doc), { scale, levelId: area(doc).scale.levels[2].id });
		removeLevel(ctxOf(doc), { scale, levelId: area(doc).scale.levels[2].id });
		expect(area(doc).scale.levels.map((l) => l.id)).toEqual([first.id, second.id]);
		const error = expectRefusedUnchanged(doc, () =>
			removeLevel(ctxOf(doc), { scale, levelId: first.id })
		);
		expect(error.message).toBe('template.input.tooFewLevels');
	});

	it('refuses more areas than the limit', () => {
		const doc = docFromStarter('detail');
		for (let i = 3; i < MAX_AREAS; i++) addArea(ctxOf(doc), { label: `Område ${i}` });
		const error = expectRefusedUnchanged(doc, () => addArea(ctxOf(doc), { label: 'Et for meget' }));
		expect(error.message).toBe('template.input.tooManyAreas');
	});

	it('says an item is gone (NotFoundError) when someone else removed it, and changes nothing', () => {
		const doc = docFromStarter('detail');
		const gone = [
			() => run('renameArea', ctxOf(doc), { areaId: 'nope', label: 'X' }),
			() => run('addStatement', ctxOf(doc), { areaId: 'nope', text: 'Kan X' }),
			() => run('moveStatement', ctxOf(doc), { statementId: 'nope', toIndex: 0 }),
			() =>
				run('removeLevel', ctxOf(doc), {
					scale: { statementId: firstStatement(doc).id },
					levelId: 'x'
				}),
			() => run('setSigner', ctxOf(doc), { raterId: 'nope', isSigner: true }),
			() =>
				run('pullStatementFromLibrary', ctxOf(doc), {
					libraryStatementId: 'nope',
					areaId: area(doc).id
				})
		];
		for (const act of gone) {
			const error = expectRefusedUnchanged(doc, act);
			expect(error).toBeInstanceOf(NotFoundError);
			expect(error.message).toBe('template.input.gone');
		}
	});
});
