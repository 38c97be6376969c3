import type { Migration } from './index.ts';

/**
 * Each case's area level per measuring point, kept up to date by the cases module whenever a
 * rating is written (`cases/case-area-levels.ts`), so the team lead's statistics read one short
 * string per case instead of every rating (issue 14: 300 ms over 10,000 cases).
 *
 * - `cases.area_levels`: the stored form of `domain/privacy/area-levels.ts` (one character per
 *   point and area of the case's version, in the version's order: the level's index on the
 *   area's scale, or `-`; empty when the case has no level). It goes with the case's row, so
 *   deleting a case (retention, with `secure_delete`) leaves nothing of it behind.
 * - The backfill computes the same string in SQL from the ratings of existing cases and the
 *   template of their version (`publications.content`): per point and area, the lower median of
 *   the ratings' level indexes on the area's scale, leaving out ratings of no level, of unknown
 *   points or levels, and of statements whose own scale has another length than the area's.
 *   `tests/integration/case-area-levels.test.ts` runs it on cases seeded before it.
 */
export const m016CaseAreaLevels: Migration = {
	version: 16,
	name: 'case-area-levels',
	sql: `
ALTER TABLE cases ADD COLUMN area_levels TEXT NOT NULL DEFAULT '';

-- Per version: its points and areas, in the version's order.
CREATE TEMP TABLE m016_points AS
SELECT p.id AS version, CAST(pt.key AS INTEGER) AS pi, pt.value ->> '$.id' AS point_id,
	json_array_length(p.content, '$.template.areas') AS area_count
FROM publications p, json_each(p.content, '$.template.measurementPoints') pt
WHERE p.id IN (SELECT DISTINCT publication_id FROM cases);
CREATE TEMP TABLE m016_areas AS
SELECT p.id AS version, CAST(a.key AS INTEGER) AS ai, a.value AS area
FROM publications p, json_each(p.content, '$.template.areas') a
WHERE p.id IN (SELECT DISTINCT publication_id FROM cases);

-- Every cell (point and area) of each version: the string's positions.
CREATE TEMP TABLE m016_cells (
	version TEXT NOT NULL,
	cell INTEGER NOT NULL,
	PRIMARY KEY (version, cell)
) WITHOUT ROWID;
INSERT INTO temp.m016_cells
SELECT pt.version, pt.pi * pt.area_count + a.ai FROM temp.m016_points pt JOIN temp.m016_areas a
	USING (version);

-- Each (point, statement, level) a rating counts with, and the cell and scale index it counts as.
-- A statement in two areas counts in the later one, as in statementIndex.
CREATE TEMP TABLE m016_codes (
	version TEXT NOT NULL,
	point_id TEXT NOT NULL,
	statement_id TEXT NOT NULL,
	level_id TEXT NOT NULL,
	cell INTEGER NOT NULL,
	li INTEGER NOT NULL,
	PRIMARY KEY (version, point_id, statement_id, level_id)
) WITHOUT ROWID;
WITH
statements AS (
	SELECT a.version, a.ai, s.value ->> '$.id' AS statement_id,
		CASE WHEN json_type(s.value, '$.scale') = 'object' THEN s.value -> '$.scale'
			ELSE a.area -> '$.scale' END AS scale,
		json_array_length(a.area, '$.scale.levels') AS area_length
	FROM temp.m016_areas a, json_each(a.area, '$.statements') s
),
levels AS (
	SELECT st.version, st.ai, st.statement_id, l.value ->> '$.id' AS level_id,
		CAST(l.key AS INTEGER) AS li
	FROM statements st, json_each(st.scale, '$.levels') l
	WHERE json_array_length(st.scale, '$.levels') = st.area_length
)
INSERT OR REPLACE INTO temp.m016_codes
SELECT pt.version, pt.point_id, levels.statement_id, levels.level_id,
	pt.pi * pt.area_count + levels.ai, levels.li
FROM temp.m016_points pt JOIN levels USING (version)
ORDER BY levels.ai;

-- Per case and cell: the lower median of its ratings' scale indexes.
CREATE TEMP TABLE m016_medians (
	case_id TEXT NOT NULL,
	cell INTEGER NOT NULL,
	li INTEGER NOT NULL,
	PRIMARY KEY (case_id, cell)
) WITHOUT ROWID;
INSERT INTO temp.m016_medians
SELECT case_id, cell, li FROM (
	SELECT r.case_id, k.cell, k.li,
		row_number() OVER (PARTITION BY r.case_id, k.cell ORDER BY k.li) AS rn,
		count(*) OVER (PARTITION BY r.case_id, k.cell) AS n
	FROM case_ratings r
	JOIN cases c ON c.id = r.case_id
	JOIN temp.m016_codes k ON k.version = c.publication_id AND k.point_id = r.point_id
		AND k.statement_id = r.statement_id AND k.level_id = r.level_id
) WHERE rn = (n - 1) / 2 + 1;

UPDATE cases SET area_levels = (
	SELECT group_concat(coalesce(m.li, '-'), '' ORDER BY g.cell)
	FROM temp.m016_cells g
	LEFT JOIN temp.m016_medians m ON m.case_id = cases.id AND m.cell = g.cell
	WHERE g.version = cases.publication_id
) WHERE id IN (SELECT case_id FROM temp.m016_medians);

DROP TABLE temp.m016_medians;
DROP TABLE temp.m016_cells;
DROP TABLE temp.m016_codes;
DROP TABLE temp.m016_areas;
DROP TABLE temp.m016_points;
`
};
