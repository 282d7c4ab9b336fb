/** The value, or a clear error when an index or lookup the benchmark relies on found nothing. */
export function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`bench: ${what} missing`);
  return value;
}
