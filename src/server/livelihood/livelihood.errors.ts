import { DomainError, conflict, invalidField } from '../platform/errors.js';

export const roundNoun = { zh: '民生实事票决', en: 'Livelihood round' };
export const projectNoun = { zh: '民生实事项目', en: 'Livelihood project' };
export const nominationNoun = { zh: '群众建议', en: 'Proposal' };

/** Errors of livelihood projects, each with a stable code and plain words. */
export const livelihoodErrors = {
  periodTooShort: () =>
    invalidField(
      'nominationEndsOn',
      { zh: '公开征集期不得少于 30 日', en: 'proposals must be collected for at least 30 days' },
      'livelihood.period_too_short',
    ),
  notAccepting: () =>
    new DomainError('invalid_transition', 'livelihood.not_accepting', {
      zh: '当前不在征集期内，暂不接受建议。',
      en: 'Proposals are not being collected now.',
    }),
  formExpired: () =>
    new DomainError('validation', 'livelihood.form_expired', {
      zh: '页面已过期，请刷新页面后重新提交。',
      en: 'The form has expired; reload the page and submit again.',
    }),
  tooFast: () =>
    new DomainError('rate_limited', 'livelihood.too_fast', {
      zh: '提交过快，请稍候再提交。',
      en: 'Submitted too quickly; please wait a moment.',
    }),
  rejectedAsAutomated: () =>
    new DomainError('validation', 'livelihood.automated', {
      zh: '提交未被接受，请刷新页面后重新填写。',
      en: 'The submission was not accepted; reload and fill in the form again.',
    }),
  duplicate: () =>
    conflict('livelihood.duplicate', {
      zh: '已收到内容相同的建议，无需重复提交。',
      en: 'The same proposal has already been received.',
    }),
  contactLimit: (limit: number) =>
    new DomainError('rate_limited', 'livelihood.contact_limit', {
      zh: `同一手机号在本次征集中最多提交 ${limit} 条建议。`,
      en: `At most ${limit} proposals per phone number in this round.`,
    }),
  addressLimit: () =>
    new DomainError('rate_limited', 'livelihood.address_limit', {
      zh: '今天从您的网络提交的建议已达上限，请明天再试。',
      en: 'Too many proposals from your network today; try again tomorrow.',
    }),
  unitNotInBody: () =>
    invalidField('unitId', {
      zh: '「承办单位」不存在、已停用或不属于本级人大',
      en: '"Unit" not found, inactive or not of this body',
    }),
  nominationsNotAccepted: () =>
    invalidField('nominationIds', {
      zh: '只能关联本轮已采纳的群众建议',
      en: 'only accepted proposals of this round can be linked',
    }),
  candidatesFixed: () =>
    new DomainError('invalid_transition', 'livelihood.candidates_fixed', {
      zh: '候选项目已确定，不能再修改。',
      en: 'The candidates are fixed and can no longer be changed.',
    }),
  notSelected: () =>
    new DomainError('invalid_transition', 'livelihood.not_selected', {
      zh: '只有票决确定的项目才有实施计划、进度和监督小组。',
      en: 'Only selected projects have plans, progress and supervision groups.',
    }),
  notScreening: () =>
    new DomainError('invalid_transition', 'livelihood.not_screening', {
      zh: '只有在筛选阶段才能处理群众建议。',
      en: 'Proposals are screened only during screening.',
    }),
  notEditable: () =>
    new DomainError('invalid_transition', 'livelihood.not_editable', {
      zh: '征集开始后，只能修改说明和截止日期。',
      en: 'Once collection has started only the description and end date can change.',
    }),
  concurrentChange: () =>
    conflict('livelihood.concurrent_change', {
      zh: '内容刚刚已被他人修改，请刷新后再试。',
      en: 'Changed by someone else just now; reload and retry.',
    }),
  supervisorsNotSeated: () =>
    invalidField('memberDeputyIds', {
      zh: '监督小组成员须为本届在任代表',
      en: 'supervision group members must hold a seat in this term',
    }),
};
