import { Tag } from 'antd';
import { roleLabels } from '../../shared/role-labels.js';
import type { Role } from '../../shared/role-labels.js';
import { useLocale } from '../i18n/locale.js';

const roleColors: Partial<Record<Role, string>> = {
  admin: 'red',
  office_staff: 'volcano',
  committee_staff: 'orange',
  leader: 'gold',
  deputy: 'blue',
  unit_handler: 'cyan',
  unit_leader: 'geekblue',
  supervision_office: 'purple',
  collector: 'green',
};

/** One tag per distinct role, labelled in the UI language. */
export function RoleTags({ roles, max }: { roles: readonly Role[]; max?: number }) {
  const { pick } = useLocale();
  const distinct = [...new Set(roles)];
  const shown = max === undefined ? distinct : distinct.slice(0, max);
  return (
    <>
      {shown.map((role) => (
        <Tag key={role} color={roleColors[role]} style={{ marginInlineEnd: 4 }}>
          {pick(roleLabels[role])}
        </Tag>
      ))}
      {shown.length < distinct.length ? <Tag>+{distinct.length - shown.length}</Tag> : null}
    </>
  );
}
