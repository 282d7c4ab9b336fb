import type { Role } from '../../shared/schemas/roles.js';
import { conflict, invalidField } from '../platform/errors.js';
import type { DomainError, LocalisedText } from '../platform/errors.js';

/** Who may change a body's organisation structure (terms, sessions, delegations, committees …). */
export const organisationWriters: readonly Role[] = ['admin', 'office_staff'];

export const termNoun = { zh: '届次', en: 'Term' };
export const congressSessionNoun = { zh: '会议', en: 'Congress session' };
export const delegationNoun = { zh: '代表团', en: 'Delegation' };
export const deputyGroupNoun = { zh: '代表小组', en: 'Deputy group' };
export const committeeNoun = { zh: '委员会', en: 'Committee' };
export const memberNoun = { zh: '常委会组成人员', en: 'Standing committee member' };
export const deputyNoun = { zh: '代表', en: 'Deputy' };

/** What still points at a row, e.g. 「3 次会议、120 个代表席位」. */
export interface Usage {
  zh: string;
  en: string;
  count: number;
}

function usageText(usages: Usage[]): LocalisedText {
  const used = usages.filter((u) => u.count > 0);
  return {
    zh: used.map((u) => `${u.count} ${u.zh}`).join('、'),
    en: used.map((u) => `${u.count} ${u.en}`).join(', '),
  };
}

export const organisationErrors = {
  /** 409: the row is still referenced, so deleting it would orphan data. */
  inUse: (noun: LocalisedText, usages: Usage[]): DomainError => {
    const text = usageText(usages);
    return conflict('in_use', {
      zh: `该${noun.zh}仍被引用（${text.zh}），不能删除。请先删除或调整这些数据。`,
      en: `This ${noun.en.toLowerCase()} is still referenced (${text.en}) and cannot be deleted.`,
    });
  },
  termNumberTaken: (n: number) =>
    invalidField('number', { zh: `第${n}届已存在`, en: `term ${n} already exists` }, 'term_number_taken'),
  sessionNumberTaken: (n: number) =>
    invalidField(
      'number',
      { zh: `本届第${n}次会议已存在`, en: `session ${n} of this term already exists` },
      'session_number_taken',
    ),
  nameTaken: (name: string) =>
    invalidField('name', { zh: `「名称」${name} 已存在`, en: `"Name" ${name} already exists` }, 'name_taken'),
  termOutsideBody: () =>
    invalidField(
      'termId',
      { zh: '「届次」不属于所选人大机关', en: '"Term" does not belong to the chosen body' },
      'term_outside_body',
    ),
  endBeforeStart: () =>
    invalidField(
      'endDate',
      { zh: '「结束日期」不能早于开始日期', en: '"End date" must not be before the start date' },
      'end_before_start',
    ),
  alreadyMember: () =>
    invalidField(
      'deputyId',
      { zh: '该代表已是本届常委会组成人员', en: 'this deputy is already a member for this term' },
      'already_member',
    ),
};
