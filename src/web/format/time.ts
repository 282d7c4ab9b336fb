import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';
import 'dayjs/locale/zh-cn.js';
import 'dayjs/locale/en.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every time is shown in Beijing time, wherever the browser is. */
export const displayTimeZone = 'Asia/Shanghai';

/** `2025-03-20 14:05` in Beijing time; an empty string for null. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return dayjs.utc(iso).tz(displayTimeZone).format('YYYY-MM-DD HH:mm');
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  return dayjs.utc(iso).tz(displayTimeZone).format('YYYY-MM-DD');
}

/** The UTC instant where a calendar day picked in the UI starts (or ends) in Beijing time. */
export function beijingDayBoundary(day: Dayjs, edge: 'start' | 'end'): string {
  const start = dayjs.tz(day.format('YYYY-MM-DD'), displayTimeZone);
  return (edge === 'start' ? start : start.add(1, 'day').subtract(1, 'millisecond')).toISOString();
}

export function isInFuture(iso: string | null | undefined): boolean {
  return iso ? dayjs(iso).isAfter(dayjs()) : false;
}

export function setDayjsLocale(locale: 'zh-CN' | 'en-US'): void {
  dayjs.locale(locale === 'en-US' ? 'en' : 'zh-cn');
}

/** A picked day as the API's `YYYY-MM-DD`; null when empty. */
export function dayString(value: Dayjs | null | undefined): string | null {
  return value ? value.format('YYYY-MM-DD') : null;
}

/** An API day (`YYYY-MM-DD`) for a date picker; undefined when empty. */
export function dayValue(day: string | null | undefined): Dayjs | undefined {
  return day ? dayjs(day) : undefined;
}

/** Today's date in Beijing, `YYYY-MM-DD` (deadlines are calendar days there). */
export function todayInBeijing(): string {
  return dayjs().tz(displayTimeZone).format('YYYY-MM-DD');
}
