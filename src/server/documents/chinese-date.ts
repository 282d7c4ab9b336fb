import { shanghaiDate } from '../platform/clock.js';

/** `2025-06-10` → `2025年6月10日` (the date form of official documents, GB/T 9704). */
export function chineseDate(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const [, year, month, date] = match;
  return `${year}年${Number(month)}月${Number(date)}日`;
}

/** An ISO instant as its Asia/Shanghai calendar day in Chinese form; '' for none. */
export function chineseDateOf(instant: string | null | undefined): string {
  if (!instant) return '';
  const time = new Date(instant);
  return Number.isNaN(time.getTime()) ? '' : chineseDate(shanghaiDate(time));
}
