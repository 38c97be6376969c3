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
 *    five, so the total minus the shown cells gives nothing away. "Hold" counts the row's
 *    people in no shown cell (someone with two cases may be in a hidden and a shown one). The
 *    people of the total in no cell of the row (not measured at both ends, not rated at that
 *    point, no next step yet) are a cell that is never shown (`isNeverShown`), so they count as
 *    hidden: otherwise "7 young people, 6 with a next step" would give away the one still open
 *    whose stage rule 1 hid.
 * 3. Narrowing (`suppressNarrowed`): a request narrowed to one target group could be subtracted
 *    from the whole group's answer. A narrowed cell is therefore shown only when the same cell is
 *    shown (or empty) in the table of every target-group part, each suppressed with rules 1-2.
 *    Whatever one subtracts, the result is then a sum of parts that are each empty or of five and
 *    more young people.
 */

/** Smallest group a figure may be built from. */
export const MIN_GROUP = 5;

/**
 * One figure: a key unique within its table, the value and whom it is built from. A cell that
 * `isNeverShown` (a row's remainder) only takes part in rule 2, as a hidden cell.
 */
export type Cell = {
	key: string;
	value: number;
	basis: ReadonlySet<string>;
	isNeverShown?: boolean;
};
/** Cells that add up to a total a reader may know (one cell alone is a row too). */
export type Row = readonly Cell[];

/** The keys of the cells that may be shown, by rules 1 and 2. */
export function shownCells(rows: readonly Row[]): Set<string> {
	const shown = new Set<string>();
	for (const row of rows) {
		const isVisible = (c: Cell) => !c.isNeverShown && c.basis.size >= MIN_GROUP;
		const visible = row.filter(isVisible);
		const hidden = row.filter((c) => !isVisible(c));
		// The hidden people are those of the row in no shown cell: someone with two cases may be
		// in a hidden cell and a shown one, and is then placed by the shown one. The shown cells'
		// people are among the row's, so they are the difference of the two counts.
		const rowPeople = unionSize(row.map((c) => c.basis));
		const hiddenPeople = () => rowPeople - unionSize(visible.map((c) => c.basis));
		visible.sort((a, b) => a.basis.size - b.basis.size);
		let unplaced = hiddenPeople();
		while (unplaced > 0 && unplaced < MIN_GROUP && visible.length > 0) {
			hidden.push(visible.shift() as Cell);
			unplaced = hiddenPeople();
		}
		for (const cell of visible) shown.add(cell.key);
		// An empty cell is shown as 0 unless rule 2 had to hide cells in its row.
		if (hidden.every((c) => c.basis.size === 0)) {
			for (const cell of hidden) if (!cell.isNeverShown) shown.add(cell.key);
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

/**
 * How many items `sets` hold together. Counted by looking items up rather than collecting them
 * in a new set: a row's cells hold up to every young person of the statistics (issue 14: 10,000),
 * and building those sets took most of the suppression's time.
 */
function unionSize(sets: readonly ReadonlySet<string>[]): number {
	let size = 0;
	for (let i = 0; i < sets.length; i++) {
		for (const item of sets[i]) {
			let isCounted = false;
			for (let j = 0; j < i && !isCounted; j++) isCounted = sets[j].has(item);
			if (!isCounted) size++;
		}
	}
	return size;
}
