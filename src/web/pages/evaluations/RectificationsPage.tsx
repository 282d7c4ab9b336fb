import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useSearchParams } from 'react-router-dom';
import type { Rectification, RectificationStatus } from '../../../shared/schemas/evaluations.js';
import { rectificationStatusLabels, rectificationStatusValues } from '../../../shared/schemas/evaluations.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryError } from '../../components/QueryError.js';
import { showError } from '../../components/error-text.js';
import { formatDateTime } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { useRectificationAction, useRectifications } from './evaluations.api.js';

const statusColor: Record<RectificationStatus, string> = {
  open: 'red',
  submitted: 'blue',
  returned: 'orange',
  closed: 'green',
};

function TaskDrawer({ task, onClose }: { task: Rectification | null; onClose: () => void }) {
  const { t, pick } = useLocale();
  const { message } = App.useApp();
  const act = useRectificationAction();
  const [form] = Form.useForm<{ report?: string; explanation?: string; reason?: string }>();
  const run = async (action: string) => {
    if (!task) return;
    const values = form.getFieldsValue();
    const body =
      action === 'submit'
        ? { report: values.report, explanation: values.explanation }
        : action === 'accept'
          ? { note: values.reason }
          : { reason: values.reason };
    try {
      await act.mutateAsync({ id: task.id, action, body: { ...body, version: task.version } });
      message.success(t('saved'));
      form.resetFields();
      onClose();
    } catch (error) {
      showError(message, error, t);
    }
  };
  const allowed = (name: string) => task?.actions.find((a) => a.action === name)?.allowed ?? false;
  return (
    <Drawer open={task !== null} onClose={onClose} title={task?.title} size={560} destroyOnHidden>
      {task ? (
        <Flex vertical gap={12}>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'e', label: t('evTitle'), children: task.evaluationTitle },
              { key: 'u', label: t('lvUnit'), children: task.unitName ?? '—' },
              {
                key: 'd',
                label: t('evDueOn'),
                children: (
                  <span style={{ color: task.overdue ? '#cf1322' : undefined }}>
                    {task.dueOn}
                    {task.overdue ? ` ${t('evOverdue')}` : ''}
                  </span>
                ),
              },
              {
                key: 's',
                label: t('vtStatus'),
                children: (
                  <Tag color={statusColor[task.status]}>{pick(rectificationStatusLabels[task.status])}</Tag>
                ),
              },
              { key: 'r', label: t('evReport'), children: task.report ?? '—' },
              { key: 'x', label: t('evExplanation'), children: task.explanation ?? '—' },
              { key: 'n', label: t('evReviewNote'), children: task.reviewNote ?? '—' },
              { key: 'at', label: t('evSubmittedAt'), children: formatDateTime(task.submittedAt) || '—' },
            ]}
          />
          <Form form={form} layout="vertical">
            {allowed('submit') ? (
              <>
                <Form.Item name="report" label={t('evReport')} rules={[{ required: true, min: 10 }]}>
                  <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
                </Form.Item>
                <Form.Item
                  name="explanation"
                  label={t('evExplanation')}
                  rules={[{ required: true, min: 10 }]}
                >
                  <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
                </Form.Item>
                <Button type="primary" loading={act.isPending} onClick={() => void run('submit')}>
                  {t('evSubmitReport')}
                </Button>
              </>
            ) : null}
            {allowed('accept') ? (
              <>
                <Form.Item name="reason" label={t('evReviewNote')}>
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
                </Form.Item>
                <Flex gap={8}>
                  <Button type="primary" loading={act.isPending} onClick={() => void run('accept')}>
                    {t('evAccept')}
                  </Button>
                  <Button danger loading={act.isPending} onClick={() => void run('return')}>
                    {t('evReturn')}
                  </Button>
                </Flex>
              </>
            ) : null}
          </Form>
        </Flex>
      ) : null}
    </Drawer>
  );
}

/** 整改任务: units below the threshold report and explain within a month, tracked to the end. */
export function RectificationsPage() {
  const { t, pick } = useLocale();
  const [params] = useSearchParams();
  const [status, setStatus] = useState<RectificationStatus | undefined>();
  const tasks = useRectifications({ status });
  const [openId, setOpenId] = useState<string | null>(params.get('focus'));
  const open = tasks.data?.find((task) => task.id === openId) ?? null;
  const columns: TableColumnsType<Rectification> = [
    {
      title: t('vtTitle'),
      key: 'title',
      render: (_v, task) => (
        <Typography.Link onClick={() => setOpenId(task.id)}>{task.title}</Typography.Link>
      ),
    },
    { title: t('lvUnit'), dataIndex: 'unitName', key: 'unit', width: 160 },
    {
      title: t('evDueOn'),
      key: 'due',
      width: 130,
      render: (_v, task) =>
        task.overdue ? <Tag color="red">{`${task.dueOn} ${t('evOverdue')}`}</Tag> : task.dueOn,
    },
    {
      title: t('vtStatus'),
      key: 'status',
      width: 110,
      render: (_v, task) => (
        <Tag color={statusColor[task.status]}>{pick(rectificationStatusLabels[task.status])}</Tag>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('evRectifications')} intro={t('evRectificationsIntro')} />
      <Card className="minyi-table-card">
        <Select<RectificationStatus>
          allowClear
          placeholder={t('vtStatus')}
          style={{ width: 160, marginBottom: 16 }}
          options={rectificationStatusValues.map((value) => ({
            value,
            label: pick(rectificationStatusLabels[value]),
          }))}
          onChange={setStatus}
        />
        {tasks.isError ? (
          <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />
        ) : (
          <Table<Rectification>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={tasks.data}
            loading={tasks.isFetching}
            scroll={{ x: 640 }}
            pagination={false}
          />
        )}
      </Card>
      <TaskDrawer task={open} onClose={() => setOpenId(null)} />
    </>
  );
}
