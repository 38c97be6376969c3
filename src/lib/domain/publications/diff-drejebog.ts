/**
 * The diff of the drejebog: its title and introduction, the stages, and the steps in them (added,
 * removed, moved within a stage or to another one, and changed: title and guidance word by word,
 * who, when, the linked part, what it produces, the checklist). The rules ("CV og Min Plan",
 * "Hurtig reaktion") are in `diff-drejebog-rules.ts`. Timings and links are said with the
 * templates' labels (`describe.ts` of the drejebog domain).
 */
import type { Drejebog, Step } from '../drejebog/schemas.ts';
import { linkTerm, whenTerm, type TemplateLabels } from '../drejebog/describe.ts';
import type { Template } from '../template/schemas.ts';
import { term, type TermValue } from '../terms.ts';
import { canonicalJson } from './canonical.ts';
import { change, diffItems, diffRichText, diffText, type ChangeSink } from './diff-core.ts';
import { diffGrouped, type Grouped } from './diff-grouped.ts';
import { diffCvPlan, diffReactions } from './diff-drejebog-rules.ts';

const D = 'drejebog';

/**
 * The labels of both templates' parts, the newer first: a timing or rule that names a point the
 * newer template no longer has is still said with the name it had.
 */
export function labelsOfBoth(before: Template, after: Template): NonNullable<TemplateLabels> {
	return {
		measurementPoints: [...after.measurementPoints, ...before.measurementPoints],
		areas: [...after.areas, ...before.areas],
		freeTextSections: [...after.freeTextSections, ...before.freeTextSections],
		raters: [...after.raters, ...before.raters]
	};
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** Roles added to or removed from a step: standard roles by name, custom ones by id. */
function diffWho(sink: ChangeSink, a: Step, b: Step, path: string[]): void {
	const title = b.title;
	const whoPath = [...path, 'who'];
	const roleChange = (added: boolean, role: TermValue, id: string) =>
		sink(
			change('changed', 'step', added ? 'roleAdded' : 'roleRemoved', [...whoPath, id], {
				title,
				role
			})
		);
	for (const role of b.who.roles.filter((r) => !a.who.roles.includes(r))) {
		roleChange(true, term(`drejebog.role.${role}`), role);
	}
	for (const role of a.who.roles.filter((r) => !b.who.roles.includes(r))) {
		roleChange(false, term(`drejebog.role.${role}`), role);
	}
	const oldCustom = new Map(a.who.customRoles.map((role) => [role.id, role]));
	const newIds = new Set(b.who.customRoles.map((role) => role.id));
	for (const role of a.who.customRoles.filter((r) => !newIds.has(r.id))) {
		roleChange(false, role.label, role.id);
	}
	for (const role of b.who.customRoles) {
		const old = oldCustom.get(role.id);
		if (!old) {
			roleChange(true, role.label, role.id);
			continue;
		}
		diffText(sink, old.label, role.label, (extra) =>
			change(
				'changed',
				'customRole',
				'renamed',
				[...whoPath, role.id],
				{ title, role: role.label, from: old.label },
				extra
			)
		);
	}
}

function diffChecklist(sink: ChangeSink, a: Step, b: Step, path: string[]): void {
	const itemPath = (id: string) => [...path, 'checklist', id];
	const kept = diffItems(sink, {
		subject: 'checklistItem',
		before: a.checklist,
		after: b.checklist,
		path: (item) => itemPath(item.id),
		describe: (item) => ({ title: b.title, text: item.text })
	});
	for (const { before: old, after: now } of kept) {
		diffText(sink, old.text, now.text, (extra) =>
			change(
				'changed',
				'checklistItem',
				'text',
				itemPath(now.id),
				{ title: b.title, text: now.text },
				extra
			)
		);
	}
}

function diffStepFields(
	sink: ChangeSink,
	old: Grouped<Step>,
	now: Grouped<Step>,
	labels: TemplateLabels
): void {
	const [a, b] = [old.item, now.item];
	const path = [D, 'stages', now.groupId, 'steps', b.id];
	const title = b.title;
	diffText(sink, a.title, b.title, (extra) =>
		change('changed', 'step', 'title', [...path, 'title'], { stage: now.groupLabel, title }, extra)
	);
	diffRichText(sink, a.guidance, b.guidance, (extra) =>
		change('changed', 'step', 'guidance', [...path, 'guidance'], { title }, extra)
	);
	diffWho(sink, a, b, path);
	if (a.when.kind === 'free' && b.when.kind === 'free') {
		diffText(sink, a.when.text, b.when.text, (extra) =>
			change('changed', 'step', 'whenText', [...path, 'when'], { title }, extra)
		);
	} else if (!same(a.when, b.when)) {
		const when = whenTerm(b.when, labels);
		sink(change('changed', 'step', 'when', [...path, 'when'], { title, when }));
	}
	if (!same(a.link, b.link)) {
		const link = linkTerm(b.link, labels) ?? term('drejebog.link.none');
		sink(change('changed', 'step', 'link', [...path, 'link'], { title, link }));
	}
	if (a.produces !== b.produces) {
		const product = term(`drejebog.product.${b.produces}`);
		sink(change('changed', 'step', 'produces', [...path, 'produces'], { title, product }));
	}
	diffChecklist(sink, a, b, path);
}

function diffStages(sink: ChangeSink, before: Drejebog, after: Drejebog): void {
	const path = (id: string) => [D, 'stages', id];
	const kept = diffItems(sink, {
		subject: 'stage',
		before: before.stages,
		after: after.stages,
		path: (stage) => path(stage.id),
		describe: (stage) => ({ label: stage.label })
	});
	for (const { before: a, after: b } of kept) {
		diffText(sink, a.label, b.label, (extra) =>
			change('changed', 'stage', 'renamed', path(b.id), { label: b.label, from: a.label }, extra)
		);
	}
}

function diffSteps(
	sink: ChangeSink,
	before: Drejebog,
	after: Drejebog,
	labels: TemplateLabels
): void {
	const groups = (drejebog: Drejebog) =>
		drejebog.stages.map((stage) => ({ id: stage.id, label: stage.label, items: stage.steps }));
	const kept = diffGrouped(sink, {
		subject: 'step',
		movedGroup: 'movedStage',
		before: groups(before),
		after: groups(after),
		path: (step) => [D, 'stages', step.groupId, 'steps', step.id],
		describe: (step) => ({ stage: step.groupLabel, title: step.item.title })
	});
	for (const { before: old, after: now } of kept) diffStepFields(sink, old, now, labels);
}

/** Every change of the drejebog, in reading order; `templates` give the parts' labels. */
export function diffDrejebog(
	sink: ChangeSink,
	before: Drejebog,
	after: Drejebog,
	templates: { before: Template; after: Template }
): void {
	const labels = labelsOfBoth(templates.before, templates.after);
	diffText(sink, before.title, after.title, (extra) =>
		change(
			'changed',
			'drejebogTitle',
			'changed',
			[D, 'title'],
			{ from: before.title, to: after.title },
			extra
		)
	);
	diffRichText(sink, before.introduction, after.introduction, (extra) =>
		change('changed', 'introduction', 'changed', [D, 'introduction'], {}, extra)
	);
	diffStages(sink, before, after);
	diffSteps(sink, before, after, labels);
	diffCvPlan(sink, before.cvPlan, after.cvPlan, labels);
	diffReactions(sink, before.reactions, after.reactions, labels);
}
