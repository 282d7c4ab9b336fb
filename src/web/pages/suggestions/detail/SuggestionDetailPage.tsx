import { Alert, Button, Card, Col, Flex, Row, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { SuggestionDetail } from '../../../../shared/schemas/suggestions.js';
import { PageSpin } from '../../../components/PageSpin.js';
import { QueryError } from '../../../components/QueryError.js';
import { useLocale } from '../../../i18n/locale.js';
import { useSuggestion } from '../api/suggestions.api.js';
import { AttachmentsCard } from '../components/AttachmentsCard.js';
import { SignersList } from '../components/SignersList.js';
import { ActionBar } from './ActionBar.js';
import { AssignmentsCard } from './AssignmentsCard.js';
import { DetailHeader } from './DetailHeader.js';
import { TimelineCard } from './TimelineCard.js';
import { HandlingPanel } from '../../handling/HandlingPanel.js';
import { RecordCard } from '../../records/RecordCard.js';

function Part({ label, text, testId }: { label: string; text: string; testId: string }) {
  const { t } = useLocale();
  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {label}
      </Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid={testId}>
        {text || <Typography.Text type="secondary">{t('sgPartEmpty')}</Typography.Text>}
      </Typography.Paragraph>
    </div>
  );
}

function LeadersCard({ detail }: { detail: SuggestionDetail }) {
  const { t } = useLocale();
  if (detail.leaders.length === 0) return null;
  return (
    <Card title={t('keyLeaders')} extra={<Link to={`/supervision/${detail.id}`}>{t('svItemTitle')}</Link>}>
      <Flex vertical gap={6}>
        {detail.leaders.map((leader) => (
          <Flex key={leader.id} gap={8} align="center" wrap className="minyi-list-row">
            <Tag color={leader.kind === 'sponsor' ? 'red' : 'gold'}>
              {leader.kind === 'sponsor' ? t('keySponsor') : t('keySupervisor')}
            </Tag>
            <Typography.Text strong>{leader.name}</Typography.Text>
            <Typography.Text type="secondary">
              {[leader.title, leader.groupName].filter(Boolean).join(' · ')}
            </Typography.Text>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

/** 建议详情: everything about one item, and the action bar of what the user may do next. */
export function SuggestionDetailPage() {
  const { id } = useParams();
  const { t } = useLocale();
  const navigate = useNavigate();
  const query = useSuggestion(id);
  if (query.isPending) return <PageSpin />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const detail = query.data;
  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={8}>
        <Button
          type="text"
          icon={<ArrowLeftOutlined />}
          onClick={() => navigate(-1)}
          aria-label={t('sgBack')}
        />
        <Typography.Text type="secondary">{t('sgDetailTitle')}</Typography.Text>
      </Flex>
      <DetailHeader detail={detail} />
      <ActionBar detail={detail} onChanged={() => void query.refetch()} />
      {detail.mergedIntoId ? (
        <Alert
          type="info"
          showIcon
          title={<Link to={`/suggestions/${detail.mergedIntoId}`}>{t('sgMergedInto')}</Link>}
        />
      ) : null}
      {detail.hints.map((hint) => (
        <Alert key={hint} type="warning" showIcon title={t('sgHintTitle')} description={hint} />
      ))}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={16}>
            <Card title={t('sgContent')}>
              <Part label={t('sgTitleLabel')} text={detail.title} testId="part-title" />
              <Part label={t('sgGrounds')} text={detail.grounds} testId="part-grounds" />
              <Part label={t('sgProposals')} text={detail.proposals} testId="part-proposals" />
            </Card>
            <AssignmentsCard detail={detail} />
            <TimelineCard detail={detail} />
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          <Flex vertical gap={16}>
            <Card title={t('sgSigners')}>
              <SignersList signers={detail.signers} />
            </Card>
            <LeadersCard detail={detail} />
            <AttachmentsCard suggestionId={detail.id} editable={false} />
          </Flex>
        </Col>
      </Row>
      <HandlingPanel detail={detail} />
      {/* The handling record (全程纪实表) exists once the item has been assigned. */}
      {detail.assignments.length > 0 ? <RecordCard suggestionId={detail.id} /> : null}
    </Flex>
  );
}
