import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, Popconfirm, Result, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import type { BallotPaper, VoteResult } from '../../../shared/schemas/ballots.js';
import type { BallotDetail } from '../../../shared/schemas/ballot-views.js';
import { ballotKindLabels, ballotStatusLabels } from '../../../shared/schemas/ballots.js';
import { PageSpin } from '../../components/PageSpin.js';
import { QueryError } from '../../components/QueryError.js';
import { SecretText } from '../../components/SecretText.js';
import { errorText, showError } from '../../components/error-text.js';
import { formatDateTime } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { lookupReceipt, useBallot, useVote } from '../ballots/ballots.api.js';
import type { ReceiptResult } from '../ballots/ballots.api.js';
import { statusColors } from '../ballots/BallotsPage.js';
import { PaperForm, unmarkedItems } from '../ballots/PaperForm.js';
import { ResultsView } from '../ballots/ResultsView.js';

function ReceiptCheck({ ballot }: { ballot: BallotDetail }) {
  const { t } = useLocale();
  const [code, setCode] = useState('');
  const [answer, setAnswer] = useState<ReceiptResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const check = async () => {
    setFailure(null);
    try {
      setAnswer(await lookupReceipt(ballot.id, code));
    } catch (error) {
      setFailure(errorText(error, t));
    }
  };
  return (
    <Card size="small" title={t('vtReceiptCheck')}>
      <Flex gap={8} wrap>
        <Input
          value={code}
          onChange={(e) => setCode(e.target.value)}
          placeholder="XXXXX-XXXXX-XXXXX-XXXXX"
          style={{ flex: '1 1 220px' }}
        />
        <Button onClick={() => void check()} disabled={code.trim().length < 8}>
          {t('vtReceiptLookup')}
        </Button>
      </Flex>
      {failure ? <Alert type="error" title={failure} style={{ marginTop: 8 }} /> : null}
      {answer ? (
        answer.found && answer.paper ? (
          <Flex vertical gap={8} style={{ marginTop: 12 }}>
            <Alert
              type="success"
              showIcon
              title={answer.valid ? t('vtReceiptFound') : t('vtReceiptFoundInvalid')}
            />
            <PaperForm ballot={ballot} value={answer.paper} onChange={() => undefined} allowOverLimit />
          </Flex>
        ) : (
          <Alert type="warning" showIcon title={t('vtReceiptMissing')} style={{ marginTop: 8 }} />
        )
      ) : null}
    </Card>
  );
}

/** 投票: one ballot on the deputy's phone: mark, confirm, keep the receipt, check it later. */
export function VotePage() {
  const { id } = useParams();
  const { t, pick } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const query = useBallot(id);
  const vote = useVote();
  const [paper, setPaper] = useState<BallotPaper>({});
  const [previousReceipt, setPreviousReceipt] = useState('');
  const [done, setDone] = useState<VoteResult | null>(null);
  if (query.isPending) return <PageSpin />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const ballot = query.data;
  const changing = ballot.me.voted && ballot.allowChange && ballot.status === 'open';
  const canVote = ballot.me.eligible && ballot.status === 'open' && (!ballot.me.voted || ballot.allowChange);
  const missing = unmarkedItems(ballot, paper);
  const submit = async () => {
    try {
      const result = await vote.mutateAsync({
        id: ballot.id,
        input: { ...paper, ...(changing && previousReceipt ? { previousReceipt } : {}) },
      });
      setDone(result);
    } catch (error) {
      showError(message, error, t);
    }
  };
  return (
    <Flex vertical gap={12} className="minyi-vote-page">
      <Flex align="center" gap={8}>
        <Button
          type="text"
          icon={<ArrowLeftOutlined />}
          onClick={() => navigate('/votes')}
          aria-label={t('vtBack')}
        />
        <Tag color={statusColors[ballot.status]}>{pick(ballotStatusLabels[ballot.status])}</Tag>
        <Tag>{pick(ballotKindLabels[ballot.kind])}</Tag>
      </Flex>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {ballot.title}
      </Typography.Title>
      {ballot.description ? <Typography.Text type="secondary">{ballot.description}</Typography.Text> : null}
      {ballot.closesAt && ballot.status === 'open' ? (
        <Typography.Text type="secondary">
          {t('vtClosesAt')}：{formatDateTime(ballot.closesAt)}
        </Typography.Text>
      ) : null}
      {done ? (
        <Result
          status="success"
          title={done.changed ? t('vtChanged') : t('vtThanks')}
          subTitle={done.valid ? undefined : t('vtInvalidNotice')}
          extra={
            done.receipt ? (
              <Flex vertical gap={8} style={{ textAlign: 'left' }}>
                <Typography.Text>{t('vtReceiptExplain')}</Typography.Text>
                <SecretText value={done.receipt} label={t('vtReceipt')} />
              </Flex>
            ) : null
          }
        />
      ) : canVote ? (
        <>
          {ballot.requirePresence && !ballot.me.present ? (
            <Alert type="warning" showIcon title={t('vtNotCheckedIn')} />
          ) : null}
          {changing ? (
            <Card size="small">
              <Typography.Paragraph>{t('vtChangeHint')}</Typography.Paragraph>
              {ballot.kind === 'secret' ? (
                <Input
                  value={previousReceipt}
                  onChange={(e) => setPreviousReceipt(e.target.value)}
                  placeholder={t('vtReceipt')}
                />
              ) : null}
            </Card>
          ) : null}
          <PaperForm ballot={ballot} value={paper} onChange={setPaper} large />
          {missing > 0 ? (
            <Alert type="warning" showIcon title={t('vtUnmarkedWarning', { count: missing })} />
          ) : null}
          <Popconfirm title={t('vtConfirmVote')} onConfirm={() => void submit()}>
            <Button type="primary" size="large" block loading={vote.isPending}>
              {changing ? t('vtChangeVote') : t('vtSubmitVote')}
            </Button>
          </Popconfirm>
        </>
      ) : (
        <Alert
          type="info"
          showIcon
          title={
            !ballot.me.eligible
              ? t('vtNotElector')
              : ballot.me.voted
                ? t('vtAlreadyVoted')
                : ballot.status === 'draft'
                  ? t('vtLiveNotOpen')
                  : t('vtClosedNotice')
          }
        />
      )}
      {ballot.results ? (
        <Card title={t('vtResults')} className="minyi-table-card">
          <ResultsView results={ballot.results} questionType={ballot.questionType} />
        </Card>
      ) : null}
      {ballot.kind === 'secret' && ballot.me.voted ? <ReceiptCheck ballot={ballot} /> : null}
    </Flex>
  );
}
