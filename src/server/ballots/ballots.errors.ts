import { DomainError, conflict, forbidden, invalidField } from '../platform/errors.js';

export const ballotNoun = { zh: '表决', en: 'Ballot' };

/** Errors of the ballot engine, each with a stable code and a sentence a person understands. */
export const ballotErrors = {
  notOpen: () =>
    new DomainError('invalid_transition', 'ballot.not_open', {
      zh: '表决未开始或已结束，不能投票。',
      en: 'The ballot is not open.',
    }),
  notElector: () =>
    forbidden({
      zh: '您不在本次表决的投票人名单中。',
      en: 'You are not on the list of voters of this ballot.',
    }),
  notPresent: () =>
    new DomainError('forbidden', 'ballot.not_present', {
      zh: '本次表决只有已签到的代表可以投票，请先到会场签到。',
      en: 'Only deputies who have checked in may vote in this ballot.',
    }),
  alreadyVoted: () =>
    conflict('ballot.already_voted', {
      zh: '您已经投过票，每人只能投一票。',
      en: 'You have already voted; one ballot per voter.',
    }),
  changeNotAllowed: () =>
    conflict('ballot.change_not_allowed', {
      zh: '您已经投过票，本次表决不允许改票。',
      en: 'You have already voted and this ballot does not allow changes.',
    }),
  receiptNeeded: () =>
    invalidField(
      'previousReceipt',
      { zh: '改票须提供原投票凭证码', en: 'changing a secret vote needs its receipt code' },
      'ballot.receipt_needed',
    ),
  receiptMismatch: () =>
    invalidField(
      'previousReceipt',
      { zh: '凭证码不正确，或不是您本人的投票凭证', en: 'the receipt code is wrong or not yours' },
      'ballot.receipt_mismatch',
    ),
  unknownItem: (field: string) =>
    invalidField(
      field,
      { zh: '选票中有不属于本次表决的事项', en: 'the ballot names an item that is not on it' },
      'ballot.unknown_item',
    ),
  wrongMark: (field: string) =>
    invalidField(
      field,
      { zh: '选票的填写方式与表决类型不符', en: 'the marks do not fit the kind of ballot' },
      'ballot.wrong_mark',
    ),
  scoreTooHigh: (max: number) =>
    invalidField(
      'scores',
      { zh: `分数不能超过 ${max} 分`, en: `scores may not exceed ${max}` },
      'ballot.score_too_high',
    ),
  duplicateSelection: () =>
    invalidField(
      'selected',
      { zh: '同一事项选了两次', en: 'an item is chosen twice' },
      'ballot.duplicate_selection',
    ),
  ruleDoesNotFit: (zh: string, en: string) => invalidField('passRule', { zh, en }, 'ballot.rule_mismatch'),
  notDraft: () =>
    new DomainError('invalid_transition', 'ballot.not_draft', {
      zh: '表决已开始，不能再修改。',
      en: 'The ballot has opened and can no longer be changed.',
    }),
  concurrentChange: () =>
    conflict('ballot.concurrent_change', {
      zh: '表决刚刚已被他人修改，请刷新后再试。',
      en: 'The ballot was just changed by someone else; reload and retry.',
    }),
  paperCountMismatch: () =>
    invalidField(
      'papers',
      {
        zh: '纸质票张数须与交票代表人数相同（废票也要录入并标记为废票）',
        en: 'enter one paper per deputy listed (spoiled ones marked as spoiled)',
      },
      'ballot.paper_count',
    ),
  paperMixedGroups: () =>
    invalidField(
      'deputyIds',
      {
        zh: '同一批纸质票须来自同一组（常委会组成人员与列席代表分开计票）',
        en: 'one batch of papers must come from one group (members and attendees are counted apart)',
      },
      'ballot.paper_groups',
    ),
  paperVoters: (zh: string, en: string) => invalidField('deputyIds', { zh, en }, 'ballot.paper_voters'),
  noElectors: () =>
    new DomainError('invalid_transition', 'ballot.no_electors', {
      zh: '按所选范围没有可投票的代表，不能开始表决。',
      en: 'Nobody is entitled to vote under the chosen electorate.',
    }),
  notClosed: () =>
    new DomainError('invalid_transition', 'ballot.not_closed', {
      zh: '表决尚未结束，结果还不能查看。',
      en: 'The ballot has not closed yet.',
    }),
};
