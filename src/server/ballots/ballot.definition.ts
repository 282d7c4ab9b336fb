import { invalidField } from '../platform/errors.js';
import type { BallotCreate } from '../../shared/schemas/ballots.js';
import type { BallotsRepository } from './ballots.repository.js';
import { ballotErrors } from './ballots.errors.js';

/**
 * Checks that a ballot's parts fit together before it is stored: the question type with its
 * rule, the electorate with the weighting, the term and session, and the schedule.
 */
export async function checkDefinition(ballots: BallotsRepository, input: BallotCreate): Promise<void> {
  const { questionType, passRule, electorate } = input;
  if (questionType === 'select') {
    const max = input.maxSelections ?? 0;
    if (max < 1 || max >= input.items.length)
      throw invalidField('maxSelections', {
        zh: '「应选数」须至少为 1，且少于候选事项数（差额）',
        en: '"Seats" must be at least 1 and fewer than the candidates',
      });
    if (passRule.kind !== 'plurality')
      throw ballotErrors.ruleDoesNotFit(
        '限选表决按得票多少确定，请选择「得票多者当选」',
        'a choose-N ballot needs the "most votes" rule',
      );
  } else if (passRule.kind === 'plurality') {
    throw ballotErrors.ruleDoesNotFit(
      '「得票多者当选」只适用于限选表决',
      'the "most votes" rule is for choose-N ballots',
    );
  }
  if (questionType === 'score' && passRule.kind === 'majority_of_all')
    throw ballotErrors.ruleDoesNotFit(
      '打分表决请使用比例或分组加权规则',
      'score ballots need a threshold or weighted rule',
    );
  if (passRule.kind === 'weighted' && electorate.kind !== 'members_and_attendees')
    throw ballotErrors.ruleDoesNotFit(
      '分组加权须以「常委会组成人员 + 列席代表」为投票人',
      'weighted groups need members and attending deputies as the electorate',
    );

  const term = await ballots.termOf(input.termId);
  if (!term || term.body_id !== input.bodyId)
    throw invalidField('termId', { zh: '「届次」不属于该人大', en: '"Term" is not of this body' });
  if (input.sessionId) {
    const session = await ballots.sessionOf(input.sessionId);
    if (!session || session.term_id !== term.id)
      throw invalidField('sessionId', { zh: '「会议」不属于该届次', en: '"Session" is not of this term' });
  }
  if (electorate.kind === 'members_and_attendees') {
    if (electorate.attendeeDeputyIds.length === 0)
      throw invalidField('electorate.attendeeDeputyIds', {
        zh: '请选择列席代表',
        en: 'choose the attending deputies',
      });
    const seated = new Set(await ballots.activeDeputiesOfTerm(term.id));
    if (electorate.attendeeDeputyIds.some((id) => !seated.has(id)))
      throw invalidField('electorate.attendeeDeputyIds', {
        zh: '列席代表须为本届在任代表',
        en: 'attending deputies must hold a seat in this term',
      });
  }
  if (input.opensAt && input.closesAt && Date.parse(input.opensAt) >= Date.parse(input.closesAt))
    throw invalidField('closesAt', {
      zh: '「截止时间」须晚于「开始时间」',
      en: '"Closes at" must be after "Opens at"',
    });
}
