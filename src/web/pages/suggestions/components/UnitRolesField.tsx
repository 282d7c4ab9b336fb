import { Button, DatePicker, Flex, Form, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { assignmentRoleLabels } from '../../../../shared/schemas/suggestions.js';
import { dayString } from '../../../format/time.js';
import { useLocale } from '../../../i18n/locale.js';
import { useActiveUnits } from '../api/reference.api.js';
import { DeadlinePreview } from './DeadlinePreview.js';

export interface AssignValues {
  assignedOn: Dayjs;
  units: { unitId?: string; role: 'lead' | 'co' | 'separate' }[];
}

/** The assignment date (today or earlier) with its reply deadline, for use inside a form. */
export function AssignedOnField({ bodyId, name = 'assignedOn' }: { bodyId: string; name?: string }) {
  const { t } = useLocale();
  const value = Form.useWatch<Dayjs | undefined>(name);
  return (
    <Form.Item
      name={name}
      label={t('sgAssignedOn')}
      extra={<DeadlinePreview bodyId={bodyId} assignedOn={dayString(value)} />}
    >
      <DatePicker
        allowClear={false}
        disabledDate={(day) => day.isAfter(dayjs(), 'day')}
        style={{ width: '100%' }}
      />
    </Form.Item>
  );
}

type UnitRole = 'lead' | 'co' | 'separate';
const allRoles: readonly UnitRole[] = ['lead', 'co', 'separate'];

/** Units and their roles (主办/协办, or 分办) as rows of a form list named `units`. */
export function UnitRolesField({
  bodyId,
  roles = allRoles,
  required = true,
  label,
}: {
  bodyId: string;
  roles?: readonly UnitRole[];
  /** At least one unit (an assignment); a category's usual units may be empty. */
  required?: boolean;
  label?: string;
}) {
  const { t, pick } = useLocale();
  const units = useActiveUnits(bodyId);
  return (
    <Form.List
      name="units"
      rules={[
        {
          validator: async (_rule, value: AssignValues['units'] | undefined) => {
            if (required && (!value || value.length === 0)) throw new Error(t('sgUnitsRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Form.Item label={label ?? t('sgUnits')} required={required}>
          <Flex vertical gap={8}>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="start">
                <Form.Item
                  name={[field.name, 'unitId']}
                  rules={[{ required: true, message: t('unitSelectPlaceholder') }]}
                  style={{ flex: 1, minWidth: 0, marginBottom: 0 }}
                >
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    loading={units.loading}
                    placeholder={t('unitSelectPlaceholder')}
                    options={units.items.map((unit) => ({ value: unit.id, label: unit.name }))}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'role']} style={{ width: 92, marginBottom: 0 }}>
                  <Select
                    options={roles.map((role) => ({
                      value: role,
                      label: pick(assignmentRoleLabels[role]),
                    }))}
                  />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('remove')}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ role: fields.length === 0 ? 'lead' : 'co' })}
            >
              {t('sgAddUnit')}
            </Button>
            <Form.ErrorList errors={errors} />
          </Flex>
        </Form.Item>
      )}
    </Form.List>
  );
}
