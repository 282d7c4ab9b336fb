import { useState } from 'react';
import {
  App,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Progress,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { ProjectSummary, RoundDetail } from '../../../shared/schemas/livelihood.js';
import { projectStatusLabels } from '../../../shared/schemas/livelihood.js';
import { itemOutcomeLabels } from '../../../shared/schemas/ballot-views.js';
import { FormModal } from '../../components/FormModal.js';
import { showError } from '../../components/error-text.js';
import { dayString } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { UnitSelect } from '../units/UnitSelect.js';
import {
  fenFromWan,
  formatWan,
  useAddCandidate,
  useNominations,
  useWithdrawCandidate,
} from './livelihood.api.js';

const statusColor = {
  candidate: 'blue',
  selected: 'red',
  not_selected: 'default',
  withdrawn: 'default',
} as const;

interface CandidateValues {
  title: string;
  description: string;
  investmentWan: number;
  unitId: string;
  completionDate: Dayjs;
  nominationIds?: string[];
}

/** 候选项目 and, after the vote, the projects being carried out. */
export function CandidatesTab({
  round,
  selectedOnly = false,
}: {
  round: RoundDetail;
  selectedOnly?: boolean;
}) {
  const { t, pick } = useLocale();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const add = useAddCandidate();
  const withdraw = useWithdrawCandidate();
  const accepted = useNominations(round.id, 'accepted');
  const editable = round.canManage && ['draft', 'nominating', 'screening'].includes(round.status);
  const projects = selectedOnly
    ? round.projects
        .filter((p) => p.status === 'selected')
        .sort((a, b) => (a.voteRank ?? Infinity) - (b.voteRank ?? Infinity))
    : round.projects;
  const columns: TableColumnsType<ProjectSummary> = [
    {
      title: selectedOnly ? t('vtRank') : '#',
      key: 'pos',
      width: 56,
      render: (_v, p) => (selectedOnly ? (p.voteRank ?? '') : p.position),
    },
    {
      title: t('lvProject'),
      key: 'title',
      render: (_v, p) => <Link to={`/livelihood/projects/${p.id}`}>{p.title}</Link>,
    },
    { title: t('lvUnit'), dataIndex: 'unitName', key: 'unit', width: 160 },
    { title: t('lvInvestment'), key: 'money', width: 130, render: (_v, p) => formatWan(p.investmentFen) },
    { title: t('lvCompletion'), dataIndex: 'completionDate', key: 'date', width: 110 },
    ...(selectedOnly
      ? [
          {
            title: t('lvProgress'),
            key: 'progress',
            width: 150,
            render: (_v: unknown, p: ProjectSummary) => <Progress percent={p.progressPercent} size="small" />,
          },
          {
            title: t('lvSatisfaction'),
            key: 'satisfaction',
            width: 130,
            render: (_v: unknown, p: ProjectSummary) =>
              p.satisfaction
                ? `${pick(itemOutcomeLabels[p.satisfaction.outcome])} ${p.satisfaction.ratePercent ?? ''}%`
                : '—',
          },
        ]
      : [
          {
            title: t('vtVotes'),
            key: 'votes',
            width: 80,
            render: (_v: unknown, p: ProjectSummary) => p.votes ?? '—',
          },
          {
            title: t('vtStatus'),
            key: 'status',
            width: 110,
            render: (_v: unknown, p: ProjectSummary) => (
              <Tag color={statusColor[p.status]}>{pick(projectStatusLabels[p.status])}</Tag>
            ),
          },
        ]),
    ...(editable
      ? [
          {
            title: t('actions'),
            key: 'actions',
            width: 90,
            render: (_v: unknown, p: ProjectSummary) =>
              p.status === 'candidate' ? (
                <Popconfirm
                  title={t('lvWithdrawConfirm')}
                  onConfirm={() =>
                    withdraw
                      .mutateAsync({ id: p.id, version: p.version })
                      .catch((error: unknown) => showError(message, error, t))
                  }
                >
                  <Button type="link" size="small" danger>
                    {t('lvWithdraw')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <>
      {editable ? (
        <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} wrap gap={8}>
          <Typography.Text type="secondary">
            {t('lvCandidateCount', {
              count: round.projects.filter((p) => p.status === 'candidate').length,
              minimum: round.minimumCandidates,
            })}
          </Typography.Text>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('lvAddCandidate')}
          </Button>
        </Flex>
      ) : null}
      <Table<ProjectSummary>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={projects}
        pagination={false}
        scroll={{ x: 820 }}
      />
      <FormModal<CandidateValues>
        open={adding}
        title={t('lvAddCandidate')}
        width={640}
        onClose={() => setAdding(false)}
        onSubmit={(values) =>
          add.mutateAsync({
            roundId: round.id,
            input: {
              title: values.title,
              description: values.description,
              investmentFen: fenFromWan(values.investmentWan),
              unitId: values.unitId,
              completionDate: dayString(values.completionDate) ?? '',
              nominationIds: values.nominationIds ?? [],
            },
          })
        }
      >
        <Form.Item name="title" label={t('lvProject')} rules={[{ required: true, min: 4 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('vtDescription')} rules={[{ required: true, min: 4 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="investmentWan" label={t('lvInvestmentWan')} rules={[{ required: true }]}>
            <InputNumber min={0} precision={2} />
          </Form.Item>
          <Form.Item name="completionDate" label={t('lvCompletion')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Flex>
        <Form.Item name="unitId" label={t('lvUnit')} rules={[{ required: true }]}>
          <UnitSelect bodyId={round.bodyId} />
        </Form.Item>
        <Form.Item name="nominationIds" label={t('lvFromProposals')}>
          <Select
            mode="multiple"
            options={(accepted.data ?? []).map((n) => ({ value: n.id, label: n.title }))}
          />
        </Form.Item>
      </FormModal>
    </>
  );
}
