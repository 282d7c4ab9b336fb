import { Alert, Card, Col, Empty, Flex, Row, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { roleLabels } from '../../../shared/role-labels.js';
import { useSession } from '../../auth/session.js';
import { RoleTags } from '../../components/RoleTags.js';
import { useLocale } from '../../i18n/locale.js';
import { TodoPanel } from './TodoPanel.js';

/** Welcome card: who you are here, in which bodies and units. */
export function HomePage() {
  const { t, pick } = useLocale();
  const { me } = useSession();
  if (!me) return null;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24}>
        <TodoPanel me={me} />
      </Col>
      <Col xs={24} lg={16}>
        <Card>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('homeWelcome', { name: me.displayName })}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('homeIntro')}</Typography.Paragraph>
          <Typography.Title level={5}>{t('homeRoles')}</Typography.Title>
          {me.roles.length === 0 ? (
            <Empty description={t('homeNoRoles')} />
          ) : (
            <Flex vertical gap={8}>
              {me.roles.map((grant) => (
                <Flex key={grant.id} className="minyi-grant" align="center" gap={8} wrap>
                  <RoleTags roles={[grant.role]} />
                  <Typography.Text>{grant.bodyName}</Typography.Text>
                  {grant.unitName ? (
                    <Typography.Text type="secondary">
                      {t('homeUnit')}：{grant.unitName}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ))}
            </Flex>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card
          title={
            <>
              <SafetyCertificateOutlined /> {t('homeSecurity')}
            </>
          }
        >
          {me.totpEnabled ? (
            <Alert type="success" showIcon title={t('homeTotpOn')} />
          ) : (
            <Alert type="warning" showIcon title={<Link to="/account">{t('homeTotpOff')}</Link>} />
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {me.username} · {me.roles.map((grant) => pick(roleLabels[grant.role])).join('、')}
          </Typography.Paragraph>
        </Card>
      </Col>
    </Row>
  );
}
