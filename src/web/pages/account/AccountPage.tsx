import { Card, Col, Descriptions, Row } from 'antd';
import { PasswordChangeForm } from '../../auth/PasswordChangeForm.js';
import { distinctRoles } from '../../auth/roles.js';
import { useSession } from '../../auth/session.js';
import { PageHeader } from '../../components/PageHeader.js';
import { RoleTags } from '../../components/RoleTags.js';
import { useLocale } from '../../i18n/locale.js';
import { TokensCard } from './TokensCard.js';
import { TotpCard } from './TotpCard.js';

/** One's own account: profile, password, second factor, API tokens. */
export function AccountPage() {
  const { t } = useLocale();
  const { me } = useSession();
  if (!me) return null;
  return (
    <>
      <PageHeader title={t('accountTitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('accountProfile')} style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('userUsername')}>{me.username}</Descriptions.Item>
              <Descriptions.Item label={t('userDisplayName')}>{me.displayName}</Descriptions.Item>
              <Descriptions.Item label={t('userRoles')}>
                <span>
                  <RoleTags roles={distinctRoles(me)} />
                </span>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <TotpCard />
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('passwordChangeTitle')}>
            <PasswordChangeForm onChanged={() => undefined} />
          </Card>
        </Col>
        <Col span={24}>
          <TokensCard />
        </Col>
      </Row>
    </>
  );
}
