import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Table,
  Tag,
} from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { GlobalOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import type { RoundSummary } from '../../../shared/schemas/livelihood.js';
import { roundStatusLabels } from '../../../shared/schemas/livelihood.js';
import { tieRuleLabels, tieRuleValues } from '../../../shared/schemas/ballots.js';
import type { TieRule } from '../../../shared/schemas/ballots.js';
import { useSession } from '../../auth/session.js';
import { hasAnyRole } from '../../auth/roles.js';
import { FormModal } from '../../components/FormModal.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryError } from '../../components/QueryError.js';
import { dayString } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { BodyTreeSelect } from '../bodies/BodyTreeSelect.js';
import { useChosenBody } from '../bodies/useChosenBody.js';
import { useSessions, useTerms } from '../organisations/organisations.api.js';
import { RuleFieldsForm } from '../ballots/RuleFieldsForm.js';
import type { RuleFields } from '../ballots/rule-presets.js';
import { passRuleOf, ruleDefaults } from '../ballots/rule-presets.js';
import { livelihoodManagers, useCreateRound, useRounds } from './livelihood.api.js';

interface RoundValues {
  termId: string;
  sessionId?: string;
  year: number;
  title: string;
  description?: string;
  period: [Dayjs, Dayjs];
  seats: number;
  candidateRatioPercent: number;
  tieRule: TieRule;
  requireMajority: boolean;
  rule: RuleFields;
}

function RoundForm({ bodyId, onClose, open }: { bodyId: string | null; open: boolean; onClose: () => void }) {
  const { t, pick } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateRound();
  const terms = useTerms(bodyId);
  const [termId, setTermId] = useState<string | null>(null);
  const sessions = useSessions(termId);
  const save = async (values: RoundValues) => {
    const created = await create.mutateAsync({
      bodyId: bodyId ?? '',
      termId: values.termId,
      sessionId: values.sessionId ?? null,
      year: values.year,
      title: values.title,
      description: values.description ?? '',
      nominationStartsOn: dayString(values.period[0]) ?? '',
      nominationEndsOn: dayString(values.period[1]) ?? '',
      seats: values.seats,
      candidateRatioPercent: values.candidateRatioPercent,
      tieRule: values.tieRule,
      requireMajority: values.requireMajority,
      satisfactionRule: passRuleOf(values.rule),
    });
    message.success(t('saved'));
    navigate(`/livelihood/${created.id}`);
  };
  return (
    <FormModal<RoundValues>
      open={open}
      title={t('lvCreate')}
      width={720}
      onSubmit={save}
      onClose={onClose}
      initialValues={{
        year: new Date().getFullYear() + 1,
        seats: 10,
        candidateRatioPercent: 150,
        tieRule: 'runoff',
        requireMajority: true,
        rule: ruleDefaults.threshold,
      }}
    >
      <Flex gap={12} wrap>
        <Form.Item
          name="termId"
          label={t('termLabel')}
          rules={[{ required: true }]}
          style={{ flex: '1 1 140px' }}
        >
          <Select
            onChange={(value: string) => setTermId(value)}
            options={(terms.data ?? []).map((term) => ({ value: term.id, label: term.label }))}
          />
        </Form.Item>
        <Form.Item name="sessionId" label={t('lvSession')} style={{ flex: '1 1 220px' }}>
          <Select allowClear options={(sessions.data ?? []).map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Form.Item name="year" label={t('vtYear')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
      </Flex>
      <Form.Item name="title" label={t('vtTitle')} rules={[{ required: true, min: 4 }]}>
        <Input maxLength={100} placeholder={t('lvTitlePlaceholder')} />
      </Form.Item>
      <Form.Item name="description" label={t('vtDescription')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={4000} />
      </Form.Item>
      <Form.Item name="period" label={t('lvPeriod')} extra={t('lvPeriodHint')} rules={[{ required: true }]}>
        <DatePicker.RangePicker />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="seats" label={t('lvSeats')} rules={[{ required: true }]}>
          <InputNumber min={1} max={50} />
        </Form.Item>
        <Form.Item
          name="candidateRatioPercent"
          label={t('lvRatio')}
          extra={t('lvRatioHint')}
          rules={[{ required: true }]}
        >
          <InputNumber min={101} max={400} suffix="%" />
        </Form.Item>
        <Form.Item name="tieRule" label={t('vtTieRule')}>
          <Select
            style={{ minWidth: 200 }}
            options={tieRuleValues.map((value) => ({ value, label: pick(tieRuleLabels[value]) }))}
          />
        </Form.Item>
      </Flex>
      <Form.Item name="requireMajority" valuePropName="checked">
        <Checkbox>{t('vtRequireMajority')}</Checkbox>
      </Form.Item>
      <Card size="small" title={t('lvSatisfactionRule')}>
        <RuleFieldsForm presets={['threshold', 'zhenhai']} />
      </Card>
    </FormModal>
  );
}

/** 民生实事票决: one round a year, from the public's proposals to the year-end evaluation. */
export function LivelihoodRoundsPage() {
  const { t, pick } = useLocale();
  const { me } = useSession();
  const { bodyId, choose } = useChosenBody(livelihoodManagers);
  const rounds = useRounds(bodyId);
  const [creating, setCreating] = useState(false);
  const canCreate = me !== null && hasAnyRole(me, livelihoodManagers);
  const columns: TableColumnsType<RoundSummary> = [
    { title: t('vtYear'), dataIndex: 'year', key: 'year', width: 80 },
    {
      title: t('vtTitle'),
      key: 'title',
      render: (_v, round) => <Link to={`/livelihood/${round.id}`}>{round.title}</Link>,
    },
    { title: t('lvSeats'), dataIndex: 'seats', key: 'seats', width: 90 },
    {
      title: t('lvPeriod'),
      key: 'period',
      width: 220,
      render: (_v, round) => `${round.nominationStartsOn} ~ ${round.nominationEndsOn}`,
    },
    {
      title: t('vtStatus'),
      key: 'status',
      width: 130,
      render: (_v, round) => <Tag color="red">{pick(roundStatusLabels[round.status])}</Tag>,
    },
  ];
  return (
    <>
      <PageHeader
        title={t('lvTitle')}
        intro={t('lvIntro')}
        extra={
          <>
            <Link to="/public/livelihood" target="_blank">
              <Button icon={<GlobalOutlined />}>{t('lvPublicPage')}</Button>
            </Link>
            {canCreate ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('lvCreate')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card className="minyi-table-card">
        <Flex gap={8} style={{ marginBottom: 16 }}>
          <BodyTreeSelect value={bodyId} onChange={choose} style={{ flex: '1 1 220px', maxWidth: 320 }} />
        </Flex>
        {rounds.isError ? (
          <QueryError error={rounds.error} onRetry={() => void rounds.refetch()} />
        ) : (
          <Table<RoundSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rounds.data}
            loading={rounds.isFetching}
            scroll={{ x: 720 }}
            pagination={false}
          />
        )}
      </Card>
      <RoundForm open={creating} bodyId={bodyId} onClose={() => setCreating(false)} />
    </>
  );
}
