import { createRequire } from 'node:module';
import { z } from 'zod';

/**
 * The State Council's holiday arrangements as published by the `chinese-days` package.
 *
 * We read the package's documented JSON file rather than calling its functions: those parse a
 * `YYYY-MM-DD` string as UTC midnight and then read it back with local-time getters, so on a
 * server whose time zone is west of UTC every answer is about the previous day (e.g. with
 * TZ=America/New_York, `isWorkday('2025-01-25')` — a Saturday — returns true). Looking dates up
 * as strings has no such dependency.
 */

export interface OfficialDay {
  /** A statutory holiday (放假) or a weekend day made a working day (调休上班). */
  kind: 'holiday' | 'makeup_workday';
  /** The festival's Chinese name, e.g. 春节; for a make-up day, the festival it makes up for. */
  name: string;
}

const entriesSchema = z.record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.string());
const dataSchema = z.object({ holidays: entriesSchema, workdays: entriesSchema });

/** Entries read "English name,中文名,days", e.g. "Spring Festival,春节,4"; keep the Chinese name. */
function chineseName(entry: string): string {
  const parts = entry.split(',');
  return parts.length >= 3 ? (parts[parts.length - 2] ?? entry).trim() : entry.trim();
}

function load(): { days: Map<string, OfficialDay>; years: Set<number> } {
  const require = createRequire(import.meta.url);
  // Parsed through a schema so a changed file format fails at start-up, not in a deadline.
  const data = dataSchema.parse(require('chinese-days/dist/chinese-days.json'));
  const days = new Map<string, OfficialDay>();
  const years = new Set<number>();
  for (const [date, entry] of Object.entries(data.holidays)) {
    days.set(date, { kind: 'holiday', name: chineseName(entry) });
    years.add(Number(date.slice(0, 4)));
  }
  // Make-up working days win if a date were ever listed in both (the package does the same).
  for (const [date, entry] of Object.entries(data.workdays)) {
    days.set(date, { kind: 'makeup_workday', name: chineseName(entry) });
    years.add(Number(date.slice(0, 4)));
  }
  return { days, years };
}

const official = load();

/** The official arrangement of a date, if it is a holiday or a make-up working day. */
export function officialDay(date: string): OfficialDay | undefined {
  return official.days.get(date);
}

/**
 * Whether the package has the arrangements of that year (2004 to the latest year the State
 * Council has published). Other years still work but only weekends are rest days, so a deadline
 * computed into such a year is provisional until the package (or an admin override) adds them.
 */
export function hasOfficialYear(year: number): boolean {
  return official.years.has(year);
}

/** First and last year with official data, for messages. */
export function officialYearRange(): { first: number; last: number } {
  const years = [...official.years];
  return { first: Math.min(...years), last: Math.max(...years) };
}
