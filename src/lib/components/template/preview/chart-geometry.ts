/**
 * Where the progression chart draws: the chart is as wide in SVG units as on the screen (between
 * `MIN_CHART_WIDTH` and `MAX_CHART_WIDTH`), so its 12 px labels are 12 px when shown and are never
 * scaled down. When the measuring points stand too close for their labels, the labels turn.
 */
import type { ProgressionSeries } from '#lib/domain/template/index.ts';

/** Narrower than this the chart scales down rather than losing its plot area. */
export const MIN_CHART_WIDTH = 240;
/** Wider than this the lines get no clearer; it also fits an A4 page's width when printed. */
export const MAX_CHART_WIDTH = 640;
const HEIGHT = 240;
/** Below this many pixels between two points, a point's label would run into the next one. */
const CROWDED_STEP = 72;

export type ChartGeometry = {
	width: number;
	height: number;
	/** True when the point labels are turned to fit. */
	isCrowded: boolean;
	left: number;
	right: number;
	top: number;
	bottom: number;
	x: (index: number) => number;
	y: (value: number) => number;
};

/** The chart's size and scales for a container `available` pixels wide with `pointCount` points. */
export function chartGeometry(available: number, pointCount: number): ChartGeometry {
	const width = Math.round(Math.min(MAX_CHART_WIDTH, Math.max(MIN_CHART_WIDTH, available)));
	const left = 56;
	const right = width - 20;
	const step = pointCount > 1 ? (right - left) / (pointCount - 1) : 0;
	const isCrowded = pointCount > 1 && step < CROWDED_STEP;
	const top = 16;
	const bottom = HEIGHT - (isCrowded ? 64 : 36);
	const height = HEIGHT;
	return {
		width,
		height,
		isCrowded,
		left,
		right,
		top,
		bottom,
		x: (index) => (pointCount > 1 ? left + index * step : (left + right) / 2),
		y: (value) => top + (1 - value) * (bottom - top)
	};
}

/**
 * The SVG path of a line. It runs on past points at which the rater does not rate (when the plan
 * has the young person rate at the start and the end, one line joins the two), and breaks where a
 * planned rating has no value.
 */
export function linePath(
	series: Pick<ProgressionSeries, 'points'>,
	geometry: ChartGeometry
): string {
	let path = '';
	let isDrawing = false;
	series.points.forEach((point, index) => {
		if (!point.isPlanned) return;
		if (point.value === null) {
			isDrawing = false;
			return;
		}
		path += `${isDrawing ? 'L' : 'M'}${geometry.x(index)},${geometry.y(point.value)} `;
		isDrawing = true;
	});
	return path.trim();
}
