import crypto from 'node:crypto';
import type { WorkingCalendar } from '../calendar/calendar.rules.js';
import {
  dateOf,
  dateParts,
  dayNumber,
  daysInMonth,
  formatDate,
  isoWeekday,
} from '../calendar/calendar.dates.js';
import type { ReceptionRuleRow } from '../db/schema.js';
import type { ReceptionRule, RuleKind } from '../../shared/schemas/stations.js';

/** The fields of a reception rule that decide dates and times. */
export type RuleFields = Pick<
  ReceptionRuleRow,
  | 'kind'
  | 'day_of_month'
  | 'week_number'
  | 'weekday'
  | 'rest_day_rule'
  | 'start_time'
  | 'end_time'
  | 'deputies_per_day'
  | 'slot_minutes'
>;

/** Without any rule: the 20th of each month (东宝), moved to the next working day, 9-12 o'clock. */
export const defaultRule: RuleFields = {
  kind: 'day_of_month',
  day_of_month: 20,
  week_number: null,
  weekday: null,
  rest_day_rule: 'next_working_day',
  start_time: '09:00',
  end_time: '12:00',
  deputies_per_day: 2,
  slot_minutes: 30,
};

const weekdayNames = ['一', '二', '三', '四', '五', '六', '日'];

/** The rule in words, e.g. 每月20日（遇节假日、休息日顺延至下一个工作日）09:00-12:00. */
export function describeRule(rule: RuleFields): string {
  const day =
    rule.kind === 'day_of_month'
      ? `每月${rule.day_of_month ?? 20}日`
      : `每月${rule.week_number === -1 ? '最后一个' : `第${rule.week_number ?? 1}个`}星期${weekdayNames[(rule.weekday ?? 1) - 1] ?? ''}`;
  const moved = rule.rest_day_rule === 'next_working_day' ? '（遇节假日、休息日顺延至下一个工作日）' : '';
  return `${day}${moved} ${rule.start_time}-${rule.end_time}，每次 ${rule.deputies_per_day} 名代表轮流接待`;
}

export function toRuleView(rule: RuleFields, source: ReceptionRule['source']): ReceptionRule {
  return {
    kind: rule.kind as RuleKind,
    dayOfMonth: rule.day_of_month,
    weekNumber: rule.week_number,
    weekday: rule.weekday,
    restDayRule: rule.rest_day_rule as ReceptionRule['restDayRule'],
    startTime: rule.start_time,
    endTime: rule.end_time,
    deputiesPerDay: rule.deputies_per_day,
    slotMinutes: rule.slot_minutes,
    source,
    description: describeRule(rule),
  };
}

/** The rule's day in a month before the rest-day rule, or null when the month has no such day. */
export function nominalDay(rule: RuleFields, year: number, month: number): string | null {
  const length = daysInMonth(year, month);
  if (rule.kind === 'day_of_month') {
    const day = rule.day_of_month ?? 20;
    // The 31st in a 30-day month means the month's last day (as the Civil Code counts months).
    return formatDate(year, month, Math.min(day, length));
  }
  const weekday = rule.weekday ?? 1;
  const weekNumber = rule.week_number ?? 1;
  const first = dayNumber(formatDate(year, month, 1));
  if (weekNumber === -1) {
    const last = first + length - 1;
    return dateOf(last - ((isoWeekday(last) - weekday + 7) % 7));
  }
  const firstMatch = first + ((weekday - isoWeekday(first) + 7) % 7);
  const day = firstMatch + (weekNumber - 1) * 7;
  return day - first < length ? dateOf(day) : null;
}

/**
 * Reception dates of the rule from `from` to `to` (inclusive) on the working calendar. A month's
 * date that moves past a rest day may land in the next month; it still counts for its own month.
 */
export function receptionDates(
  rule: RuleFields,
  from: string,
  to: string,
  calendar: WorkingCalendar,
): string[] {
  const start = dateParts(from);
  const end = dateParts(to);
  const dates = new Set<string>();
  // Start a month early: last month's date can move into the range.
  let index = start.year * 12 + start.month - 2;
  const last = end.year * 12 + end.month - 1;
  for (; index <= last; index += 1) {
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    const nominal = nominalDay(rule, year, month);
    if (!nominal) continue;
    const date = rule.rest_day_rule === 'next_working_day' ? calendar.nextWorkingDay(nominal) : nominal;
    if (date >= from && date <= to) dates.add(date);
  }
  return [...dates].sort();
}

/** The next `count` deputies of the rotation starting at `position` (distinct when possible). */
export function rotation(deputyIds: string[], position: number, count: number): string[] {
  const take = Math.min(count, deputyIds.length);
  return Array.from({ length: take }, (_, i) => deputyIds[(position + i) % deputyIds.length]).filter(
    (id): id is string => id !== undefined,
  );
}

/**
 * Like `rotation`, but passes over deputies already on duty that day elsewhere (a deputy sits in
 * several stations); a day may then have fewer deputies rather than one person in two places.
 * Marks the chosen deputies busy for the date.
 */
export function rotationAvoiding(
  deputyIds: string[],
  position: number,
  count: number,
  date: string,
  busy: Set<string>,
): string[] {
  const chosen: string[] = [];
  for (let i = 0; i < deputyIds.length && chosen.length < count; i += 1) {
    const candidate = deputyIds[(position + i) % deputyIds.length];
    if (candidate === undefined || busy.has(`${candidate}|${date}`)) continue;
    chosen.push(candidate);
    busy.add(`${candidate}|${date}`);
  }
  return chosen;
}

/** Appointment slots of a reception day: `start` to `end` in steps of `minutes`. */
export function slotTimes(start: string, end: string, minutes: number): string[] {
  const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  const format = (value: number) =>
    `${String(Math.floor(value / 60)).padStart(2, '0')}:${String(value % 60).padStart(2, '0')}`;
  const slots: string[] = [];
  for (let at = toMinutes(start); at + minutes <= toMinutes(end); at += minutes) slots.push(format(at));
  return slots;
}

const codeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A random code of unambiguous characters (no 0/O, 1/I/L), for QR URLs and tracking codes. */
export function randomCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i += 1) code += codeAlphabet[crypto.randomInt(codeAlphabet.length)];
  return code;
}

/** Weekday (1 = Monday) of a `YYYY-MM-DD` date. */
export function weekdayOf(date: string): number {
  return isoWeekday(dayNumber(date));
}
