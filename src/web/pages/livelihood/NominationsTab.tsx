import { useState } from 'react';
import { App, Button, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ExclusionReason, Nomination, RoundDetail } from '../../../shared/schemas/livelihood.js';
import {
  exclusionReasonLabels,
  exclusionReasonValues,
  nominationStatusLabels,
} from '../../../shared/schemas/livelihood.js';
import { FormModal } from '../../components/FormModal.js';
import { showError } from '../../components/error-text.js';
import { formatDateTime } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { useNominations, useScreen } from './livelihood.api.js';

const statusColor = { submitted: 'blue', accepted: 'green', excluded: 'default' } as const;

/** 群众提: proposals from the public, screened with a reason from the exclusion list. */
export function NominationsTab({ round }: { round: RoundDetail }) {
  const { t, pick } = useLocale();
  const { message } = App.useApp();
  const nominations = useNominations(round.id);
  const screen = useScreen();
  const [excluding, setExcluding] = useState<Nomination | null>(null);
  const screening = round.status === 'screening' && round.canManage;
  const accept = async (nomination: Nomination) => {
    try {
      await screen.mutateAsync({ id: nomination.id, input: { decision: 'accept' } });
    } catch (error) {
      showError(message, error, t);
    }
  };
  const columns: TableColumnsType<Nomination> = [
    {
      title: t('lvProposal'),
      key: 'title',
      render: (_v, n) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{n.title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {n.description}
          </Typography.Text>
          {n.location ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {n.location}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('lvNominator'),
      key: 'who',
      width: 150,
      render: (_v, n) => `${n.nominatorName} ${n.nominatorPhone}`,
    },
    { title: t('lvReceivedAt'), key: 'at', width: 150, render: (_v, n) => formatDateTime(n.createdAt) },
    {
      title: t('vtStatus'),
      key: 'status',
      width: 170,
      render: (_v, n) => (
        <Space direction="vertical" size={0}>
          <Tag color={statusColor[n.status]}>{pick(nominationStatusLabels[n.status])}</Tag>
          {n.exclusionReason ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {pick(exclusionReasonLabels[n.exclusionReason])}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    ...(screening
      ? [
          {
            title: t('actions'),
            key: 'actions',
            width: 150,
            render: (_v: unknown, n: Nomination) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  disabled={n.status === 'accepted'}
                  onClick={() => void accept(n)}
                >
                  {t('lvAccept')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  danger
                  disabled={n.status === 'excluded'}
                  onClick={() => setExcluding(n)}
                >
                  {t('lvExclude')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <Table<Nomination>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={nominations.data}
        loading={nominations.isFetching}
        scroll={{ x: 800 }}
        pagination={{ pageSize: 20, showTotal: (total) => t('totalItems', { total }) }}
      />
      <FormModal<{ reason: ExclusionReason; note?: string }>
        open={excluding !== null}
        title={t('lvExcludeTitle', { title: excluding?.title ?? '' })}
        onClose={() => setExcluding(null)}
        onSubmit={(values) =>
          screen.mutateAsync({
            id: excluding?.id ?? '',
            input: { decision: 'exclude', reason: values.reason, note: values.note ?? '' },
          })
        }
      >
        <Form.Item name="reason" label={t('lvExclusionReason')} rules={[{ required: true }]}>
          <Select
            options={exclusionReasonValues.map((value) => ({
              value,
              label: pick(exclusionReasonLabels[value]),
            }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('vtNote')}>
          <Input.TextArea maxLength={500} />
        </Form.Item>
      </FormModal>
    </>
  );
}
