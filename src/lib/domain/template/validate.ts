/**
 * `validateTemplate` lists every problem that makes a template unusable, so the editor can show
 * them all at once and the phase change to Dag 2 can refuse with the full list.
 */
import {
	MAX_AREAS,
	MAX_FREE_TEXT_SECTIONS,
	MAX_HEADER_FIELDS,
	MAX_LABEL_LENGTH,
	MAX_LEVEL_LABEL_LENGTH,
	MAX_MEASUREMENT_POINTS,
	MAX_RATERS,
	MAX_SCALE_LEVELS,
	MAX_SIGNATURE_TEXT_LENGTH,
	MAX_STATEMENT_LENGTH,
	MAX_STATEMENTS_PER_AREA,
	MAX_TEMPLATE_TITLE_LENGTH,
	MIN_SCALE_LEVELS
} from '../limits.ts';
import { problem, type Problem, type ProblemCode, type ProblemPath } from './problems.ts';
import type { Scale, Template, TemplateCore } from './schemas.ts';
import { completeTemplate } from './template-core.ts';
import { checkLabels, checkRichText, type Collector, type Labelled } from './validate-labels.ts';
import { checkCvPhrase, checkSecondPass, checkTimings } from './validate-plan.ts';

export { normalizeLabel } from './validate-labels.ts';

function checkScale(scale: Scale, path: ProblemPath, owner: string, add: Collector): void {
	const count = scale.levels.length;
	if (count < MIN_SCALE_LEVELS) {
		add(problem('scale.tooFewLevels', path, { owner, count, min: MIN_SCALE_LEVELS }));
	}
	if (count > MAX_SCALE_LEVELS) {
		add(problem('scale.tooManyLevels', path, { owner, count, max: MAX_SCALE_LEVELS }));
	}
	const levelPath = (item: Labelled) => [...path, 'levels', item.id, 'label'];
	const params = { owner };
	checkLabels({
		items: scale.levels,
		prefix: 'level.label',
		max: MAX_LEVEL_LABEL_LENGTH,
		path: levelPath,
		params,
		add
	});
	for (const level of scale.levels) {
		const descriptorPath = [...path, 'levels', level.id, 'descriptor'];
		const levelParams = { owner, label: level.label };
		checkRichText({
			value: level.descriptor,
			code: 'level.descriptor.tooLong',
			path: descriptorPath,
			params: levelParams,
			add
		});
	}
}

function checkAreas(template: Template, add: Collector): void {
	if (template.areas.length === 0) add(problem('areas.none', ['areas']));
	if (template.areas.length > MAX_AREAS) {
		add(problem('areas.tooMany', ['areas'], { count: template.areas.length, max: MAX_AREAS }));
	}
	const areaPath = (item: Labelled) => ['areas', item.id, 'label'];
	checkLabels({
		items: template.areas,
		prefix: 'area.label',
		max: MAX_LABEL_LENGTH,
		path: areaPath,
		add
	});
	for (const area of template.areas) {
		const path = ['areas', area.id];
		const owner = area.label.trim();
		const count = area.statements.length;
		if (count === 0) add(problem('area.noStatements', path, { label: owner }));
		if (count > MAX_STATEMENTS_PER_AREA) {
			add(
				problem('area.tooManyStatements', path, {
					label: owner,
					count,
					max: MAX_STATEMENTS_PER_AREA
				})
			);
		}
		checkScale(area.scale, [...path, 'scale'], owner, add);
		const statements = area.statements.map((s) => ({ id: s.id, label: s.text }));
		const statementPath = (item: Labelled) => [...path, 'statements', item.id, 'text'];
		const params = { area: owner };
		checkLabels({
			items: statements,
			prefix: 'statement.text',
			max: MAX_STATEMENT_LENGTH,
			path: statementPath,
			params,
			add
		});
		for (const statement of area.statements) {
			const spath = [...path, 'statements', statement.id];
			const sparams = { area: owner, label: statement.text.trim() };
			checkRichText({
				value: statement.description,
				code: 'statement.description.tooLong',
				path: [...spath, 'description'],
				params: sparams,
				add
			});
			checkCvPhrase(statement, spath, owner, add);
			if (statement.scale) {
				checkScale(statement.scale, [...spath, 'scale'], statement.text.trim(), add);
			}
		}
	}
}

/** Checks a simple labelled list (measurement points, raters, header fields, free-text sections). */
function checkList(options: {
	items: readonly Labelled[];
	key: 'measurementPoints' | 'raters' | 'headerFields' | 'freeTextSections';
	singular: 'measurementPoint' | 'rater' | 'headerField' | 'freeTextSection';
	max: number;
	isRequired: boolean;
	add: Collector;
}): void {
	const { items, key, add } = options;
	if (options.isRequired && items.length === 0) add(problem(`${key}.none` as ProblemCode, [key]));
	if (items.length > options.max) {
		add(problem(`${key}.tooMany` as ProblemCode, [key], { count: items.length, max: options.max }));
	}
	const path = (item: Labelled) => [key, item.id, 'label'];
	checkLabels({ items, prefix: `${options.singular}.label`, max: MAX_LABEL_LENGTH, path, add });
}

/**
 * Every problem that makes `template` unusable; an empty list means it can be used. A template
 * stored before the second pass (no rating plan, goals, ...) is checked with the parts
 * `completeTemplate` derives for it.
 */
export function validateTemplate(input: Template | TemplateCore): Problem[] {
	const template: Template = completeTemplate(input);
	const problems: Problem[] = [];
	const add: Collector = (p) => problems.push(p);
	const title = template.title.trim();
	if (title === '') add(problem('title.empty', ['title']));
	if (title.length > MAX_TEMPLATE_TITLE_LENGTH) {
		add(problem('title.tooLong', ['title'], { max: MAX_TEMPLATE_TITLE_LENGTH }));
	}
	const { headerFields, measurementPoints, raters, freeTextSections } = template;
	checkList({
		items: headerFields,
		key: 'headerFields',
		singular: 'headerField',
		max: MAX_HEADER_FIELDS,
		isRequired: false,
		add
	});
	checkAreas(template, add);
	checkList({
		items: measurementPoints,
		key: 'measurementPoints',
		singular: 'measurementPoint',
		max: MAX_MEASUREMENT_POINTS,
		isRequired: true,
		add
	});
	checkTimings(template, add);
	checkList({
		items: raters,
		key: 'raters',
		singular: 'rater',
		max: MAX_RATERS,
		isRequired: true,
		add
	});
	checkList({
		items: freeTextSections,
		key: 'freeTextSections',
		singular: 'freeTextSection',
		max: MAX_FREE_TEXT_SECTIONS,
		isRequired: false,
		add
	});
	for (const section of freeTextSections) {
		const path = ['freeTextSections', section.id, 'guidance'];
		checkRichText({
			value: section.guidance,
			code: 'freeTextSection.guidance.tooLong',
			path,
			params: { label: section.label.trim() },
			add
		});
	}
	const { signature } = template;
	if (signature.text.trim().length > MAX_SIGNATURE_TEXT_LENGTH) {
		add(
			problem('signature.text.tooLong', ['signature', 'text'], { max: MAX_SIGNATURE_TEXT_LENGTH })
		);
	}
	checkSecondPass(template, add);
	return problems;
}
