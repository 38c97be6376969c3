/**
 * The Danish starter drejebog, written from STAR's sheet (seed 001): every item of its three
 * columns is a step with roles, timing, the part of the læringsbevis it is about, what it produces
 * and a checklist, plus a rating step at every measurement point of the template and the default
 * "CV og Min Plan" and "Hurtig reaktion" rules. `starterDrejebog(template)` makes it for one
 * template: links name that template's parts by id, and the rating steps name the raters who rate
 * at each point, so the result covers every point and rater (`validateDrejebog` finds nothing).
 */
import starterFile from './starter.json' with { type: 'json' };
import { plannedCells } from '../template/plan.ts';
import { emptyRichText, textToRichText } from '../template/rich-text.ts';
import type { MeasurementPoint, Template } from '../template/schemas.ts';
import { normalizeLabel } from '../template/validate-labels.ts';
import { defaultCvPlan } from './defaults.ts';
import { standardRoleOfRater } from './roles.ts';
import {
	STANDARD_ROLES,
	type Drejebog,
	type Link,
	type Reaction,
	type Stage,
	type Step,
	type When,
	type Who
} from './schemas.ts';
import {
	starterDrejebogSchema,
	type StarterDrejebog,
	type StarterLink,
	type StarterStep,
	type StarterWhen
} from './starter-schema.ts';

/** The starter as authored, parsed once so a broken file fails loudly (and in the unit tests). */
export const STARTER_DREJEBOG: StarterDrejebog = starterDrejebogSchema.parse(starterFile);

/** The id prefix of the starter's items. */
const PREFIX = 'star';

/** Where a step written from the starter is: the point of an `at` step, else none. */
type Context = { template: Template; point: MeasurementPoint | null };

function pointOf(ctx: Context, which: 'first' | 'last' | 'current'): MeasurementPoint | null {
	const points = ctx.template.measurementPoints;
	if (which === 'current') return ctx.point;
	return (which === 'first' ? points[0] : points.at(-1)) ?? null;
}

function toWhen(when: StarterWhen, ctx: Context): When {
	if (when.kind !== 'point') return when;
	const point = pointOf(ctx, when.point);
	if (point) return { kind: 'point', measurementPointId: point.id, offsetWeeks: when.offsetWeeks };
	// A template without points: the nearest moment the starter means.
	return { kind: when.point === 'last' ? 'end' : 'start', offsetWeeks: when.offsetWeeks };
}

function toLink(link: StarterLink, ctx: Context): Link | null {
	if (link === null || link.kind === 'goals') return link;
	const { template } = ctx;
	if (link.kind === 'measurementPoint') {
		const point = pointOf(ctx, link.point);
		return point ? { kind: 'measurementPoint', id: point.id } : null;
	}
	if (link.kind === 'area') {
		const area = template.areas.find((a) => a.category === link.category);
		return area ? { kind: 'area', id: area.id } : null;
	}
	const wanted = normalizeLabel(link.label);
	const section = template.freeTextSections.find((s) => normalizeLabel(s.label) === wanted);
	return section ? { kind: 'freeTextSection', id: section.id } : null;
}

/** The step's roles, plus (for a rating step) the raters who rate at its point. */
function toWho(step: StarterStep, ctx: Context, stepId: string): Who {
	const roles = new Set(step.who);
	const customRoles: Who['customRoles'] = [];
	const point = ctx.point;
	if (step.whoRaters && point) {
		const raterIds = new Set(
			plannedCells(ctx.template)
				.filter((cell) => cell.measurementPointId === point.id)
				.map((cell) => cell.raterId)
		);
		for (const rater of ctx.template.raters.filter((r) => raterIds.has(r.id))) {
			const role = standardRoleOfRater(rater.label);
			if (role) roles.add(role);
			else customRoles.push({ id: `${stepId}-r${customRoles.length + 1}`, label: rater.label });
		}
	}
	return { roles: STANDARD_ROLES.filter((role) => roles.has(role)), customRoles };
}

function toStep(step: StarterStep, ctx: Context, id: string): Step {
	return {
		id,
		title: step.title.replaceAll('{punkt}', ctx.point?.label.trim() ?? ''),
		guidance: textToRichText(step.guidance),
		who: toWho(step, ctx, id),
		when: toWhen(step.when, ctx),
		link: toLink(step.link, ctx),
		produces: step.produces,
		checklist: step.checklist.map((text, index) => ({ id: `${id}-c${index + 1}`, text }))
	};
}

/** The measurement points an `at` step is written for. */
function pointsFor(at: NonNullable<StarterStep['at']>, template: Template): MeasurementPoint[] {
	const points = template.measurementPoints;
	if (at === 'middle') return points.slice(1, -1);
	const point = at === 'first' ? points[0] : points.at(-1);
	return point ? [point] : [];
}

function toReactions(template: Template): Reaction[] {
	const points = template.measurementPoints;
	return STARTER_DREJEBOG.reactions.flatMap((reaction, index): Reaction[] => {
		const id = `${PREFIX}-q${index + 1}`;
		const { condition, action } = reaction;
		if (condition.kind === 'noProgress') {
			const from = points[condition.fromPoint - 1];
			const to = points[condition.toPoint - 1];
			if (!from || !to) return [];
			return [
				{ id, action, condition: { kind: 'noProgress', fromPointId: from.id, toPointId: to.id } }
			];
		}
		if (condition.kind === 'missedRating') {
			return [
				{ id, action, condition: { kind: 'missedRating', days: condition.days, raterId: null } }
			];
		}
		return [{ id, action, condition }];
	});
}

function sectionIds(labels: readonly string[], template: Template): string[] {
	return labels.flatMap((label) => {
		const wanted = normalizeLabel(label);
		return template.freeTextSections
			.filter((s) => normalizeLabel(s.label) === wanted)
			.map((s) => s.id);
	});
}

/** The starter drejebog made for `template` (see the module comment); ids are deterministic. */
export function starterDrejebog(template: Template): Drejebog {
	let stepCount = 0;
	const stages: Stage[] = STARTER_DREJEBOG.stages.map((stage, index) => ({
		id: `${PREFIX}-st${index + 1}`,
		label: stage.label,
		steps: stage.steps.flatMap((step) => {
			const points = step.at ? pointsFor(step.at, template) : [null];
			return points.map((point) => toStep(step, { template, point }, `${PREFIX}-t${++stepCount}`));
		})
	}));
	const { cvSections, minPlanSections } = STARTER_DREJEBOG.cvPlan;
	return {
		title: STARTER_DREJEBOG.title,
		starterId: 'star',
		introduction: emptyRichText(),
		stages,
		cvPlan: {
			...defaultCvPlan(),
			cvSectionIds: sectionIds(cvSections, template),
			minPlanSectionIds: sectionIds(minPlanSections, template)
		},
		reactions: toReactions(template)
	};
}
