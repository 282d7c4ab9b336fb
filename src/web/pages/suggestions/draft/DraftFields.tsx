import { useEffect } from 'react';
import { Checkbox, Form, Input, Radio, Select, TreeSelect } from 'antd';
import type { FormInstance } from 'antd';
import { suggestionKindLabels, suggestionTimingLabels } from '../../../../shared/schemas/suggestions.js';
import { useLocale } from '../../../i18n/locale.js';
import { categoryTree, useCategories } from '../api/categories.api.js';
import type { CategoryNode } from '../api/categories.api.js';
import { useCurrentSessions } from '../api/reference.api.js';

export interface DraftValues {
  bodyId: string;
  timing: 'session' | 'recess';
  sessionId?: string | null;
  kind: 'suggestion' | 'motion';
  categoryId?: string | null;
  title: string;
  grounds: string;
  proposals: string;
  disclose: boolean;
  nondisclosureReason?: string | null;
}

interface TreeOption {
  value: string;
  title: string;
  children?: TreeOption[];
}
const toOption = (node: CategoryNode): TreeOption => ({
  value: node.id,
  title: node.name,
  children: node.children?.map(toOption),
});

/** Picks a session of the body; chooses the newest one when the field is still empty. */
function SessionSelect({
  bodyId,
  value,
  onChange,
  id,
}: {
  bodyId: string | null;
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
}) {
  const { t } = useLocale();
  const sessions = useCurrentSessions(bodyId);
  const newest = sessions.items[0]?.id;
  useEffect(() => {
    if (!value && newest) onChange?.(newest);
  }, [value, newest, onChange]);
  return (
    <Select<string>
      id={id}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      loading={sessions.loading}
      placeholder={t('sgSessionPlaceholder')}
      options={sessions.items.map((session) => ({ value: session.id, label: session.name }))}
    />
  );
}

/** The fields of a suggestion, phone-first: one column, text areas that grow, counts. */
export function DraftFields({
  form,
  bodies,
  fixedBody,
}: {
  form: FormInstance<DraftValues>;
  /** Bodies where the user is a deputy; the choice is offered only when there are several. */
  bodies: { id: string; name: string }[];
  /** Editing: the body cannot change. */
  fixedBody: boolean;
}) {
  const { t, pick } = useLocale();
  const bodyId = Form.useWatch('bodyId', form) ?? null;
  const timing = Form.useWatch('timing', form);
  const disclose = Form.useWatch('disclose', form);
  const categories = useCategories(bodyId);
  const required = (field: string) => [
    { required: true, whitespace: true, message: t('fieldRequired', { field }) },
  ];

  return (
    <>
      <Form.Item
        name="bodyId"
        label={t('sgBody')}
        hidden={bodies.length < 2 && !fixedBody}
        rules={[{ required: true }]}
      >
        <Select
          disabled={fixedBody}
          options={bodies.map((body) => ({ value: body.id, label: body.name }))}
          onChange={() => form.setFieldsValue({ sessionId: null, categoryId: null })}
        />
      </Form.Item>
      <Form.Item name="timing" label={t('sgTiming')}>
        <Radio.Group
          optionType="button"
          options={(['session', 'recess'] as const).map((value) => ({
            value,
            label: pick(suggestionTimingLabels[value]),
          }))}
        />
      </Form.Item>
      {timing === 'recess' ? null : (
        <Form.Item
          name="sessionId"
          label={t('sgSession')}
          rules={[{ required: true, message: t('sgSessionRequired') }]}
        >
          <SessionSelect bodyId={bodyId} />
        </Form.Item>
      )}
      <Form.Item name="kind" label={t('sgKind')} extra={t('sgKindHelp')}>
        <Radio.Group
          optionType="button"
          options={(['suggestion', 'motion'] as const).map((value) => ({
            value,
            label: pick(suggestionKindLabels[value]),
          }))}
        />
      </Form.Item>
      <Form.Item name="categoryId" label={t('sgCategory')}>
        <TreeSelect<string>
          allowClear
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          loading={categories.isPending && bodyId !== null}
          placeholder={t('sgCategoryPlaceholder')}
          treeData={categoryTree(categories.data ?? []).map(toOption)}
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('sgTitleLabel')}
        extra={t('sgTitleHelp')}
        rules={required(t('sgTitleLabel'))}
      >
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 3 }}
          maxLength={80}
          showCount
          placeholder={t('sgTitlePlaceholder')}
        />
      </Form.Item>
      <Form.Item name="grounds" label={t('sgGrounds')} extra={t('sgGroundsHelp')}>
        <Input.TextArea autoSize={{ minRows: 5, maxRows: 24 }} maxLength={10000} showCount />
      </Form.Item>
      <Form.Item name="proposals" label={t('sgProposals')} extra={t('sgProposalsHelp')}>
        <Input.TextArea autoSize={{ minRows: 5, maxRows: 24 }} maxLength={10000} showCount />
      </Form.Item>
      <Form.Item
        name="disclose"
        getValueProps={(value: boolean) => ({ checked: value === false })}
        getValueFromEvent={(event: { target: { checked: boolean } }) => !event.target.checked}
        extra={t('sgNondisclosureHelp')}
      >
        <Checkbox>{t('sgNotForDisclosure')}</Checkbox>
      </Form.Item>
      {disclose === false ? (
        <Form.Item
          name="nondisclosureReason"
          label={t('sgNondisclosureReason')}
          rules={required(t('sgNondisclosureReason'))}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} showCount />
        </Form.Item>
      ) : null}
    </>
  );
}
