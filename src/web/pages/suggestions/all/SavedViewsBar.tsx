import { useState } from 'react';
import { App, Button, Checkbox, Flex, Form, Input, Popconfirm, Popover, Select } from 'antd';
import { DeleteOutlined, SaveOutlined, SettingOutlined } from '@ant-design/icons';
import { showError } from '../../../components/error-text.js';
import { FormModal } from '../../../components/FormModal.js';
import { useLocale } from '../../../i18n/locale.js';
import { useSavedViewMutations, useSavedViews } from '../api/saved-views.api.js';
import { fromConfig, toConfig } from './list-filters.js';
import type { ListLayout } from './list-filters.js';
import { columnKeys, columnLabels } from './suggestion-columns.js';
import type { ColumnKey } from './suggestion-columns.js';

const listKey = 'suggestions';

/** Column chooser and the user's saved layouts (columns, filters, sort, page size). */
export function SavedViewsBar({
  layout,
  onApply,
}: {
  layout: ListLayout;
  onApply: (layout: ListLayout) => void;
}) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const views = useSavedViews(listKey);
  const { create, remove } = useSavedViewMutations(listKey);
  const [current, setCurrent] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const chosen = views.data?.find((view) => view.id === current);

  const chooser = (
    <Checkbox.Group<ColumnKey>
      value={layout.columns}
      onChange={(columns) => onApply({ ...layout, columns })}
      style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
      options={columnKeys
        .filter((key) => key !== 'title')
        .map((key) => ({ value: key, label: t(columnLabels[key]) }))}
    />
  );

  return (
    <Flex gap={8} wrap align="center">
      <Select<string>
        allowClear
        value={current}
        placeholder={t('svChoose')}
        loading={views.isPending}
        options={(views.data ?? []).map((view) => ({ value: view.id, label: view.name }))}
        onChange={(id) => {
          setCurrent(id);
          const view = views.data?.find((candidate) => candidate.id === id);
          if (view) onApply(fromConfig(view.config));
        }}
        style={{ minWidth: 160 }}
        notFoundContent={t('svNone')}
        aria-label={t('svChoose')}
      />
      {chosen ? (
        <Popconfirm
          title={t('deleteConfirm', { name: chosen.name })}
          okText={t('remove')}
          okButtonProps={{ danger: true }}
          cancelText={t('cancel')}
          onConfirm={async () => {
            try {
              await remove.mutateAsync(chosen.id);
              setCurrent(undefined);
            } catch (error) {
              showError(message, error, t);
            }
          }}
        >
          <Button icon={<DeleteOutlined />} aria-label={t('svDelete')} />
        </Popconfirm>
      ) : null}
      <Button icon={<SaveOutlined />} onClick={() => setSaving(true)}>
        {t('svSave')}
      </Button>
      <Popover content={chooser} title={t('svColumns')} trigger="click" placement="bottomRight">
        <Button icon={<SettingOutlined />}>{t('svColumns')}</Button>
      </Popover>
      <FormModal<{ name: string }>
        open={saving}
        title={t('svSave')}
        onClose={() => setSaving(false)}
        onSubmit={async ({ name }) => {
          const view = await create.mutateAsync({ listKey, name, config: toConfig(layout) });
          setCurrent(view.id);
          message.success(t('saved'));
        }}
      >
        <Form.Item
          name="name"
          label={t('svName')}
          rules={[{ required: true, whitespace: true, message: t('svNameRequired') }]}
        >
          <Input maxLength={40} showCount placeholder={t('svNamePlaceholder')} />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
