/** SQLite's default bound-parameter limit since 3.32; PostgreSQL allows 65,535. */
const maxParameters = 32_766;
/** Larger statements stop paying off and only cost memory. */
const maxRowsPerStatement = 500;

/**
 * Runs `insert` on slices of `rows` small enough for one multi-row INSERT: at most 500 rows and
 * never more bound parameters than the database accepts.
 */
export async function inBatches<T extends object>(
  rows: readonly T[],
  insert: (part: T[]) => Promise<void>,
): Promise<void> {
  const [first] = rows;
  if (!first) return;
  const columns = Math.max(1, Object.keys(first).length);
  const size = Math.max(1, Math.min(maxRowsPerStatement, Math.floor(maxParameters / columns)));
  for (let start = 0; start < rows.length; start += size) await insert(rows.slice(start, start + size));
}
