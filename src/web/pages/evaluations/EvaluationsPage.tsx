import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, InputNumber, Radio, Select, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { AlertOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import type { EvaluationKind, EvaluationSummary } from '../../../shared/schemas/evaluations.js';
import { evaluationKindLabels, evaluationKindValues } from '../../../shared/schemas/evaluations.js';
import {
  ballotStatusLabels,
  electorateKindLabels,
  electorateKindValues,
} from '../../../shared/schemas/ballots.js';
import { useSession } from '../../auth/session.js';
import { hasAnyRole } from '../../auth/roles.js';
import { FormModal } from '../../components/FormModal.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryError } from '../../components/QueryError.js';
import { useLocale } from '../../i18n/locale.js';
import { BodyTreeSelect } from '../bodies/BodyTreeSelect.js';
import { useChosenBody } from '../bodies/useChosenBody.js';
import { useTerms } from '../organisations/organisations.api.js';
import { UnitSelect } from '../units/UnitSelect.js';
import { DeputiesSelect } from '../ballots/DeputiesSelect.js';
import { RuleFieldsForm } from '../ballots/RuleFieldsForm.js';
import type { RuleFields } from '../ballots/rule-presets.js';
import { passRuleOf, ruleDefaults } from '../ballots/rule-presets.js';
import { statusColors } from '../ballots/BallotsPage.js';
import { evaluationManagers, useCreateEvaluation, useEvaluations } from './evaluations.api.js';

interface EvaluationValues {
  termId: string;
  year: number;
  title: string;
  kind: EvaluationKind;
  questionType: 'grade' | 'score';
  subjects: { title: string; unitId?: string | null; reporter?: string }[];
  electorateKind: (typeof electorateKindValues)[number];
  attendeeDeputyIds?: string[];
  rule: RuleFields;
  middlePercent: number;
}

function EvaluationForm({
  bodyId,
  open,
  onClose,
}: {
  bodyId: string | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t, pick } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateEvaluation();
  const terms = useTerms(bodyId);
  const save = async (values: EvaluationValues) => {
    const created = await create.mutateAsync({
      bodyId: bodyId ?? '',
      termId: values.termId,
      year: values.year,
      title: values.title,
      kind: values.kind,
      questionType: values.questionType,
      scoreMax: values.questionType === 'score' ? 100 : null,
      subjects: values.subjects.map((s) => ({
        title: s.title,
        unitId: s.unitId ?? null,
        reporter: s.reporter ?? '',
      })),
      electorate: { kind: values.electorateKind, attendeeDeputyIds: values.attendeeDeputyIds ?? [] },
      passRule: passRuleOf(values.rule),
      sampling: { smallAt: 10, largeAt: 20, largePercent: 50, middlePercent: values.middlePercent },
    });
    message.success(t('saved'));
    navigate(`/evaluations/${created.id}`);
  };
  return (
    <FormModal<EvaluationValues>
      open={open}
      title={t('evCreate')}
      width={760}
      onClose={onClose}
      onSubmit={save}
      initialValues={{
        year: new Date().getFullYear(),
        kind: 'work_report',
        questionType: 'grade',
        electorateKind: 'standing_committee',
        subjects: [{ title: '' }],
        rule: ruleDefaults.zhenhai,
        middlePercent: 50,
      }}
    >
      {(form) => (
        <>
          <Flex gap={12} wrap>
            <Form.Item
              name="termId"
              label={t('termLabel')}
              rules={[{ required: true }]}
              style={{ flex: '1 1 140px' }}
            >
              <Select options={(terms.data ?? []).map((term) => ({ value: term.id, label: term.label }))} />
            </Form.Item>
            <Form.Item name="year" label={t('vtYear')} rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} />
            </Form.Item>
            <Form.Item name="kind" label={t('vtKind')}>
              <Radio.Group
                options={evaluationKindValues.map((value) => ({
                  value,
                  label: pick(evaluationKindLabels[value]),
                }))}
              />
            </Form.Item>
          </Flex>
          <Form.Item name="title" label={t('vtTitle')} rules={[{ required: true, min: 4 }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item label={t('evSubjects')} required>
            <Form.List name="subjects">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Flex key={field.key} gap={8} wrap align="baseline">
                      <Form.Item
                        name={[field.name, 'title']}
                        rules={[{ required: true, min: 2 }]}
                        style={{ flex: '2 1 220px' }}
                      >
                        <Input placeholder={t('evSubjectTitle')} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'unitId']} style={{ flex: '1 1 180px' }}>
                        <UnitSelect bodyId={bodyId} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'reporter']} style={{ flex: '1 1 120px' }}>
                        <Input placeholder={t('evReporter')} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('remove')} />
                    </Flex>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ title: '' })}>
                    {t('evAddSubject')}
                  </Button>
                </>
              )}
            </Form.List>
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name="questionType" label={t('vtQuestionType')}>
              <Radio.Group
                options={[
                  { value: 'grade', label: t('evGrades') },
                  { value: 'score', label: t('evScores') },
                ]}
                onChange={(event) =>
                  form.setFieldsValue({
                    rule: event.target.value === 'score' ? ruleDefaults.gushi : ruleDefaults.zhenhai,
                  })
                }
              />
            </Form.Item>
            <Form.Item name="electorateKind" label={t('vtElectorate')} style={{ flex: '1 1 220px' }}>
              <Select
                options={electorateKindValues.map((value) => ({
                  value,
                  label: pick(electorateKindLabels[value]),
                }))}
              />
            </Form.Item>
          </Flex>
          <Form.Item noStyle shouldUpdate={(a, b) => a.electorateKind !== b.electorateKind}>
            {() =>
              form.getFieldValue('electorateKind') === 'members_and_attendees' ? (
                <Form.Item name="attendeeDeputyIds" label={t('vtAttendees')} rules={[{ required: true }]}>
                  <DeputiesSelect
                    bodyId={bodyId}
                    termId={form.getFieldValue('termId') as string | undefined}
                  />
                </Form.Item>
              ) : null
            }
          </Form.Item>
          <RuleFieldsForm presets={['zhenhai', 'threshold', 'gushi']} />
          <Form.Item name="middlePercent" label={t('evMiddlePercent')} extra={t('evSamplingHint')}>
            <InputNumber min={1} max={100} suffix="%" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

