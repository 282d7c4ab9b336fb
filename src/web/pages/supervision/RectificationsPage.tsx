import { useState } from 'react';
import { App, Button, Card, Flex, InputNumber, Popconfirm, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useParams } from 'react-router-dom';
import type { Rectification } from '../../../shared/schemas/supervision.js';
import { rectificationStatusLabels } from '../../../shared/schemas/supervision.js';
import { hasAnyRole } from '../../auth/roles.js';
import { useSession } from '../../auth/session.js';
import { showError } from '../../components/error-text.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryError } from '../../components/QueryError.js';
import { todayInBeijing } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { BodyTreeSelect } from '../bodies/BodyTreeSelect.js';
import { useChosenBody } from '../bodies/useChosenBody.js';
import { RectificationDialog } from './RectificationDialog.js';
import { ResponsiveTable } from './ResponsiveTable.js';
import type { RectificationAction, Satisfaction } from './supervision.api.js';
import { useCreateRectifications, useRectifications, useSatisfaction } from './supervision.api.js';

const statusColors = { open: 'orange', submitted: 'processing', accepted: 'success' } as const;
type Unit = Satisfaction['units'][number];

function TaskActions({ task, onAct }: { task: Rectification; onAct: (a: RectificationAction) => void }) {
  const { t } = useLocale();
  const labels: Record<RectificationAction, string> = {
    submit: t('svRectSubmit'),
    accept: t('svRectAccept'),
    return: t('svRectReturn'),
  };
  return (
    <Flex gap={4} wrap>
      {(['submit', 'accept', 'return'] as const)
        .filter((a) => task.allowedActions.includes(a))
        .map((a) => (
          <Button key={a} size="small" type={a === 'return' ? 'default' : 'primary'} onClick={() => onAct(a)}>
            {labels[a]}
          </Button>
        ))}
    </Flex>
  );
}

