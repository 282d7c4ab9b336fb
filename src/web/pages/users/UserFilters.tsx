import { useCallback } from 'react';
import { Flex, Input, Select } from 'antd';
import type { Body as CongressBody } from '../../../shared/schemas/bodies.js';
import { roleLabels, roleValues } from '../../../shared/role-labels.js';
import type { Role } from '../../../shared/role-labels.js';
import { useSession } from '../../auth/session.js';
import { useLocale } from '../../i18n/locale.js';
import { coversBody } from '../bodies/bodies.api.js';
import { BodyTreeSelect } from '../bodies/BodyTreeSelect.js';
import type { UserQuery } from './users.api.js';

interface UserFiltersProps {
  bodyId: string | undefined;
  onChange: (change: UserQuery) => void;
}

/** Body (also where imports and exports go), name, role and status filters of the user list. */
export function UserFilters({ bodyId, onChange }: UserFiltersProps) {
  const { t, pick } = useLocale();
  const { me } = useSession();
  const managed = useCallback((body: CongressBody) => me !== null && coversBody(me, ['admin'], body), [me]);

  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }}>
      <BodyTreeSelect
        value={bodyId}
        selectable={managed}
        placeholder={t('userBodyFilter')}
        onChange={(id) => onChange({ bodyId: id })}
        onClear={() => onChange({ bodyId: undefined })}
        style={{ flex: '1 1 220px', maxWidth: 320 }}
      />
      <Input.Search
        allowClear
        placeholder={t('userSearchPlaceholder')}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        style={{ flex: '1 1 200px', maxWidth: 280 }}
      />
      <Select<Role>
        allowClear
        placeholder={t('userRoleFilter')}
        options={roleValues.map((role) => ({ value: role, label: pick(roleLabels[role]) }))}
        onChange={(role) => onChange({ role })}
        style={{ flex: '1 1 160px', maxWidth: 220 }}
      />
      <Select<'active' | 'disabled'>
        allowClear
        placeholder={t('userStatusFilter')}
        options={[
          { value: 'active', label: t('userStatusActive') },
          { value: 'disabled', label: t('userStatusDisabled') },
        ]}
        onChange={(status) => onChange({ status })}
        style={{ flex: '1 1 120px', maxWidth: 160 }}
      />
    </Flex>
  );
}
