import { useState } from 'react';
import { Card, Col, Flex, Row, Typography } from 'antd';
import { useSession } from '../../auth/session.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryError } from '../../components/QueryError.js';
import { useLocale } from '../../i18n/locale.js';
import { coversBody, useBodies } from '../bodies/bodies.api.js';
import { BodyTreeSelect } from '../bodies/BodyTreeSelect.js';
import { useChosenBody } from '../bodies/useChosenBody.js';
import { organisationWriters, useTerms } from './organisations.api.js';
import { SessionsCard } from './SessionsCard.js';
import { TermsCard } from './TermsCard.js';

/** Terms (届) of a body and the sessions (第N次会议) of each. */
export function SessionsPage() {
  const { t } = useLocale();
  const { me } = useSession();
  const { bodyId, choose } = useChosenBody(organisationWriters);
  const bodies = useBodies();
  const terms = useTerms(bodyId);
  const [picked, setPicked] = useState<string | null>(null);
  const body = bodies.data?.find((candidate) => candidate.id === bodyId);
  const canEdit = me !== null && body !== undefined && coversBody(me, organisationWriters, body);
  // The picked term if it belongs to this body, else the newest.
  const term = terms.data?.find((candidate) => candidate.id === picked) ?? terms.data?.[0];

  return (
    <>
      <PageHeader title={t('sessionsPageTitle')} intro={t('sessionsPageIntro')} />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} align="center" wrap>
          <Typography.Text strong>{t('rulesBody')}</Typography.Text>
          <BodyTreeSelect value={bodyId} onChange={choose} style={{ flex: '1 1 240px', maxWidth: 480 }} />
        </Flex>
      </Card>
      {terms.isError ? (
        <QueryError error={terms.error} onRetry={() => void terms.refetch()} />
      ) : bodyId ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={10}>
            <TermsCard
              bodyId={bodyId}
              terms={terms.data}
              loading={terms.isFetching}
              selectedId={term?.id ?? null}
              onSelect={setPicked}
              canEdit={canEdit}
            />
          </Col>
          <Col xs={24} xl={14}>
            <SessionsCard term={term} canEdit={canEdit} />
          </Col>
        </Row>
      ) : null}
    </>
  );
}
