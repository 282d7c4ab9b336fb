import type { Executor } from '../db/executor.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import type { JobsService } from '../jobs/jobs.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import { check } from '../workflow/workflow.js';
import { systemActor } from '../suggestions/handling.jobs.js';
import type { FollowupsRepository, PromiseRecord } from './followups.repository.js';
import { promiseWorkflow } from './followups.workflow.js';

export const promiseJobKind = 'followups.enter_promise';

/**
 * The job the reply-sending transaction schedules for every sent letter. It runs after that
 * commit, so the ledger reads the rule profile outside any transaction; its key makes it once.
 */
export function promiseJob(replyId: string, at: string) {
  return { kind: promiseJobKind, key: `followups.promise:${replyId}`, runAt: at, payload: { replyId } };
}

interface PreparedEntry {
  replyId: string;
  bodyId: string;
  assignmentId: string;
  round: number;
  /** Open promises of earlier rounds of the same assignment: the new letter replaces them. */
  replaced: PromiseRecord[];
  /** The new promise, when the letter's outcome class counts as "planned" (B). */
  promise: PromiseRecord | null;
}

/** Enters B-class promises into the ledger when their reply letter is sent. */
export class FollowupLedger {
  constructor(
    private readonly followups: FollowupsRepository,
    private readonly settings: SettingsService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Reads everything before the job's transaction (SQLite has one connection). */
  async prepare(replyId: string): Promise<PreparedEntry | null> {
    const reply = await this.followups.replyForLedger(replyId);
    if (!reply || reply.status !== 'sent' || !reply.sent_at) return null;
    const profile = (await this.settings.ruleProfile(reply.body_id)).settings;
    const planned =
      profile.outcomeClasses.find((c) => c.code === reply.outcome_class)?.counts === 'planned' &&
      // A job left over while the unit already replied again (runner down): nothing to track.
      !(await this.followups.laterReplySent(reply.assignment_id, reply.round));
    const replaced = await this.followups.openBefore(reply.assignment_id, reply.round);
    const enteredOn = shanghaiDate(new Date(reply.sent_at));
    const year = Number(enteredOn.slice(0, 4));
    const at = this.clock.now().toISOString();
    const promise: PromiseRecord | null = planned
      ? {
          id: newId(),
          body_id: reply.body_id,
          suggestion_id: reply.suggestion_id,
          reply_id: reply.id,
          assignment_id: reply.assignment_id,
          unit_id: reply.unit_id,
          round: reply.round,
          outcome_class: reply.outcome_class,
          term_id: await this.followups.termFor(reply.body_id, reply.session_id, enteredOn),
          promise_text: reply.body,
          // The unit sets the real date; until then the promise is due within its year.
          target_on: `${year}-12-31`,
          entered_on: enteredOn,
          entered_year: year,
          status: 'open',
          progress_percent: null,
          last_progress_on: null,
          fulfilled_on: null,
          fulfilled_note: null,
          fulfilled_by: null,
          version: 0,
          created_at: at,
          updated_at: at,
        }
      : null;
    return {
      replyId,
      bodyId: reply.body_id,
      assignmentId: reply.assignment_id,
      round: reply.round,
      replaced,
      promise,
    };
  }

  /** The write phase, inside the job's transaction: only `trx`. */
  async enter(trx: Executor, prepared: PreparedEntry): Promise<void> {
    const at = this.clock.now().toISOString();
    for (const old of prepared.replaced) {
      const { to } = check(
        promiseWorkflow,
        'supersede',
        { promise: old, actor: systemActor, bodyPath: '', today: shanghaiDate(this.clock.now()) },
        { replyId: prepared.replyId },
      );
      // Someone marked it meanwhile: leave it as they left it.
      if (!(await this.followups.transition(old.id, old, to, { updated_at: at }, trx))) continue;
      await this.audit.record(trx, {
        actor: systemActor,
        action: 'followup.supersede',
        targetType: 'followup_promise',
        targetId: old.id,
        bodyId: old.body_id,
        after: { replyId: prepared.replyId },
      });
    }
    const promise = prepared.promise;
    if (!promise || !(await this.followups.insertOnce(promise, trx))) return;
    await this.audit.record(trx, {
      actor: systemActor,
      action: 'followup.enter',
      targetType: 'followup_promise',
      targetId: promise.id,
      bodyId: promise.body_id,
      after: { replyId: promise.reply_id, targetOn: promise.target_on, enteredYear: promise.entered_year },
    });
    await this.notifications.notifyUnits(trx, [promise.unit_id], {
      kind: 'followup.entered',
      title: '答复承诺已列入跟踪台账',
      body: '你单位答复中正在解决或计划解决的事项已列入跟踪办理台账，请确认承诺内容和完成时限，并定期报告进展。',
      link: `/followups/${promise.id}`,
    });
  }
}

export function registerFollowupJobs(jobs: JobsService, ledger: FollowupLedger): void {
  jobs.register<PreparedEntry | null>(promiseJobKind, {
    prepare: (payload) => ledger.prepare(typeof payload.replyId === 'string' ? payload.replyId : ''),
    run: async (trx, _payload, prepared) => {
      if (prepared) await ledger.enter(trx, prepared);
    },
  });
}
