import { DomainError, conflict, invalidField, notFound } from '../platform/errors.js';

export const deputyNoun = { zh: '代表', en: 'Deputy' };
export const seatNoun = { zh: '代表席位', en: 'Deputy seat' };

export const deputyErrors = {
  termOutsideBody: (prefix: string) =>
    invalidField(
      `${prefix}termId`,
      { zh: '「届次」不属于所选人大机关', en: '"Term" does not belong to the chosen body' },
      'term_outside_body',
    ),
  delegationOutsideTerm: (prefix: string) =>
    invalidField(
      `${prefix}delegationId`,
      { zh: '「代表团」不属于该届次', en: '"Delegation" does not belong to this term' },
      'delegation_outside_term',
    ),
  groupOutsideBody: (prefix: string) =>
    invalidField(
      `${prefix}groupId`,
      { zh: '「代表小组」不属于该人大机关或届次', en: '"Deputy group" does not belong to this body or term' },
      'group_outside_body',
    ),
  seatInTermExists: () =>
    conflict('seat_exists', {
      zh: '该代表在本届已有席位，请修改原席位。',
      en: 'The deputy already holds a seat in this term; change that seat instead.',
    }),
  seatTerminated: () =>
    new DomainError('invalid_transition', 'seat_already_terminated', {
      zh: '该席位的代表资格已经终止。',
      en: 'This seat has already been terminated.',
    }),
  terminatedBeforeTerm: (termStart: string) =>
    invalidField(
      'terminatedOn',
      {
        zh: `「终止日期」不能早于本届开始日期 ${termStart}`,
        en: `"Terminated on" must not be before the term began (${termStart})`,
      },
      'terminated_before_term',
    ),
  userNotFound: () =>
    invalidField('userId', { zh: '「登录账号」不存在', en: '"Account" does not exist' }, 'user_not_found'),
  userAlreadyLinked: () =>
    invalidField(
      'userId',
      { zh: '「登录账号」已关联其他代表', en: '"Account" is already linked to another deputy' },
      'user_already_linked',
    ),
  tooYoung: (field: string, latestYear: number) =>
    invalidField(
      field,
      {
        zh: `「出生年份」不能晚于 ${latestYear}（代表须年满十八周岁）`,
        en: `"Birth year" must be ${latestYear} or earlier (deputies are at least 18)`,
      },
      'birth_year_too_late',
    ),
  photoType: () =>
    new DomainError(
      'validation',
      'photo_type_invalid',
      { zh: '照片只能是 JPEG、PNG 或 WebP 格式的图片。', en: 'A photo must be a JPEG, PNG or WebP image.' },
      [
        {
          field: 'file',
          message: {
            zh: '「文件」不是 JPEG、PNG 或 WebP 图片',
            en: '"File" is not a JPEG, PNG or WebP image',
          },
        },
      ],
    ),
  photoTooLarge: (maxBytes: number) => ({
    zh: `照片不能超过 ${maxBytes / 1024 / 1024} MB。`,
    en: `A photo must not exceed ${maxBytes / 1024 / 1024} MB.`,
  }),
  noPhoto: (id: string) => notFound({ zh: '代表照片', en: 'Deputy photo' }, id),
};
