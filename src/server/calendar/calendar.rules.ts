import type { Period } from '../../shared/schemas/settings.js';
import type {
  CalendarDay,
  CalendarDayKind,
  CalendarOverride,
  DueDate,
} from '../../shared/schemas/calendar.js';
import {
  dateOf,
  dateParts,
  dayNumber,
  formatDate,
  isWeekend,
  isoWeekday,
  plusDays,
  plusMonths,
} from './calendar.dates.js';
import { hasOfficialYear, officialDay } from './calendar.official.js';

/**
 * Working days and legal deadlines over the official arrangements plus one snapshot of the
 * administrators' overrides. Synchronous, so a caller computing many deadlines (a report, a
 * reminder sweep) takes one snapshot and pays no I/O per date. Dates must already be valid.
 */
export class WorkingCalendar {
  constructor(private readonly overrides: ReadonlyMap<string, CalendarOverride>) {}

  /** Whether a day is a working day: overrides, then holidays and make-up days, then weekends. */
  isWorkingDay(date: string): boolean {
    return this.workingAt(date, dayNumber(date));
  }

  /** The date itself if it is a working day, else the first working day after it. */
  nextWorkingDay(date: string): string {
    let dayNo = dayNumber(date);
    // Ends: past the last override and the last official year only weekends rest.
    while (!this.workingAt(dateOf(dayNo), dayNo)) dayNo += 1;
    return dateOf(dayNo);
  }

  /**
   * The deadline of a period counted from `from` (Civil Code arts. 201-203): the start day does
   * not count; months end on the same day-number of the final month (or its last day); working
   * days count only working days after `from`; a last day that is a rest day moves to the next
   * working day. An amount of 0 gives the next working day from `from`.
   */
  dueDate(from: string, period: Period): DueDate {
    requireCount(period.amount);
    const nominal =
      period.unit === 'months'
        ? plusMonths(from, period.amount)
        : period.unit === 'days'
          ? plusDays(from, period.amount)
          : this.countWorkingDays(from, period.amount);
    const due = this.nextWorkingDay(nominal);
    return {
      due,
      nominal,
      movedForRestDay: due !== nominal,
      officialData: officialDataBetween(from, due),
    };
  }

  /** Each day of a month with how it counts. */
  month(year: number, month: number): CalendarDay[] {
    const first = dayNumber(formatDate(year, month, 1));
    const days: CalendarDay[] = [];
    for (let dayNo = first; dateParts(dateOf(dayNo)).month === month; dayNo += 1) {
      const date = dateOf(dayNo);
      const official = officialDay(date);
      const override = this.overrides.get(date) ?? null;
      const kind = this.kindAt(date, dayNo);
      days.push({
        date,
        weekday: isoWeekday(dayNo),
        working: kind === 'workday' || kind === 'makeup_workday',
        kind,
        holidayName: official?.name ?? null,
        override,
      });
    }
    return days;
  }

  /** The n-th working day after `from` (n = 0: `from` itself; the rest-day rule applies later). */
  private countWorkingDays(from: string, n: number): string {
    let dayNo = dayNumber(from);
    for (let remaining = n; remaining > 0;) {
      dayNo += 1;
      if (this.workingAt(dateOf(dayNo), dayNo)) remaining -= 1;
    }
    return dateOf(dayNo);
  }

  private workingAt(date: string, dayNo: number): boolean {
    const override = this.overrides.get(date);
    if (override) return override.kind === 'workday';
    const official = officialDay(date);
    if (official) return official.kind === 'makeup_workday';
    return !isWeekend(dayNo);
  }

  private kindAt(date: string, dayNo: number): CalendarDayKind {
    const official = officialDay(date);
    // Working on a day with an official entry (make-up day, or a holiday an override reopens) or
    // on a weekend is a make-up working day; resting on a weekday can only be a holiday.
    if (this.workingAt(date, dayNo)) return official || isWeekend(dayNo) ? 'makeup_workday' : 'workday';
    if (this.overrides.get(date)?.kind === 'holiday' || official?.kind === 'holiday') return 'holiday';
    return 'weekend';
  }
}

function requireCount(n: number): void {
  // Callers pass validated periods; a negative or fractional count is a programming error.
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`period amount must be a whole number ≥ 0: ${n}`);
}

/** Whether every year from `from` to `to` has official holiday data. */
function officialDataBetween(from: string, to: string): boolean {
  for (let year = dateParts(from).year; year <= dateParts(to).year; year += 1)
    if (!hasOfficialYear(year)) return false;
  return true;
}
