import { useState } from 'react';
import { App, Button, Card, Flex, Input, List, Popconfirm, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, DesktopOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { EvaluationDetail, Subject } from '../../../shared/schemas/evaluations.js';
import { evaluationKindLabels } from '../../../shared/schemas/evaluations.js';
import { ballotStatusLabels, markLabels } from '../../../shared/schemas/ballots.js';
import { itemOutcomeLabels } from '../../../shared/schemas/ballot-views.js';
import { PageSpin } from '../../components/PageSpin.js';
import { QueryError } from '../../components/QueryError.js';
import { showError } from '../../components/error-text.js';
import { useLocale } from '../../i18n/locale.js';
import { outcomeColors } from '../ballots/ResultsView.js';
import { statusColors } from '../ballots/BallotsPage.js';
import { useDrawSample, useEvaluation, useFinding } from './evaluations.api.js';

function SamplesCard({ evaluation, subject }: { evaluation: EvaluationDetail; subject: Subject }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const draw = useDrawSample();
  const finding = useFinding();
  const [manual, setManual] = useState('');
  const [notes, setNotes] = useState<Record<string, string>>({});
  const run = async (items?: { itemRef: string; label: string }[]) => {
    try {
      await draw.mutateAsync({ subjectId: subject.id, input: items ? { items } : {} });
    } catch (error) {
      showError(message, error, t);
    }
  };
  const lines = manual
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((label, index) => ({ itemRef: `M${index + 1}`, label }));
  return (
    <Flex vertical gap={8} style={{ marginTop: 8 }}>
      <Typography.Text type="secondary">
        {subject.population === null
          ? t('evNoSample')
          : t('evSampleSummary', { population: subject.population, size: subject.sampleSize ?? 0 })}
      </Typography.Text>
      {evaluation.canManage ? (
        <Flex gap={8} wrap>
          <Popconfirm title={t('evDrawConfirm')} onConfirm={() => void run()} disabled={!subject.unitId}>
            <Button size="small" disabled={!subject.unitId} loading={draw.isPending}>
              {t('evDrawFromUnit')}
            </Button>
          </Popconfirm>
          <Input.TextArea
            value={manual}
            onChange={(e) => setManual(e.target.value)}
            placeholder={t('evManualItems')}
            autoSize={{ minRows: 1, maxRows: 4 }}
            style={{ flex: '1 1 240px' }}
          />
          <Button size="small" disabled={lines.length === 0} onClick={() => void run(lines)}>
            {t('evDrawFromList', { count: lines.length })}
          </Button>
        </Flex>
      ) : null}
      {subject.samples.length > 0 ? (
        <List
          size="small"
          bordered
          dataSource={subject.samples}
          renderItem={(sample) => (
            <List.Item>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Typography.Text>{sample.label}</Typography.Text>
                {sample.finding ? (
                  <Typography.Text type="success">{sample.finding}</Typography.Text>
                ) : evaluation.canManage ? (
                  <Flex gap={8}>
                    <Input
                      size="small"
                      placeholder={t('evFinding')}
                      value={notes[sample.id] ?? ''}
                      onChange={(e) => setNotes({ ...notes, [sample.id]: e.target.value })}
                    />
                    <Button
                      size="small"
                      disabled={(notes[sample.id] ?? '').trim().length < 2}
                      onClick={() =>
                        finding
                          .mutateAsync({ sampleId: sample.id, finding: notes[sample.id] ?? '' })
                          .catch((error: unknown) => showError(message, error, t))
                      }
                    >
                      {t('save')}
                    </Button>
                  </Flex>
                ) : null}
              </Flex>
            </List.Item>
          )}
        />
      ) : null}
    </Flex>
  );
}

/** 测评详情: each report or unit with its result, its site checks and, if below the bar, its rectification. */
export function EvaluationDetailPage() {
  const { id } = useParams();
  const { t, pick } = useLocale();
  const navigate = useNavigate();
  const query = useEvaluation(id);
  if (query.isPending) return <PageSpin />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const evaluation = query.data;
  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={8} wrap>
        <Button
          type="text"
          icon={<ArrowLeftOutlined />}
          onClick={() => navigate('/evaluations')}
          aria-label={t('vtBack')}
        />
        <Typography.Title level={4} style={{ margin: 0 }}>
          {evaluation.title}
        </Typography.Title>
        <Tag>{pick(evaluationKindLabels[evaluation.kind])}</Tag>
        {evaluation.ballotStatus ? (
          <Tag color={statusColors[evaluation.ballotStatus]}>
            {pick(ballotStatusLabels[evaluation.ballotStatus])}
          </Tag>
        ) : null}
      </Flex>
      {evaluation.ballotId ? (
        <Flex gap={8} wrap>
          <Link to={`/ballots/${evaluation.ballotId}`}>
            <Button type="primary">{t('evOpenBallot')}</Button>
          </Link>
          <Link to={`/ballots/${evaluation.ballotId}/live`}>
            <Button icon={<DesktopOutlined />}>{t('vtLiveScreen')}</Button>
          </Link>
        </Flex>
      ) : null}
      {evaluation.subjects.map((subject) => (
        <Card
          key={subject.id}
          size="small"
          title={`${subject.position}. ${subject.title}`}
          extra={
            subject.outcome ? (
              <Tag color={outcomeColors[subject.outcome]}>
                {pick(itemOutcomeLabels[subject.outcome])}
                {subject.result?.ratePercent !== null && subject.result
                  ? ` ${subject.result.ratePercent}%`
                  : ''}
              </Tag>
            ) : null
          }
        >
          <Flex vertical gap={4}>
            <Typography.Text type="secondary">
              {[subject.unitName, subject.reporter].filter(Boolean).join(' · ') || '—'}
            </Typography.Text>
            {subject.result ? (
              <Typography.Text>
                {Object.entries(subject.result.counts)
                  .map(
                    ([mark, count]) =>
                      `${pick(markLabels[mark as keyof typeof markLabels] ?? { zh: mark, en: mark })} ${count}`,
                  )
                  .join('  ')}
                {subject.result.scoreMean !== null ? `${t('vtScoreMean')} ${subject.result.scoreMean}` : ''}
                {subject.result.groups.length > 1
                  ? `（${subject.result.groups.map((g) => `${t(g.key === 'members' ? 'vtGroupMembers' : 'vtGroupAttendees')} ${g.ratePercent ?? '—'}%`).join('，')}）`
                  : ''}
              </Typography.Text>
            ) : null}
            {subject.rectificationId ? (
              <Link to={`/evaluations/rectifications?focus=${subject.rectificationId}`}>
                {t('evRectificationOpen')}
              </Link>
            ) : null}
            {evaluation.kind === 'department' ? (
              <SamplesCard evaluation={evaluation} subject={subject} />
            ) : null}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
