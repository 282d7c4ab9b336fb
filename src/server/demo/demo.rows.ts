import type { Insertable } from 'kysely';
import type { Database } from '../db/schema.js';
import type { WorkingCalendar } from '../calendar/calendar.rules.js';
import type { Executor } from '../db/executor.js';
import type { DemoRepository } from './demo.repository.js';

export type Row<T extends keyof Database> = Insertable<Database[T]>;

/** Every row the demo history writes, collected first and inserted in bulk. */
export interface DemoRows {
  categories: Row<'categories'>[];
  categoryUnits: Row<'category_units'>[];
  suggestions: Row<'suggestions'>[];
  signers: Row<'suggestion_signers'>[];
  events: Row<'suggestion_events'>[];
  leaders: Row<'suggestion_leaders'>[];
  batches: Row<'assignment_batches'>[];
  assignments: Row<'assignments'>[];
  contacts: Row<'contacts'>[];
  replies: Row<'replies'>[];
  signoffs: Row<'reply_signoffs'>[];
  ratings: Row<'ratings'>[];
  records: Row<'handling_records'>[];
  signatures: Row<'handling_record_signatures'>[];
  promises: Row<'followup_promises'>[];
  progress: Row<'followup_progress'>[];
  activities: Row<'supervision_activities'>[];
  supervisionProgress: Row<'supervision_progress'>[];
  reminders: Row<'supervision_reminders'>[];
  rectifications: Row<'rectification_tasks'>[];
  jobs: Row<'jobs'>[];
  counters: Map<string, number>;
}

export function emptyRows(): DemoRows {
  return {
    categories: [],
    categoryUnits: [],
    suggestions: [],
    signers: [],
    events: [],
    leaders: [],
    batches: [],
    assignments: [],
    contacts: [],
    replies: [],
    signoffs: [],
    ratings: [],
    records: [],
    signatures: [],
    promises: [],
    progress: [],
    activities: [],
    supervisionProgress: [],
    reminders: [],
    rectifications: [],
    jobs: [],
    counters: new Map(),
  };
}

/** Inserts the rows in foreign-key order, many per statement. */
export async function insertDemoRows(repository: DemoRepository, trx: Executor, rows: DemoRows) {
  await repository.insertMany('categories', rows.categories, trx);
  await repository.insertMany('category_units', rows.categoryUnits, trx);
  await repository.insertMany('suggestions', rows.suggestions, trx, 100);
  await repository.insertMany('suggestion_signers', rows.signers, trx);
  await repository.insertMany('suggestion_events', rows.events, trx, 150);
  await repository.insertMany('suggestion_leaders', rows.leaders, trx);
  await repository.insertMany('assignment_batches', rows.batches, trx);
  await repository.insertMany('assignments', rows.assignments, trx, 100);
  await repository.insertMany('contacts', rows.contacts, trx);
  await repository.insertMany('replies', rows.replies, trx, 100);
  await repository.insertMany('reply_signoffs', rows.signoffs, trx);
  await repository.insertMany('ratings', rows.ratings, trx);
  await repository.insertMany('handling_records', rows.records, trx);
  await repository.insertMany('handling_record_signatures', rows.signatures, trx);
  await repository.insertMany('followup_promises', rows.promises, trx, 100);
  await repository.insertMany('followup_progress', rows.progress, trx);
  await repository.insertMany('supervision_activities', rows.activities, trx);
  await repository.insertMany('supervision_progress', rows.supervisionProgress, trx);
  await repository.insertMany('supervision_reminders', rows.reminders, trx);
  await repository.insertMany('rectification_tasks', rows.rectifications, trx);
  await repository.insertMany('jobs', rows.jobs, trx);
  await repository.insertMany(
    'serial_counters',
    [...rows.counters].map(([scope, last]) => ({ scope, last })),
    trx,
  );
}

/** Calendar arithmetic of the history on a snapshot of the working calendar (no queries). */
export class DemoDays {
  constructor(private readonly calendar: WorkingCalendar) {}

  /** The day itself if worked, else the next working day. */
  work(day: string): string {
    return this.calendar.nextWorkingDay(day);
  }

  /** The n-th working day after `day` (n ≤ 0: the day itself, moved to a working day). */
  wd(day: string, n: number): string {
    return n <= 0 ? this.work(day) : this.calendar.dueDate(day, { amount: n, unit: 'workingDays' }).due;
  }

  months(day: string, n: number): string {
    return this.calendar.dueDate(day, { amount: n, unit: 'months' }).due;
  }

  /** Plain calendar days (negative goes back), not moved off rest days. */
  plus(day: string, n: number): string {
    const date = new Date(`${day}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + n);
    return date.toISOString().slice(0, 10);
  }

  /** A working day about `n` working days before `day`. */
  back(day: string, n: number): string {
    let current = day;
    for (let i = 0; i < n;) {
      current = this.plus(current, -1);
      if (this.calendar.isWorkingDay(current)) i += 1;
    }
    return current;
  }

  /** The instant of `hour:minute` Beijing time on `day`, as UTC. */
  at(day: string, hour: number, minute = 0): string {
    return new Date(
      `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`,
    ).toISOString();
  }
}
