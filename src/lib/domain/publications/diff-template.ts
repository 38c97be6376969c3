/**
 * The diff of a template's competence areas, their statements and the levels of every scale:
 * added, removed, moved (a statement also between areas) and changed, with the changed texts
 * word by word.
 */
import type { CompetenceArea, Scale, Statement, Template } from '../template/schemas.ts';
import { change, diffItems, diffRichText, diffText, type ChangeSink } from './diff-core.ts';
import { diffGrouped, type Group, type Grouped } from './diff-grouped.ts';

const AREAS = ['template', 'areas'];

function diffScale(
	sink: ChangeSink,
	before: Scale,
	after: Scale,
	owner: { label: string; path: string[] }
): void {
	const levelPath = (id: string) => [...owner.path, 'levels', id];
	const kept = diffItems(sink, {
		subject: 'level',
		before: before.levels,
		after: after.levels,
		path: (level) => levelPath(level.id),
		describe: (level) => ({ owner: owner.label, label: level.label })
	});
	for (const { before: a, after: b } of kept) {
		const path = levelPath(b.id);
		const params = { owner: owner.label, label: b.label, from: a.label };
		diffText(sink, a.label, b.label, (extra) =>
			change('changed', 'level', 'renamed', path, params, extra)
		);
		diffRichText(sink, a.descriptor, b.descriptor, (extra) =>
			change('changed', 'level', 'descriptor', [...path, 'descriptor'], params, extra)
		);
	}
}

function diffAreaFields(sink: ChangeSink, a: CompetenceArea, b: CompetenceArea): void {
	const path = [...AREAS, b.id];
	diffText(sink, a.label, b.label, (extra) =>
		change('changed', 'area', 'renamed', path, { label: b.label, from: a.label }, extra)
	);
	if (a.category !== b.category) {
		sink(change('changed', 'area', `category.${b.category}`, path, { label: b.label }));
	}
	diffScale(sink, a.scale, b.scale, { label: b.label, path: [...path, 'scale'] });
}

type Placed = Grouped<Statement>;

function statementPath(statement: Placed): string[] {
	return [...AREAS, statement.groupId, 'statements', statement.id];
}

function diffStatementFields(sink: ChangeSink, old: Placed, now: Placed): void {
	const [a, b] = [old.item, now.item];
	const path = statementPath(now);
	const params = { area: now.groupLabel, text: b.text, from: a.text };
	diffText(sink, a.text, b.text, (extra) =>
		change('changed', 'statement', 'text', [...path, 'text'], params, extra)
	);
	diffRichText(sink, a.description, b.description, (extra) =>
		change('changed', 'statement', 'description', [...path, 'description'], params, extra)
	);
	diffText(sink, a.cvPhrase, b.cvPhrase, (extra) =>
		change('changed', 'statement', 'cvPhrase', [...path, 'cvPhrase'], params, extra)
	);
	if (a.kind !== b.kind) sink(change('changed', 'statement', `kind.${b.kind}`, path, params));
	if (!a.scale && b.scale) sink(change('changed', 'statement', 'scaleOwn', path, params));
	if (a.scale && !b.scale) sink(change('changed', 'statement', 'scaleShared', path, params));
	if (a.scale && b.scale) {
		diffScale(sink, a.scale, b.scale, { label: b.text, path: [...path, 'scale'] });
	}
}

/** The areas as groups of statements. */
function statementGroups(template: Template): Group<Statement>[] {
	return template.areas.map((area) => ({ id: area.id, label: area.label, items: area.statements }));
}

/**
 * Statements across the whole template: one that changed area is "moved from … to …"; within an
 * area, those whose place among the area's statements changed are "moved".
 */
function diffStatements(sink: ChangeSink, before: Template, after: Template): void {
	const kept = diffGrouped(sink, {
		subject: 'statement',
		movedGroup: 'movedArea',
		before: statementGroups(before),
		after: statementGroups(after),
		path: statementPath,
		describe: (statement) => ({ area: statement.groupLabel, text: statement.item.text })
	});
	for (const { before: old, after: now } of kept) diffStatementFields(sink, old, now);
}

/** Areas (with their scales) and statements (with their own scales). */
export function diffAreasAndStatements(sink: ChangeSink, before: Template, after: Template): void {
	const kept = diffItems(sink, {
		subject: 'area',
		before: before.areas,
		after: after.areas,
		path: (area) => [...AREAS, area.id],
		describe: (area) => ({ label: area.label })
	});
	for (const { before: a, after: b } of kept) diffAreaFields(sink, a, b);
	diffStatements(sink, before, after);
}
