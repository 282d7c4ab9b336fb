import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Image,
  Input,
  List,
  Progress,
  Result,
  Tag,
  Typography,
} from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import type { PublicRound } from '../../../shared/schemas/livelihood.js';
import { roundStatusLabels } from '../../../shared/schemas/livelihood.js';
import { itemOutcomeLabels } from '../../../shared/schemas/ballot-views.js';
import { api } from '../../api/client.js';
import { showFieldErrors } from '../../api/form-errors.js';
import { errorText } from '../../components/error-text.js';
import { useLocale } from '../../i18n/locale.js';
import { Brand } from '../../layout/Brand.js';
import { formatWan, photoUrl, publicRound, publicRounds } from '../livelihood/livelihood.api.js';

interface ProposalValues {
  title: string;
  description: string;
  location?: string;
  name: string;
  phone: string;
  website?: string;
}

/** 群众提: the no-account form. A token from the server, an invisible trap field, and limits. */
function ProposalForm({ round }: { round: PublicRound }) {
  const { t } = useLocale();
  const [form] = Form.useForm<ProposalValues>();
  const [token, setToken] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    void api
      .post<{ token: string }>(`/public/livelihood-rounds/${round.id}/form`)
      .then((r) => setToken(r.token));
  }, [round.id]);
  const submit = async (values: ProposalValues) => {
    setBusy(true);
    setFailure(null);
    try {
      await api.post(`/public/livelihood-rounds/${round.id}/nominations`, { ...values, token: token ?? '' });
      setSent(true);
    } catch (error) {
      if (!showFieldErrors(form, error)) setFailure(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };
  if (sent)
    return (
      <Result
        status="success"
        title={t('pubThanks')}
        subTitle={t('pubThanksText')}
        extra={
          <Button
            onClick={() => {
              form.resetFields();
              setSent(false);
            }}
          >
            {t('pubAnother')}
          </Button>
        }
      />
    );
  return (
    <Form<ProposalValues> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form.Item name="title" label={t('pubProposalTitle')} rules={[{ required: true, min: 4, max: 100 }]}>
        <Input placeholder={t('pubProposalTitlePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('pubProposalText')}
        rules={[{ required: true, min: 10, max: 2000 }]}
      >
        <Input.TextArea
          autoSize={{ minRows: 4, maxRows: 10 }}
          placeholder={t('pubProposalTextPlaceholder')}
        />
      </Form.Item>
      <Form.Item name="location" label={t('pubLocation')}>
        <Input maxLength={200} />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item
          name="name"
          label={t('pubName')}
          rules={[{ required: true, max: 40 }]}
          style={{ flex: '1 1 160px' }}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('pubPhone')}
          rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: t('pubPhoneInvalid') }]}
          style={{ flex: '1 1 160px' }}
        >
          <Input inputMode="tel" maxLength={11} />
        </Form.Item>
      </Flex>
      {/* People never see this field; robots fill it in. */}
      <Form.Item name="website" style={{ position: 'absolute', left: -10000 }} aria-hidden>
        <Input tabIndex={-1} autoComplete="off" />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('pubPrivacy')}
      </Typography.Paragraph>
      <Button type="primary" htmlType="submit" size="large" block loading={busy} disabled={token === null}>
        {t('pubSubmit')}
      </Button>
    </Form>
  );
}

function Results({ round }: { round: PublicRound }) {
  const { t, pick } = useLocale();
  return (
    <List
      dataSource={round.projects}
      header={
        round.voteResults
          ? t('pubVoteSummary', { voted: round.voteResults.voted, electorate: round.voteResults.electorate })
          : null
      }
      renderItem={(project) => (
        <List.Item>
          <Flex vertical gap={6} style={{ width: '100%' }}>
            <Flex justify="space-between" gap={8} wrap>
              <Typography.Text strong>{project.title}</Typography.Text>
              {project.votes !== null ? (
                <Tag color="red">{t('pubVotes', { votes: project.votes })}</Tag>
              ) : null}
            </Flex>
            <Typography.Text type="secondary">
              {project.unitName} · {formatWan(project.investmentFen)} ·{' '}
              {t('pubDue', { date: project.completionDate })}
            </Typography.Text>
            <Progress percent={project.progressPercent} size="small" />
            {project.latestProgress ? <Typography.Text>{project.latestProgress}</Typography.Text> : null}
            {project.satisfaction ? (
              <Typography.Text>
                {t('pubSatisfaction', {
                  outcome: pick(itemOutcomeLabels[project.satisfaction.outcome]),
                  rate: project.satisfaction.ratePercent ?? 0,
                })}
              </Typography.Text>
            ) : null}
            <Image.PreviewGroup>
              <Flex gap={6} wrap>
                {project.photoIds.map((id) => (
                  <Image
                    key={id}
                    src={photoUrl(id, true)}
                    width={88}
                    height={66}
                    style={{ objectFit: 'cover', borderRadius: 6 }}
                  />
                ))}
              </Flex>
            </Image.PreviewGroup>
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** 民生实事 for the public: propose a project while collection is open; read published results. */
export function PublicLivelihoodPage() {
  const { id } = useParams();
  const { t, pick } = useLocale();
  const list = useQuery({
    queryKey: ['public-livelihood'],
    queryFn: publicRounds,
    enabled: id === undefined,
  });
  const one = useQuery({
    queryKey: ['public-livelihood', id],
    queryFn: () => publicRound(id ?? ''),
    enabled: id !== undefined,
  });
  const round = one.data;
  return (
    <div className="minyi-public">
      <Flex vertical gap={16} style={{ maxWidth: 760, margin: '0 auto', padding: 16 }}>
        <Flex justify="space-between" align="center">
          <Brand subtitle />
        </Flex>
        {id === undefined ? (
          <Card title={t('pubListTitle')}>
            {list.data && list.data.length > 0 ? (
              <List
                dataSource={list.data}
                renderItem={(r) => (
                  <List.Item>
                    <Link to={`/public/livelihood/${r.id}`}>{`${r.bodyName} · ${r.title}`}</Link>
                    <Tag>
                      {r.acceptingNominations ? t('pubCollecting') : pick(roundStatusLabels[r.status])}
                    </Tag>
                  </List.Item>
                )}
              />
            ) : (
              <Empty description={list.isPending ? t('loading') : t('pubNone')} />
            )}
          </Card>
        ) : one.isError ? (
          <Result status="404" title={t('notFoundTitle')} subTitle={errorText(one.error, t)} />
        ) : round ? (
          <>
            <Card>
              <Typography.Text type="secondary">{round.bodyName}</Typography.Text>
              <Typography.Title level={3} style={{ marginTop: 4 }}>
                {round.title}
              </Typography.Title>
              {round.description ? <Typography.Paragraph>{round.description}</Typography.Paragraph> : null}
              <Typography.Text type="secondary">
                {t('pubPeriod', {
                  from: round.nominationStartsOn,
                  to: round.nominationEndsOn,
                  seats: round.seats,
                })}
              </Typography.Text>
            </Card>
            {round.acceptingNominations ? (
              <Card title={t('pubProposeTitle')}>
                <ProposalForm round={round} />
              </Card>
            ) : null}
            {round.published ? (
              <Card title={t('pubResultsTitle')}>
                <Results round={round} />
              </Card>
            ) : null}
          </>
        ) : (
          <Card loading />
        )}
      </Flex>
    </div>
  );
}
