import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import { forbidden, notFound } from '../platform/errors.js';
import type { Actor } from '../auth/actor.js';
import { holdsRoleAtTop } from '../auth/actor.js';
import { dateSchema } from '../../shared/schemas/common.js';
import type { Period } from '../../shared/schemas/settings.js';
import { calendarYears } from '../../shared/schemas/calendar.js';
import type {
  CalendarMonth,
  CalendarOverride,
  CalendarOverrideInput,
  CalendarOverrideKind,
  Deadline,
  DueDate,
} from '../../shared/schemas/calendar.js';
import type { CalendarOverrideRow, CalendarRepository } from './calendar.repository.js';
import { calendarErrors, calendarOverrideNoun } from './calendar.errors.js';
import { dateParts, formatDate } from './calendar.dates.js';
import { hasOfficialYear } from './calendar.official.js';
import { WorkingCalendar } from './calendar.rules.js';

/**
 * Overrides are re-read at most this often, so a change made through another server process on
 * the same PostgreSQL is seen within a minute; this process's own writes are seen at once.
 */
const overrideCacheMs = 60_000;

export function toOverride(row: CalendarOverrideRow): CalendarOverride {
  return {
    date: row.date,
    kind: row.kind as CalendarOverrideKind,
    note: row.note,
    createdAt: row.created_at,
  };
}

const unitText: Record<Period['unit'], string> = { months: '个月', days: '日', workingDays: '个工作日' };

/**
 * The working-day calendar: official holidays and make-up days (`chinese-days`) plus admin
 * overrides, and legal deadlines counted on it (Civil Code arts. 201-203, `DOMAIN.md` §3).
 * Dates are `YYYY-MM-DD` days in Asia/Shanghai. Years without official data still work, with
 * only weekends as rest days; results then carry `officialData: false`.
 */
export class CalendarService {
  private cached: { calendar: WorkingCalendar; loadedAt: number } | null = null;
  private loading: Promise<WorkingCalendar> | null = null;
  /** Bumped by every write, so a load that started before the write is not kept. */
  private generation = 0;

  constructor(
    private readonly db: Db,
    private readonly calendar: CalendarRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** A synchronous calendar over the current overrides, for computing many dates at once. */
  async snapshot(): Promise<WorkingCalendar> {
    const now = this.clock.now().getTime();
    const cached = this.cached;
    if (cached && now >= cached.loadedAt && now - cached.loadedAt < overrideCacheMs) return cached.calendar;
    if (this.loading) return this.loading;
    const generation = this.generation;
    const loading = this.calendar.list().then((rows) => {
      const calendar = new WorkingCalendar(new Map(rows.map((row) => [row.date, toOverride(row)])));
      if (generation === this.generation) this.cached = { calendar, loadedAt: now };
      return calendar;
    });
    this.loading = loading;
    // Concurrent callers share one query; clear it when settled unless a write replaced it.
    const clear = () => {
      if (this.loading === loading) this.loading = null;
    };
    loading.then(clear, clear);
    return loading;
  }

  /** Whether `date` is a working day (overrides, then official holidays and make-up days, then weekends). */
  async isWorkingDay(date: string): Promise<boolean> {
    requireDate('date', date);
    return (await this.snapshot()).isWorkingDay(date);
  }

  /** `date` itself if it is a working day, else the first working day after it. */
  async nextWorkingDay(date: string): Promise<string> {
    requireDate('date', date);
    return (await this.snapshot()).nextWorkingDay(date);
  }

  /** Deadline of `n` calendar days after `date` (start day not counted, moved off a rest day). */
  async addDays(date: string, n: number): Promise<string> {
    return (await this.dueDate(date, { amount: n, unit: 'days' })).due;
  }

  /** Deadline of `n` months after `date` (same day-number or month end, moved off a rest day). */
  async addMonths(date: string, n: number): Promise<string> {
    return (await this.dueDate(date, { amount: n, unit: 'months' })).due;
  }

  /** The `n`-th working day after `date` (the start day does not count). */
  async addWorkingDays(date: string, n: number): Promise<string> {
    return (await this.dueDate(date, { amount: n, unit: 'workingDays' })).due;
  }

  /** The legal deadline of `period` counted from `from`, with the date before the rest-day rule. */
  async dueDate(from: string, period: Period): Promise<DueDate> {
    requireDate('from', from);
    return (await this.snapshot()).dueDate(from, period);
  }

  /** `dueDate` plus a Chinese sentence explaining the counting, for the UI. */
  async deadline(from: string, period: Period): Promise<Deadline> {
    const result = await this.dueDate(from, period);
    let rule = `自 ${from} 起算 ${period.amount} ${unitText[period.unit]}，届满日 ${result.nominal}`;
    if (result.movedForRestDay) rule += ` 为休息日，顺延至 ${result.due}`;
    if (!result.officialData) rule += '（所涉年份尚无官方节假日安排，仅按周末推算，请核对）';
    return { from, period, ...result, rule };
  }

  /** Every day of a month with whether it is worked, its kind, festival name and override. */
  async month(year: number, month: number): Promise<CalendarMonth> {
    requireDate('date', formatDate(year, month, 1));
    const days = (await this.snapshot()).month(year, month);
    return { year, month, officialData: hasOfficialYear(year), days };
  }

  /** The overrides of one year, or all of them; read from the database, not the cache. */
  async listOverrides(year?: number): Promise<CalendarOverride[]> {
    return (await this.calendar.list(year)).map(toOverride);
  }

  /** Declares a date a working day or a holiday (replacing any override of that date). */
  async putOverride(actor: Actor, date: string, input: CalendarOverrideInput): Promise<CalendarOverride> {
    requireCalendarEditor(actor);
    requireDate('date', date);
    const before = await this.calendar.find(date);
    const row: CalendarOverrideRow = {
      date,
      kind: input.kind,
      note: input.note ?? null,
      created_at: before?.created_at ?? this.clock.now().toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      await this.calendar.upsert(row, trx);
      await this.audit.record(trx, {
        actor,
        action: 'calendar_override.put',
        targetType: 'calendar_override',
        targetId: date,
        before,
        after: row,
      });
    });
    this.invalidate();
    return toOverride(row);
  }

  /** Removes the override of a date, so the official arrangement applies again. */
  async deleteOverride(actor: Actor, date: string): Promise<void> {
    requireCalendarEditor(actor);
    requireDate('date', date);
    const before = await this.calendar.find(date);
    if (!before) throw notFound(calendarOverrideNoun, date);
    await this.db.transaction().execute(async (trx) => {
      await this.calendar.delete(date, trx);
      await this.audit.record(trx, {
        actor,
        action: 'calendar_override.delete',
        targetType: 'calendar_override',
        targetId: date,
        before,
      });
    });
    this.invalidate();
  }

  private invalidate(): void {
    this.generation += 1;
    this.cached = null;
    this.loading = null;
  }
}

/** Checks a date other modules pass in: a real day within the years the calendar accepts. */
function requireDate(field: string, date: string): void {
  if (!dateSchema.safeParse(date).success) throw calendarErrors.invalidDate(field, date);
  const { year } = dateParts(date);
  if (year < calendarYears.min || year > calendarYears.max) throw calendarErrors.outOfRange(field, date);
}

/** The calendar is shared by every body of the deployment: only its top-level staff may change it. */
function requireCalendarEditor(actor: Actor): void {
  if (!holdsRoleAtTop(actor, ['admin', 'office_staff']))
    throw forbidden({
      zh: '工作日历由最高一级人大的管理员或代表工委维护。',
      en: 'The working calendar is kept by the top-level body’s administrators or office staff.',
    });
}
