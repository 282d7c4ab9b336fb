/**
 * Date-only arithmetic on `YYYY-MM-DD` strings. A day is handled as its number of days since
 * 1970-01-01 computed in UTC, so no local time zone or daylight-saving rule of the server can
 * shift a date by one (the strings already mean days in Asia/Shanghai; we never attach a time).
 */

const msPerDay = 86_400_000;

/** Day number (days since 1970-01-01) of a `YYYY-MM-DD` string that callers have validated. */
export function dayNumber(date: string): number {
  const { year, month, day } = dateParts(date);
  return Date.UTC(year, month - 1, day) / msPerDay;
}

/** The `YYYY-MM-DD` string of a day number. */
export function dateOf(dayNo: number): string {
  return new Date(dayNo * msPerDay).toISOString().slice(0, 10);
}

export function dateParts(date: string): { year: number; month: number; day: number } {
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  };
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(dayNo: number): number {
  // 1970-01-01 was a Thursday (ISO 4); the double modulo keeps days before 1970 positive.
  return ((((dayNo + 3) % 7) + 7) % 7) + 1;
}

export function isWeekend(dayNo: number): boolean {
  return isoWeekday(dayNo) >= 6;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function formatDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** `date` plus `n` calendar days (any integer), without any rest-day rule. */
export function plusDays(date: string, n: number): string {
  return dateOf(dayNumber(date) + n);
}

/**
 * `date` plus `n` months by the Civil Code art. 202 rule, without the rest-day rule: the same
 * day-number in the final month, or that month's last day when it has no such day.
 */
export function plusMonths(date: string, n: number): string {
  const { year, month, day } = dateParts(date);
  const monthIndex = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return formatDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}
