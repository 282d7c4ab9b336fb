/**
 * The one source of "now" for services, so tests can pin time. Times are ISO-8601 UTC strings;
 * calendar days are `YYYY-MM-DD` in Asia/Shanghai.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that tests can move. */
export class FixedClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(date: Date): void {
    this.current = date;
  }
  advanceMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

export function isoNow(clock: Clock): string {
  return clock.now().toISOString();
}

const shanghaiDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day (`YYYY-MM-DD`) in Asia/Shanghai of an instant. */
export function shanghaiDate(instant: Date): string {
  return shanghaiDay.format(instant);
}
