/**
 * Recognises constraint violations from either driver, so a race that slips past a service's
 * own check (two identical creates at once) still gets a clear 409 instead of a 500.
 */
export type ConstraintKind = 'unique' | 'foreign_key';

export function constraintViolation(error: unknown): ConstraintKind | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  const code = String((error as { code: unknown }).code);
  // better-sqlite3 codes, then PostgreSQL SQLSTATEs.
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505')
    return 'unique';
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503') return 'foreign_key';
  return null;
}
