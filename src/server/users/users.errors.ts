import { DomainError, invalidField } from '../platform/errors.js';

export const userNoun = { zh: '用户', en: 'User' };

export const userErrors = {
  usernameTaken: (username: string) =>
    invalidField(
      'username',
      { zh: `「用户名」${username} 已被使用`, en: `"Username" ${username} is taken` },
      'username_taken',
    ),
  unitRequired: (index: number) =>
    invalidField(
      `roles.${index}.unitId`,
      { zh: '承办单位角色必须指定「承办单位」', en: 'a unit role needs a "Unit"' },
      'unit_required',
    ),
  unitOutsideBody: (index: number) =>
    invalidField(
      `roles.${index}.unitId`,
      { zh: '「承办单位」不属于所选人大机关', en: '"Unit" does not belong to the chosen body' },
      'unit_outside_body',
    ),
  cannotDisableSelf: () =>
    new DomainError('conflict', 'cannot_disable_self', {
      zh: '不能停用自己的账户。',
      en: 'You cannot disable your own account.',
    }),
};
