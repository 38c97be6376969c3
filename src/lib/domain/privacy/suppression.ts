/**
 * Small-group suppression for the progression statistics (issue 14): no figure built from fewer
 * than five young people is shown. A figure is a cell: its value and its basis, the set of young
 * people it is built from.
 *
 * Three rules, applied in this order:
 * 1. Primary: a cell whose basis has 1-4 young people is hidden. An empty cell (nobody) is
 *    shown as 0 only when it is not needed to protect another (rule 2).
 * 2. Secondary, within a row of cells that add up to a total a reader can know (the stages of
 *    the cases, the levels at a point, the next steps): when the hidden cells together hold 1-4
 *    young people, the smallest shown cells are hidden as well until they hold 0 or at least
 *    five, so the total minus the shown cells gives nothing away.
 * 3. Narrowing (`suppressNarrowed`): a request narrowed to one target group could be subtracted
 *    from the whole group's answer. A narrowed cell is therefore shown only when the same cell is
 *    shown (or empty) in the table of every target-group part, each suppressed with rules 1-2.
 *    Whatever one subtracts, the result is then a sum of parts that are each empty or of five and
 *    more young people.
 */

/** Smallest group a figure may be built from. */
export const MIN_GROUP = 5;

/** One figure: a key unique within its table, the value and whom it is built from. */
export type Cell = { key: string; value: number; basis: ReadonlySet<string> };
/** Cells that add up to a total a reader may know (one cell alone is a row too). */
export type Row = readonly Cell[];

/** The keys of the cells that may be shown, by rules 1 and 2. */
export function shownCells(rows: readonly Row[]): Set<string> {
	const shown = new Set<string>();
	for (const row of rows) {
		const visible = row.filter((c) => c.basis.size >= MIN_GROUP);
		const hidden = row.filter((c) => c.basis.size < MIN_GROUP);
		let hiddenPeople = union(hidden.map((c) => c.basis)).size;
		visible.sort((a, b) => a.basis.size - b.basis.size);
		while (hiddenPeople > 0 && hiddenPeople < MIN_GROUP && visible.length > 0) {
			const next = visible.shift() as Cell;
			hidden.push(next);
			hiddenPeople = union(hidden.map((c) => c.basis)).size;
		}
		for (const cell of visible) shown.add(cell.key);
		// An empty cell is shown as 0 unless rule 2 had to hide cells in its row.
		if (hidden.every((c) => c.basis.size === 0)) {
			for (const cell of hidden) shown.add(cell.key);
		}
	}
	return shown;
}

/**
 * The keys a narrowed table may show (rule 3): `parts` are the tables of every part of the
 * whole group (one per target group, and the cases without one), built with the same keys;
 * `own` is the index of the part asked for.
 */
export function suppressNarrowed(parts: readonly (readonly Row[])[], own: number): Set<string> {
	const shownPerPart = parts.map((rows) => ({ rows, shown: shownCells(rows) }));
	const result = new Set<string>();
	for (const key of shownPerPart[own].shown) {
		const isSafe = shownPerPart.every(({ rows, shown }) => {
			const cell = findCell(rows, key);
			return !cell || cell.basis.size === 0 || shown.has(key);
		});
		if (isSafe) result.add(key);
	}
	return result;
}

function findCell(rows: readonly Row[], key: string): Cell | undefined {
	for (const row of rows) for (const cell of row) if (cell.key === key) return cell;
	return undefined;
}

function union(sets: readonly ReadonlySet<string>[]): Set<string> {
	const all = new Set<string>();
	for (const set of sets) for (const item of set) all.add(item);
	return all;
}
