import { useState } from 'react';
import { Card, Col, Flex, Row, Select, Typography } from 'antd';
import { useSession } from '../../auth/session.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryError } from '../../components/QueryError.js';
import { useLocale } from '../../i18n/locale.js';
import { coversBody, useBodies } from '../bodies/bodies.api.js';
import { BodyTreeSelect } from '../bodies/BodyTreeSelect.js';
import { useChosenBody } from '../bodies/useChosenBody.js';
import { DelegationsCard } from './DelegationsCard.js';
import { GroupsCard } from './GroupsCard.js';
import { organisationWriters, useTerms } from './organisations.api.js';

/** Delegations (per term, for sessions) and deputy groups (for recess work) of a body. */
export function DelegationsPage() {
  const { t } = useLocale();
  const { me } = useSession();
  const { bodyId, choose } = useChosenBody(organisationWriters);
  const bodies = useBodies();
  const terms = useTerms(bodyId);
  const [picked, setPicked] = useState<string | null>(null);
  const body = bodies.data?.find((candidate) => candidate.id === bodyId);
  const canEdit = me !== null && body !== undefined && coversBody(me, organisationWriters, body);
  const term = terms.data?.find((candidate) => candidate.id === picked) ?? terms.data?.[0];

  return (
    <>
      <PageHeader title={t('delegationsPageTitle')} intro={t('delegationsPageIntro')} />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} align="center" wrap>
          <Typography.Text strong>{t('rulesBody')}</Typography.Text>
          <BodyTreeSelect value={bodyId} onChange={choose} style={{ flex: '1 1 240px', maxWidth: 420 }} />
          <Typography.Text strong>{t('termLabel')}</Typography.Text>
          <Select
            value={term?.id}
            onChange={setPicked}
            options={(terms.data ?? []).map((candidate) => ({ value: candidate.id, label: candidate.label }))}
            placeholder={t('noTermsYet')}
            loading={terms.isFetching}
            style={{ flex: '0 1 160px', minWidth: 120 }}
          />
        </Flex>
      </Card>
      {terms.isError ? (
        <QueryError error={terms.error} onRetry={() => void terms.refetch()} />
      ) : bodyId ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <DelegationsCard term={term} canEdit={canEdit} />
          </Col>
          <Col xs={24} xl={12}>
            <GroupsCard bodyId={bodyId} terms={terms.data ?? []} canEdit={canEdit} />
          </Col>
        </Row>
      ) : null}
    </>
  );
}