/** 满意度测评: work reports and department reviews, each voted on one ballot. */
export function EvaluationsPage() {
  const { t, pick } = useLocale();
  const { me } = useSession();
  const { bodyId, choose } = useChosenBody(evaluationManagers);
  const evaluations = useEvaluations(bodyId);
  const [creating, setCreating] = useState(false);
  const canCreate = me !== null && hasAnyRole(me, evaluationManagers);
  const columns: TableColumnsType<EvaluationSummary> = [
    { title: t('vtYear'), dataIndex: 'year', key: 'year', width: 80 },
    {
      title: t('vtTitle'),
      key: 'title',
      render: (_v, e) => <Link to={`/evaluations/${e.id}`}>{e.title}</Link>,
    },
    { title: t('vtKind'), key: 'kind', width: 190, render: (_v, e) => pick(evaluationKindLabels[e.kind]) },
    { title: t('evSubjects'), dataIndex: 'subjectCount', key: 'subjects', width: 90 },
    {
      title: t('vtStatus'),
      key: 'status',
      width: 110,
      render: (_v, e) =>
        e.ballotStatus ? (
          <Tag color={statusColors[e.ballotStatus]}>{pick(ballotStatusLabels[e.ballotStatus])}</Tag>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('evTitle')}
        intro={t('evIntro')}
        extra={
          <>
            <Link to="/evaluations/rectifications">
              <Button icon={<AlertOutlined />}>{t('evRectifications')}</Button>
            </Link>
            {canCreate ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('evCreate')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card className="minyi-table-card">
        <Flex gap={8} style={{ marginBottom: 16 }}>
          <BodyTreeSelect value={bodyId} onChange={choose} style={{ flex: '1 1 220px', maxWidth: 320 }} />
        </Flex>
        {evaluations.isError ? (
          <QueryError error={evaluations.error} onRetry={() => void evaluations.refetch()} />
        ) : (
          <Table<EvaluationSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={evaluations.data}
            loading={evaluations.isFetching}
            scroll={{ x: 700 }}
            pagination={false}
          />
        )}
      </Card>
      <EvaluationForm open={creating} bodyId={bodyId} onClose={() => setCreating(false)} />
    </>
  );
}
