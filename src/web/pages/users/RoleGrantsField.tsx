import { useCallback } from 'react';
import { Button, Card, Flex, Form, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Body as CongressBody } from '../../../shared/schemas/bodies.js';
import { roleLabels, roleValues, unitRoles } from '../../../shared/role-labels.js';
import type { Role } from '../../../shared/role-labels.js';
import { useSession } from '../../auth/session.js';
import { useLocale } from '../../i18n/locale.js';
import { coversBody } from '../bodies/bodies.api.js';
import { BodyTreeSelect } from '../bodies/BodyTreeSelect.js';
import { UnitSelect } from '../units/UnitSelect.js';

/** One role grant as the form holds it (the API's `roleGrantSchema` with an optional unit). */
export interface RoleGrantValues {
  role?: Role;
  bodyId?: string;
  unitId?: string;
}

/** The user's roles: each a role in a congress body, and for unit roles the unit of that body. */
export function RoleGrantsField() {
  const { t, pick } = useLocale();
  const { me } = useSession();
  const selectable = useCallback(
    (body: CongressBody) => (me ? coversBody(me, ['admin'], body) : false),
    [me],
  );
  const roleOptions = roleValues.map((role) => ({ value: role, label: pick(roleLabels[role]) }));

  return (
    <Form.List
      name="roles"
      rules={[
        {
          validator: async (_rule, roles: unknown[] | undefined) => {
            if (!roles || roles.length === 0) throw new Error(t('roleRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={8}>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              title={t('roleGrantNumber', { index: index + 1 })}
              extra={
                <Button
                  type="text"
                  danger
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={t('remove')}
                  onClick={() => remove(field.name)}
                />
              }
              styles={{ body: { paddingBottom: 0 } }}
            >
              <Flex gap={8} wrap align="flex-start">
                <Form.Item
                  name={[field.name, 'role']}
                  label={t('userRoles')}
                  rules={[{ required: true, message: t('fieldRequired', { field: t('userRoles') }) }]}
                  style={{ flex: '1 1 180px', minWidth: 0 }}
                >
                  <Select options={roleOptions} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'bodyId']}
                  label={t('roleBody')}
                  rules={[{ required: true, message: t('fieldRequired', { field: t('roleBody') }) }]}
                  style={{ flex: '2 1 220px', minWidth: 0 }}
                >
                  <BodyTreeSelect selectable={selectable} />
                </Form.Item>
                <Form.Item
                  noStyle
                  dependencies={[
                    ['roles', field.name, 'role'],
                    ['roles', field.name, 'bodyId'],
                  ]}
                >
                  {({ getFieldValue }) => {
                    const role: unknown = getFieldValue(['roles', field.name, 'role']);
                    const bodyId: unknown = getFieldValue(['roles', field.name, 'bodyId']);
                    return unitRoles.some((unitRole) => unitRole === role) ? (
                      <Form.Item
                        name={[field.name, 'unitId']}
                        label={t('homeUnit')}
                        rules={[{ required: true, message: t('fieldRequired', { field: t('homeUnit') }) }]}
                        style={{ flex: '1 1 200px', minWidth: 0 }}
                      >
                        <UnitSelect bodyId={typeof bodyId === 'string' ? bodyId : null} />
                      </Form.Item>
                    ) : null;
                  }}
                </Form.Item>
              </Flex>
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block>
            {t('roleAdd')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
