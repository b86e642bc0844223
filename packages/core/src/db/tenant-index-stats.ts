/** Runs one SQL statement on a SQLite connection and answers its rows. */
export type SqliteQuery = (sql: string) => Promise<Array<Record<string, unknown>>>;

/** The table size the seeded statistics claim: only the ratios between the figures matter to the planner. */
const ROWS = 1_000_000;

/**
 * Tells SQLite's planner that `organizationId` is not selective. Every tenant query names its organization (the
 * scoped client adds it), and without statistics SQLite rates `organizationId = ?` on an (organizationId, …) index
 * as selective as `guarantorId = ?` on the guarantor's index — and took the first, reading every patient of the
 * organization to find one guarantor's (a payment's account read; every plan and placement lookup the same way).
 * For each index that begins with `organizationId` and has no statistics yet, a `sqlite_stat1` row says: the
 * organization matches every row, each further column narrows as SQLite assumes by default (to 10), a unique
 * key's whole to one row. Measured statistics (ANALYZE, PRAGMA optimize on a grown table) are never overwritten,
 * and an organization that really is one of many only gets better plans from them.
 */
export async function seedTenantIndexStats(query: SqliteQuery): Promise<number> {
  const indexes = await query(
    `SELECT m.tbl_name AS tbl, m.name AS idx, l."unique" AS isUnique,
       (SELECT count(*) FROM pragma_index_info(m.name)) AS columns
     FROM sqlite_master m JOIN pragma_index_list(m.tbl_name) l ON l.name = m.name
     WHERE m.type = 'index' AND (SELECT name FROM pragma_index_info(m.name) WHERE seqno = 0) = 'organizationId'`,
  );
  if (!indexes.length) return 0;
  // Creates sqlite_stat1 when missing, and (after the inserts) makes this connection plan with the rows.
  await query('ANALYZE sqlite_schema');
  const known = new Set((await query('SELECT idx FROM sqlite_stat1')).map((r) => String(r.idx)));
  const missing = indexes.filter((i) => !known.has(String(i.idx)));
  for (const index of missing) {
    const figures = [ROWS, ROWS, ...Array(Number(index.columns) - 1).fill(10)];
    if (Number(index.isUnique)) figures[figures.length - 1] = 1;
    // Conditional in the statement itself: two processes starting on one file at once write one row, not two.
    await query(
      `INSERT INTO sqlite_stat1 (tbl, idx, stat) SELECT ${quote(index.tbl)}, ${quote(index.idx)}, '${figures.join(' ')}'
       WHERE NOT EXISTS (SELECT 1 FROM sqlite_stat1 WHERE idx = ${quote(index.idx)})`,
    );
  }
  if (missing.length) await query('ANALYZE sqlite_schema');
  return missing.length;
}

/** Names come from sqlite_master (our own schema), quoted all the same. */
const quote = (value: unknown) => `'${String(value).replaceAll("'", "''")}'`;
