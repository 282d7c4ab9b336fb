import { Button, Card, Flex, Form, Input, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useLocale } from '../../i18n/locale.js';
import { roleLabels, roleValues } from '../../../shared/role-labels.js';

interface ListCardProps {
  title: string;
  help: string;
  name: string;
  addLabel: string;
  min: number;
  max: number;
  /** A fresh row for "add". */
  blank: () => unknown;
  /** The fields of row `index`. */
  row: (index: number) => ReactNode;
}

/** A card holding an editable list (`Form.List`) with add and remove, within the schema's bounds. */
function ListCard({ title, help, name, addLabel, min, max, blank, row }: ListCardProps) {
  const { t } = useLocale();
  return (
    <Card title={title}>
      <p className="minyi-section-help">{help}</p>
      <Form.List name={name}>
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={8}>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="flex-start" className="minyi-list-row">
                <span className="minyi-list-index">{index + 1}</span>
                <Flex gap={8} wrap style={{ flex: 1, minWidth: 0 }}>
                  {row(field.name)}
                </Flex>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('remove')}
                  disabled={fields.length <= min}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              disabled={fields.length >= max}
              onClick={() => add(blank())}
              block
            >
              {addLabel}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Card>
  );
}

export function OutcomeClassesSection() {
  const { t } = useLocale();
  const countsOptions = [
    { value: 'solved', label: t('countsSolved') },
    { value: 'planned', label: t('countsPlanned') },
    { value: 'later', label: t('countsLater') },
    { value: 'reference', label: t('countsReference') },
  ];
  return (
    <ListCard
      title={t('sectionOutcomes')}
      help={t('sectionOutcomesHelp')}
      name="outcomeClasses"
      addLabel={t('outcomeAdd')}
      min={2}
      max={8}
      blank={() => ({ code: '', label: '', counts: 'reference' })}
      row={(index) => (
        <>
          <Form.Item
            name={[index, 'code']}
            rules={[
              { required: true, whitespace: true, message: t('fieldRequired', { field: t('outcomeCode') }) },
            ]}
            style={{ flex: '0 0 88px', minWidth: 0, marginBottom: 0 }}
          >
            <Input placeholder={t('outcomeCode')} maxLength={8} aria-label={t('outcomeCode')} />
          </Form.Item>
          <Form.Item
            name={[index, 'label']}
            rules={[
              { required: true, whitespace: true, message: t('fieldRequired', { field: t('outcomeLabel') }) },
            ]}
            style={{ flex: '3 1 200px', minWidth: 0, marginBottom: 0 }}
          >
            <Input placeholder={t('outcomeLabel')} maxLength={40} aria-label={t('outcomeLabel')} />
          </Form.Item>
          <Form.Item name={[index, 'counts']} style={{ flex: '2 1 180px', minWidth: 0, marginBottom: 0 }}>
            <Select options={countsOptions} aria-label={t('outcomeCounts')} style={{ width: '100%' }} />
          </Form.Item>
        </>
      )}
    />
  );
}

export function ReviewTiersSection() {
  const { t, pick } = useLocale();
  const roleOptions = roleValues.map((role) => ({ value: role, label: pick(roleLabels[role]) }));
  return (
    <ListCard
      title={t('sectionTiers')}
      help={t('sectionTiersHelp')}
      name="reviewTiers"
      addLabel={t('tierAdd')}
      min={1}
      max={6}
      blank={() => ({ key: '', name: '', roles: ['office_staff'] })}
      row={(index) => (
        <>
          <Form.Item
            name={[index, 'key']}
            rules={[
              { required: true, message: t('fieldRequired', { field: t('tierKey') }) },
              { pattern: /^[a-z_]+$/, message: t('tierKeyRule') },
            ]}
            style={{ flex: '1 1 140px', minWidth: 0, marginBottom: 0 }}
          >
            <Input placeholder={t('tierKey')} maxLength={40} aria-label={t('tierKey')} />
          </Form.Item>
          <Form.Item
            name={[index, 'name']}
            rules={[
              { required: true, whitespace: true, message: t('fieldRequired', { field: t('tierName') }) },
            ]}
            style={{ flex: '2 1 200px', minWidth: 0, marginBottom: 0 }}
          >
            <Input placeholder={t('tierName')} maxLength={40} aria-label={t('tierName')} />
          </Form.Item>
          <Form.Item
            name={[index, 'roles']}
            rules={[{ required: true, message: t('fieldRequired', { field: t('tierRoles') }) }]}
            style={{ flex: '3 1 240px', minWidth: 0, marginBottom: 0 }}
          >
            <Select
              mode="multiple"
              options={roleOptions}
              placeholder={t('tierRoles')}
              aria-label={t('tierRoles')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </>
      )}
    />
  );
}

export function NegativeListSection() {
  const { t } = useLocale();
  return (
    <ListCard
      title={t('sectionNegative')}
      help={t('sectionNegativeHelp')}
      name="negativeList"
      addLabel={t('negativeAdd')}
      min={0}
      max={100}
      blank={() => ({ label: '', keywords: [] })}
      row={(index) => (
        <>
          <Form.Item
            name={[index, 'label']}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('fieldRequired', { field: t('negativeLabel') }),
              },
            ]}
            style={{ flex: '2 1 220px', minWidth: 0, marginBottom: 0 }}
          >
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={200}
              placeholder={t('negativeLabel')}
              aria-label={t('negativeLabel')}
            />
          </Form.Item>
          <Form.Item name={[index, 'keywords']} style={{ flex: '3 1 220px', minWidth: 0, marginBottom: 0 }}>
            <Select
              mode="tags"
              placeholder={t('negativeKeywords')}
              aria-label={t('negativeKeywords')}
              tokenSeparators={[',', '，', '、', ' ']}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </>
      )}
    />
  );
}