function TaskBody({ task }: { task: Rectification }) {
  const { t } = useLocale();
  return (
    <Flex vertical gap={4}>
      {task.reportText ? (
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
          <Typography.Text type="secondary">{t('svRectReport')}：</Typography.Text>
          {task.reportText}
        </Typography.Paragraph>
      ) : null}
      {task.explanation ? (
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
          <Typography.Text type="secondary">{t('svRectExplanation')}：</Typography.Text>
          {task.explanation}
        </Typography.Paragraph>
      ) : null}
      {task.reviewNote ? (
        <Typography.Text type="secondary">
          {t('svRectNote')}：{task.reviewNote}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/** 满意率 per unit for the year, and the office's button to give tasks to units below the threshold. */
function SatisfactionCard({ bodyId, year }: { bodyId: string | null; year: number }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const satisfaction = useSatisfaction(bodyId, year, true);
  const create = useCreateRectifications();
  const below = (satisfaction.data?.units ?? []).filter((u) => u.belowThreshold);
  const columns: TableColumnsType<Unit> = [
    { title: t('sgUnits'), dataIndex: 'unitName', key: 'unit' },
    { title: t('svValid'), dataIndex: 'valid', key: 'valid', width: 90 },
    {
      title: t('svRate'),
      key: 'rate',
      width: 120,
      render: (_v, u) =>
        u.rate === null ? (
          '—'
        ) : (
          <Typography.Text type={u.belowThreshold ? 'danger' : undefined}>{u.rate}%</Typography.Text>
        ),
    },
    {
      title: t('svRectColumn'),
      key: 'task',
      width: 110,
      render: (_v, u) => (u.rectificationId ? <Tag color="orange">{t('svRectGiven')}</Tag> : null),
    },
  ];
  return (
    <Card
      title={t('svSatisfactionTitle', { year, threshold: satisfaction.data?.thresholdPercent ?? '—' })}
      extra={
        <Popconfirm
          title={t('svRectCreateConfirm', { count: below.filter((u) => !u.rectificationId).length })}
          okText={t('svRectCreate')}
          cancelText={t('cancel')}
          onConfirm={async () => {
            try {
              const result = await create.mutateAsync({ bodyId: bodyId ?? '', year });
              message.success(
                t('svRectCreated', { count: result.created.length, existing: result.existing }),
              );
            } catch (error) {
              showError(message, error, t);
            }
          }}
        >
          <Button
            type="primary"
            size="small"
            loading={create.isPending}
            disabled={below.every((u) => u.rectificationId !== null)}
          >
            {t('svRectCreate')}
          </Button>
        </Popconfirm>
      }
    >
      {satisfaction.isError ? (
        <QueryError error={satisfaction.error} onRetry={() => void satisfaction.refetch()} />
      ) : (
        <ResponsiveTable<Unit>
          rows={satisfaction.data?.units ?? []}
          rowKey={(u) => u.unitId}
          columns={columns}
          loading={satisfaction.isPending}
          pagination={false}
          card={(u) => (
            <Flex justify="space-between" gap={8} wrap>
              <Typography.Text>{u.unitName}</Typography.Text>
              <Typography.Text type={u.belowThreshold ? 'danger' : 'secondary'}>
                {u.rate === null ? '—' : `${u.rate}%`} · {t('svValidCount', { count: u.valid })}
              </Typography.Text>
            </Flex>
          )}
        />
      )}
    </Card>
  );
}

/** 整改任务: units below the satisfaction threshold report within a month; the office closes the task. */
export function RectificationsPage() {
  const { t, pick } = useLocale();
  const { id } = useParams();
  const { me } = useSession();
  const office = me !== null && hasAnyRole(me, ['office_staff', 'admin']);
  const { bodyId, choose } = useChosenBody(['office_staff', 'admin', 'unit_handler', 'unit_leader']);
  const [year, setYear] = useState(() => Number(todayInBeijing().slice(0, 4)));
  const tasks = useRectifications(bodyId, year);
  const [acting, setActing] = useState<{ task: Rectification; action: RectificationAction } | null>(null);
  const rows = [...(tasks.data ?? [])].sort((a, b) => Number(b.id === id) - Number(a.id === id));
  const columns: TableColumnsType<Rectification> = [
    { title: t('sgUnits'), dataIndex: 'unitName', key: 'unit' },
    {
      title: t('svRate'),
      key: 'rate',
      width: 140,
      render: (_v, r) => `${r.rate}%（${t('svThreshold', { threshold: r.thresholdPercent })}）`,
    },
    {
      title: t('svRectDue'),
      key: 'due',
      width: 110,
      render: (_v, r) => <Typography.Text type={r.overdue ? 'danger' : undefined}>{r.dueOn}</Typography.Text>,
    },
    {
      title: t('sgStatus'),
      key: 'status',
      width: 130,
      render: (_v, r) => (
        <Tag color={statusColors[r.status]}>{pick(rectificationStatusLabels[r.status])}</Tag>
      ),
    },
    { title: t('svRectReport'), key: 'report', render: (_v, r) => <TaskBody task={r} /> },
    {
      title: t('actions'),
      key: 'actions',
      width: 170,
      render: (_v, r) => <TaskActions task={r} onAct={(action) => setActing({ task: r, action })} />,
    },
  ];
  return (
    <>
      <PageHeader title={t('svRectTitle')} intro={t('svRectIntro')} />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <BodyTreeSelect value={bodyId} onChange={choose} style={{ minWidth: 200 }} />
        <InputNumber
          min={2000}
          max={2100}
          value={year}
          onChange={(value) => value && setYear(value)}
          suffix={t('svYear')}
          style={{ width: 120 }}
        />
      </Flex>
      <Flex vertical gap={16}>
        {office ? <SatisfactionCard bodyId={bodyId} year={year} /> : null}
        <Card title={t('svRectList')}>
          {tasks.isError ? (
            <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />
          ) : (
            <ResponsiveTable<Rectification>
              testId="rectifications"
              rows={rows}
              rowKey={(r) => r.id}
              columns={columns}
              loading={tasks.isPending}
              pagination={false}
              card={(r) => (
                <Flex vertical gap={6}>
                  <Flex justify="space-between" gap={8} wrap>
                    <Typography.Text strong>{r.unitName}</Typography.Text>
                    <Tag color={statusColors[r.status]}>{pick(rectificationStatusLabels[r.status])}</Tag>
                  </Flex>
                  <Typography.Text type="secondary">
                    {r.rate}% · {t('svRectDue')} {r.dueOn}
                  </Typography.Text>
                  <TaskBody task={r} />
                  <TaskActions task={r} onAct={(action) => setActing({ task: r, action })} />
                </Flex>
              )}
            />
          )}
        </Card>
      </Flex>
      <RectificationDialog
        task={acting?.task ?? null}
        action={acting?.action ?? null}
        onClose={() => setActing(null)}
      />
    </>
  );
}
