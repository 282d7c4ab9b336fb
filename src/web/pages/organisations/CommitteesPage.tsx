import { Card, Col, Flex, Row, Typography } from 'antd';
import { useSession } from '../../auth/session.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryError } from '../../components/QueryError.js';
import { useLocale } from '../../i18n/locale.js';
import { coversBody, useBodies } from '../bodies/bodies.api.js';
import { BodyTreeSelect } from '../bodies/BodyTreeSelect.js';
import { useChosenBody } from '../bodies/useChosenBody.js';
import { CommitteesCard } from './CommitteesCard.js';
import { organisationWriters, useTerms } from './organisations.api.js';
import { StandingCommitteeCard } from './StandingCommitteeCard.js';

/** Committees and offices of a body (standing) and its standing committee members (per term). */
export function CommitteesPage() {
  const { t } = useLocale();
  const { me } = useSession();
  const { bodyId, choose } = useChosenBody(organisationWriters);
  const bodies = useBodies();
  const terms = useTerms(bodyId);
  const body = bodies.data?.find((candidate) => candidate.id === bodyId);
  const canEdit = me !== null && body !== undefined && coversBody(me, organisationWriters, body);

  return (
    <>
      <PageHeader title={t('committeesPageTitle')} intro={t('committeesPageIntro')} />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} align="center" wrap>
          <Typography.Text strong>{t('rulesBody')}</Typography.Text>
          <BodyTreeSelect value={bodyId} onChange={choose} style={{ flex: '1 1 240px', maxWidth: 420 }} />
        </Flex>
      </Card>
      {terms.isError ? (
        <QueryError error={terms.error} onRetry={() => void terms.refetch()} />
      ) : bodyId ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <CommitteesCard bodyId={bodyId} canEdit={canEdit} />
          </Col>
          <Col xs={24} xl={12}>
            <StandingCommitteeCard bodyId={bodyId} terms={terms.data ?? []} canEdit={canEdit} />
          </Col>
        </Row>
      ) : null}
    </>
  );
}
