/**
 * `validateDrejebog` lists every problem that keeps a drejebog from being published, so the
 * editor can show them all at once (live, like the template's) and publishing can refuse with the
 * full list. A drejebog is checked against the workshop's template: links and timings must name
 * parts it has, and it must say how every measurement point and every rater is handled.
 */
import type { Template } from '../template/schemas.ts';
import type { DrejebogProblem } from './problems.ts';
import type { Drejebog } from './schemas.ts';
import { checkSteps } from './validate-coverage.ts';
import { checkOwn } from './validate-own.ts';
import { checkRulesAgainst, checkRulesOwn } from './validate-rules.ts';

/**
 * The problems of `drejebog` that need no template: what the editor shows while the template has
 * not loaded yet. A drejebog is publishable only when `validateDrejebog` finds nothing.
 */
export function validateDrejebogOwn(drejebog: Drejebog): DrejebogProblem[] {
	const problems: DrejebogProblem[] = [];
	const add = (p: DrejebogProblem) => problems.push(p);
	checkOwn(drejebog, add);
	checkRulesOwn(drejebog, add);
	return problems;
}

/**
 * Every problem of `drejebog` against the workshop's `template`; an empty list means it can be
 * published. The template should be a whole one (`readTemplate` gives one; a stored template of
 * the first pass goes through `completeTemplate` first).
 */
export function validateDrejebog(drejebog: Drejebog, template: Template): DrejebogProblem[] {
	const problems = validateDrejebogOwn(drejebog);
	const add = (p: DrejebogProblem) => problems.push(p);
	checkSteps(drejebog, template, add);
	checkRulesAgainst(drejebog, template, add);
	return problems;
}
