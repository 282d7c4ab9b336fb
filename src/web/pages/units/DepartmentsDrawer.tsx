import { useState } from 'react';
import { App, Button, Drawer, Empty, Flex, Input, Popconfirm, Spin, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Unit } from '../../../shared/schemas/units.js';
import { showError } from '../../components/error-text.js';
import { useLocale } from '../../i18n/locale.js';
import { useAddDepartment, useDeleteDepartment, useDepartments, useRenameDepartment } from './units.api.js';

/** A unit's departments (内设科室): add, rename in place, delete (confirmed). */
export function DepartmentsDrawer({
  unit,
  canEdit,
  onClose,
}: {
  unit: Unit | null;
  canEdit: boolean;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const departments = useDepartments(unit?.id ?? null);
  const add = useAddDepartment();
  const rename = useRenameDepartment();
  const remove = useDeleteDepartment();
  const [name, setName] = useState('');

  const run = async (action: () => Promise<unknown>, done?: () => void) => {
    try {
      await action();
      message.success(t('saved'));
      done?.();
    } catch (error) {
      showError(message, error, t);
    }
  };

  return (
    <Drawer
      open={unit !== null}
      onClose={onClose}
      title={unit ? `${unit.name} · ${t('unitDepartments')}` : ''}
      size="min(420px, 100vw)"
      destroyOnHidden
    >
      {unit && canEdit ? (
        <Flex gap={8} style={{ marginBottom: 16 }}>
          <Input
            value={name}
            maxLength={60}
            placeholder={t('departmentName')}
            onChange={(event) => setName(event.target.value)}
            onPressEnter={() =>
              name.trim() &&
              void run(
                () => add.mutateAsync({ unitId: unit.id, name }),
                () => setName(''),
              )
            }
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!name.trim()}
            loading={add.isPending}
            onClick={() =>
              void run(
                () => add.mutateAsync({ unitId: unit.id, name }),
                () => setName(''),
              )
            }
          >
            {t('add')}
          </Button>
        </Flex>
      ) : null}
      {departments.isPending ? (
        <Spin />
      ) : (departments.data ?? []).length === 0 ? (
        <Empty description={t('empty')} />
      ) : (
        <Flex vertical gap={8}>
          {(departments.data ?? []).map((department) => (
            <Flex key={department.id} align="center" gap={8} className="minyi-grant">
              <Typography.Text
                style={{ flex: 1 }}
                editable={
                  canEdit && unit
                    ? {
                        onChange: (next) =>
                          next.trim() && next !== department.name
                            ? void run(() =>
                                rename.mutateAsync({ unitId: unit.id, id: department.id, name: next }),
                              )
                            : undefined,
                      }
                    : false
                }
              >
                {department.name}
              </Typography.Text>
              {canEdit && unit ? (
                <Popconfirm
                  title={t('deleteConfirm', { name: department.name })}
                  okText={t('remove')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('cancel')}
                  onConfirm={() => run(() => remove.mutateAsync({ unitId: unit.id, id: department.id }))}
                >
                  <Button
                    type="text"
                    danger
                    size="small"
                    icon={<DeleteOutlined />}
                    aria-label={t('remove')}
                  />
                </Popconfirm>
              ) : null}
            </Flex>
          ))}
        </Flex>
      )}
    </Drawer>
  );
}
