import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Popconfirm, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { NotificationOutlined, StarOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { SuggestionSummary } from '../../../../shared/schemas/suggestions.js';
import { showError } from '../../../components/error-text.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryError } from '../../../components/QueryError.js';
import { useLocale } from '../../../i18n/locale.js';
import { BodyTreeSelect } from '../../bodies/BodyTreeSelect.js';
import { useChosenBody } from '../../bodies/useChosenBody.js';
import { keyDeciders, useKeyCandidates, usePublishKey, useUnmarkKey } from '../api/key.api.js';
import { useCurrentSessions } from '../api/reference.api.js';
import { useSuggestions } from '../api/suggestions.api.js';
import { KeyTag, SuggestionStatusTag, UnitsText } from '../components/StatusTags.js';
import { KeyConfirmModal } from './KeyConfirmModal.js';

/** 重点建议: candidates by the body's rule, confirmation with sponsors and supervisors, publication. */
export function KeySuggestionsPage() {
  const { t } = useLocale();
  const { message } = App.useApp();
  const { bodyId, choose } = useChosenBody(keyDeciders);
  const sessions = useCurrentSessions(bodyId);
  const [sessionId, setSessionId] = useState<string | undefined>();
  const candidates = useKeyCandidates(bodyId, sessionId);
  const confirmed = useSuggestions(
    {
      view: 'all',
      bodyId: bodyId ?? undefined,
      sessionId,
      key: 'true',
      page: 1,
      pageSize: 200,
      sort: 'serial',
    },
    bodyId !== null,
  );
  const unmark = useUnmarkKey();
  const publish = usePublishKey();
  const [editing, setEditing] = useState<SuggestionSummary | null>(null);
  const unpublished = (confirmed.data?.items ?? []).filter((item) => item.keyStatus === 'confirmed').length;

  const run = async (call: () => Promise<unknown>, done: string) => {
    try {
      await call();
      message.success(done);
    } catch (error) {
      showError(message, error, t);
    }
  };

  const base: TableColumnsType<SuggestionSummary> = [
    { title: t('sgSerial'), key: 'serial', width: 96, render: (_v, item) => item.serialLabel ?? '—' },
    {
      title: t('sgTitle'),
      key: 'title',
      render: (_v, item) => (
        <Flex vertical gap={2}>
          <Link to={`/suggestions/${item.id}`}>{item.title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.leadDeputyName} · {t('sgSignerTotal', { count: item.signerCount })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('sgStatus'),
      key: 'status',
      width: 100,
      render: (_v, item) => <SuggestionStatusTag status={item.status} />,
    },
    { title: t('sgUnits'), key: 'units', width: 200, render: (_v, item) => <UnitsText units={item.units} /> },
  ];
  const candidateColumns: TableColumnsType<SuggestionSummary> = [
    ...base,
    {
      title: t('actions'),
      key: 'actions',
      width: 150,
      render: (_v, item) =>
        item.keyStatus === 'none' ? (
          <Button size="small" type="primary" icon={<StarOutlined />} onClick={() => setEditing(item)}>
            {t('keyConfirm')}
          </Button>
        ) : (
          <KeyTag keyStatus={item.keyStatus} />
        ),
    },
  ];
  const confirmedColumns: TableColumnsType<SuggestionSummary> = [
    ...base,
    {
      title: t('sgKeyColumn'),
      key: 'key',
      width: 100,
      render: (_v, item) => <KeyTag keyStatus={item.keyStatus} />,
    },
    {
      title: t('actions'),
      key: 'actions',
      width: 170,
      render: (_v, item) => (
        <Flex gap={4} wrap>
          <Button size="small" type="link" onClick={() => setEditing(item)}>
            {t('keyEditLeaders')}
          </Button>
          <Popconfirm
            title={t('keyUnmarkConfirm', { title: item.title })}
            okText={t('keyUnmark')}
            okButtonProps={{ danger: true }}
            cancelText={t('cancel')}
            onConfirm={() => run(() => unmark.mutateAsync(item.id), t('saved'))}
          >
            <Button size="small" type="link" danger>
              {t('keyUnmark')}
            </Button>
          </Popconfirm>
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('keyTitle')}
        intro={t('keyIntro')}
        extra={
          <Popconfirm
            title={t('keyPublishConfirm', { count: unpublished })}
            okText={t('keyPublish')}
            cancelText={t('cancel')}
            disabled={!bodyId || unpublished === 0}
            onConfirm={async () => {
              try {
                const result = await publish.mutateAsync({ bodyId: bodyId ?? '', sessionId });
                message.success(t('keyPublished', { count: result.published }));
              } catch (error) {
                showError(message, error, t);
              }
            }}
          >
            <Button
              type="primary"
              icon={<NotificationOutlined />}
              disabled={!bodyId || unpublished === 0}
              loading={publish.isPending}
            >
              {t('keyPublish')}
            </Button>
          </Popconfirm>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <BodyTreeSelect value={bodyId} onChange={choose} style={{ flex: '1 1 200px', maxWidth: 280 }} />
        <Select<string>
          allowClear
          value={sessionId}
          onChange={setSessionId}
          placeholder={t('keyAllSessions')}
          options={sessions.items.map((s) => ({ value: s.id, label: s.name }))}
          style={{ flex: '1 1 220px', maxWidth: 320 }}
        />
      </Flex>
      <Flex vertical gap={16}>
        <Card
          title={t('keyCandidates')}
          extra={candidates.data ? t('keyRule', { count: candidates.data.minSigners }) : null}
          className="minyi-table-card"
        >
          {candidates.isError ? (
            <QueryError error={candidates.error} onRetry={() => void candidates.refetch()} />
          ) : (
            <Table<SuggestionSummary>
              rowKey="id"
              size="middle"
              columns={candidateColumns}
              dataSource={candidates.data?.items}
              loading={candidates.isFetching}
              scroll={{ x: 760 }}
              pagination={false}
              locale={{ emptyText: <Empty description={t('keyNoCandidates')} /> }}
            />
          )}
        </Card>
        <Card title={t('keyConfirmedList')} className="minyi-table-card">
          <Table<SuggestionSummary>
            rowKey="id"
            size="middle"
            columns={confirmedColumns}
            dataSource={confirmed.data?.items}
            loading={confirmed.isFetching}
            scroll={{ x: 860 }}
            pagination={false}
            locale={{ emptyText: <Empty description={t('keyNoneConfirmed')} /> }}
          />
        </Card>
      </Flex>
      <KeyConfirmModal item={editing} onClose={() => setEditing(null)} />
    </>
  );
}
