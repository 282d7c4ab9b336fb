// Role names and labels without zod, so the web app's first load (menu, header) does not pull in
// the validation library; `schemas/roles.ts` re-exports them beside the schemas.

/** Roles of `DOMAIN.md` §1 that hold accounts (citizens need none). */
export const roleValues = [
  'admin',
  'office_staff',
  'committee_staff',
  'leader',
  'deputy',
  'unit_handler',
  'unit_leader',
  'supervision_office',
  'collector',
] as const;
export type Role = (typeof roleValues)[number];

export const roleLabels: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  office_staff: { zh: '代表工委工作人员', en: 'Congress office staff' },
  committee_staff: { zh: '专门委员会工作人员', en: 'Committee staff' },
  leader: { zh: '领导', en: 'Leader' },
  deputy: { zh: '人大代表', en: 'Deputy' },
  unit_handler: { zh: '承办单位经办人', en: 'Unit handler' },
  unit_leader: { zh: '承办单位负责人', en: 'Unit leader' },
  supervision_office: { zh: '政府督查室', en: 'Government supervision office' },
  collector: { zh: '信息采集员', en: 'Information collector' },
};

/** Roles that work for a handling unit and must be scoped to one. */
export const unitRoles: readonly Role[] = ['unit_handler', 'unit_leader'];
/** Staff roles: a second factor can be required for these. */
export const staffRoles: readonly Role[] = [
  'admin',
  'office_staff',
  'committee_staff',
  'leader',
  'supervision_office',
  'unit_handler',
  'unit_leader',
];
