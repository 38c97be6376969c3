/**
 * The checks of `validateDrejebog` that need only the drejebog itself: empty or too long texts,
 * invisible control characters, too many items, steps that say nobody does them.
 */
import { hasForbiddenCharacters, isBlankText } from '../text.ts';
import { richTextToPlainText, type RichText } from '../template/rich-text.ts';
import { normalizeLabel } from '../template/validate-labels.ts';
import {
	MAX_CHECKLIST_ITEM_LENGTH,
	MAX_CHECKLIST_ITEMS,
	MAX_CUSTOM_ROLES,
	MAX_DREJEBOG_TITLE_LENGTH,
	MAX_GUIDANCE_LENGTH,
	MAX_INTRODUCTION_LENGTH,
	MAX_OFFSET_WEEKS,
	MAX_ROLE_LABEL_LENGTH,
	MAX_STAGE_LABEL_LENGTH,
	MAX_STAGES,
	MAX_STEP_TITLE_LENGTH,
	MAX_STEPS_PER_STAGE,
	MAX_WHEN_TEXT_LENGTH
} from './limits.ts';
import { drejebogProblem, type DrejebogCollector, type DrejebogProblemCode } from './problems.ts';
import type { Drejebog, Stage, Step } from './schemas.ts';

type TextCheck = {
	value: string;
	max: number;
	path: string[];
	params: Record<string, string | number>;
	/** Codes for an empty and a too long text; no `empty` when the text may be empty. */
	empty?: DrejebogProblemCode;
	tooLong: DrejebogProblemCode;
	add: DrejebogCollector;
};

/** Empty, too long and forbidden-character checks of one plain text. */
export function checkText(check: TextCheck): void {
	const { value, path, params, add } = check;
	const trimmed = value.trim();
	if (check.empty && (trimmed === '' || isBlankText(trimmed))) {
		add(drejebogProblem(check.empty, path, params));
		return;
	}
	if (trimmed.length > check.max) {
		add(drejebogProblem(check.tooLong, path, { ...params, max: check.max }));
	}
	if (hasForbiddenCharacters(trimmed)) add(drejebogProblem('text.invalidCharacters', path, params));
}

function checkRich(
	value: RichText,
	max: number,
	code: DrejebogProblemCode,
	path: string[],
	params: Record<string, string | number>,
	add: DrejebogCollector
): void {
	if (richTextToPlainText(value).length > max) add(drejebogProblem(code, path, { ...params, max }));
}

function checkWhen(step: Step, path: string[], title: string, add: DrejebogCollector): void {
	const { when } = step;
	const params = { step: title };
	if (when.kind === 'free') {
		checkText({
			value: when.text,
			max: MAX_WHEN_TEXT_LENGTH,
			path: [...path, 'when'],
			params,
			empty: 'step.when.text.empty',
			tooLong: 'step.when.text.tooLong',
			add
		});
	} else if (!Number.isInteger(when.offsetWeeks) || Math.abs(when.offsetWeeks) > MAX_OFFSET_WEEKS) {
		add(
			drejebogProblem('step.when.offset.outOfRange', [...path, 'when'], {
				...params,
				max: MAX_OFFSET_WEEKS
			})
		);
	}
}

function checkStep(
	step: Step,
	stagePath: string[],
	position: number,
	add: DrejebogCollector
): void {
	const path = [...stagePath, 'steps', step.id];
	const title = step.title.trim();
	const params = { step: title, position };
	checkText({
		value: step.title,
		max: MAX_STEP_TITLE_LENGTH,
		path: [...path, 'title'],
		params,
		empty: 'step.title.empty',
		tooLong: 'step.title.tooLong',
		add
	});
	checkRich(
		step.guidance,
		MAX_GUIDANCE_LENGTH,
		'step.guidance.tooLong',
		[...path, 'guidance'],
		params,
		add
	);
	const { who } = step;
	if (who.roles.length === 0 && who.customRoles.length === 0) {
		add(drejebogProblem('step.who.none', [...path, 'who'], params));
	}
	if (who.customRoles.length > MAX_CUSTOM_ROLES) {
		add(
			drejebogProblem('step.customRoles.tooMany', [...path, 'who'], {
				...params,
				max: MAX_CUSTOM_ROLES
			})
		);
	}
	for (const role of who.customRoles) {
		checkText({
			value: role.label,
			max: MAX_ROLE_LABEL_LENGTH,
			path: [...path, 'who', role.id],
			params,
			empty: 'step.customRole.empty',
			tooLong: 'step.customRole.tooLong',
			add
		});
	}
	checkWhen(step, path, title, add);
	if (step.checklist.length > MAX_CHECKLIST_ITEMS) {
		add(
			drejebogProblem('step.checklist.tooMany', [...path, 'checklist'], {
				...params,
				max: MAX_CHECKLIST_ITEMS
			})
		);
	}
	step.checklist.forEach((item, index) => {
		checkText({
			value: item.text,
			max: MAX_CHECKLIST_ITEM_LENGTH,
			path: [...path, 'checklist', item.id, 'text'],
			params: { step: title, position: index + 1 },
			empty: 'checklistItem.text.empty',
			tooLong: 'checklistItem.text.tooLong',
			add
		});
	});
}

function checkStage(
	stage: Stage,
	position: number,
	seen: Set<string>,
	add: DrejebogCollector
): void {
	const path = ['stages', stage.id];
	const label = stage.label.trim();
	const params = { label, position };
	checkText({
		value: stage.label,
		max: MAX_STAGE_LABEL_LENGTH,
		path: [...path, 'label'],
		params,
		empty: 'stage.label.empty',
		tooLong: 'stage.label.tooLong',
		add
	});
	const key = normalizeLabel(stage.label);
	if (key !== '' && seen.has(key)) {
		add(drejebogProblem('stage.label.duplicate', [...path, 'label'], params));
	}
	seen.add(key);
	if (stage.steps.length > MAX_STEPS_PER_STAGE) {
		add(drejebogProblem('stage.tooManySteps', path, { ...params, max: MAX_STEPS_PER_STAGE }));
	}
	stage.steps.forEach((step, index) => checkStep(step, path, index + 1, add));
}

/** Every problem of `drejebog` that does not depend on the template. */
export function checkOwn(drejebog: Drejebog, add: DrejebogCollector): void {
	checkText({
		value: drejebog.title,
		max: MAX_DREJEBOG_TITLE_LENGTH,
		path: ['title'],
		params: {},
		empty: 'title.empty',
		tooLong: 'title.tooLong',
		add
	});
	checkRich(
		drejebog.introduction,
		MAX_INTRODUCTION_LENGTH,
		'introduction.tooLong',
		['introduction'],
		{},
		add
	);
	const { stages } = drejebog;
	if (stages.length === 0) add(drejebogProblem('stages.none', ['stages']));
	if (stages.length > MAX_STAGES) {
		add(drejebogProblem('stages.tooMany', ['stages'], { count: stages.length, max: MAX_STAGES }));
	}
	const seen = new Set<string>();
	stages.forEach((stage, index) => checkStage(stage, index + 1, seen, add));
	if (stages.length > 0 && stages.every((stage) => stage.steps.length === 0)) {
		add(drejebogProblem('steps.none', ['stages', stages[0].id, 'steps']));
	}
}
