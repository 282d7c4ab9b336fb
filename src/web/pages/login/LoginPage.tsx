import { Alert, Button, Card, Flex, Typography } from 'antd';
import { TranslationOutlined } from '@ant-design/icons';
import { Link, Navigate, useLocation } from 'react-router-dom';
import type { Me } from '../../../shared/schemas/auth.js';
import { isSessionComplete, useSession } from '../../auth/session.js';
import type { LoginRedirectState } from '../../auth/session.js';
import { PasswordChangeForm } from '../../auth/PasswordChangeForm.js';
import { TotpSetupPanel } from '../../auth/TotpSetupPanel.js';
import { PageSpin } from '../../components/PageSpin.js';
import { useLocale } from '../../i18n/locale.js';
import { BrandMark } from '../../layout/Brand.js';
import { CredentialsStep } from './CredentialsStep.js';
import { TotpVerifyStep } from './TotpVerifyStep.js';

type Step = 'credentials' | 'totp' | 'password' | 'totpSetup';

/** Where a half-finished sign-in stands: code first, then a forced password change, then setup. */
function stepOf(me: Me | null): Step {
  if (!me) return 'credentials';
  if (me.stage === 'totp_required') return 'totp';
  if (me.mustChangePassword) return 'password';
  return 'totpSetup';
}

function readState(state: unknown): LoginRedirectState {
  if (typeof state !== 'object' || state === null) return {};
  return { from: 'from' in state && typeof state.from === 'string' ? state.from : undefined };
}

/** Sign-in, with each step the server asks for. Works down to 375 px wide. */
export function LoginPage() {
  const { t, locale, setLocale } = useLocale();
  const { me, loading, setMe, refresh, logout, expiredAfterMinutes } = useSession();
  const location = useLocation();
  const state = readState(location.state);

  if (loading) return <PageSpin fullScreen />;
  if (isSessionComplete(me)) {
    const target = state.from && state.from !== '/login' ? state.from : '/';
    return <Navigate to={target} replace />;
  }

  const step = stepOf(me);
  const notice = expiredAfterMinutes !== null ? t('sessionExpired', { minutes: expiredAfterMinutes }) : null;
  const titles: Record<Step, string> = {
    credentials: t('loginTitle'),
    totp: t('totpTitle'),
    password: t('passwordChangeTitle'),
    totpSetup: t('totpSetupTitle'),
  };
  const afterStep = () => void refresh();

  return (
    <main className="minyi-login">
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 420, marginBottom: 8 }}>
        <Button
          type="text"
          icon={<TranslationOutlined />}
          onClick={() => setLocale(locale === 'zh-CN' ? 'en-US' : 'zh-CN')}
        >
          {t('languageSwitch')}
        </Button>
      </Flex>
      <Flex vertical align="center" gap={8} style={{ marginBottom: 24, textAlign: 'center' }}>
        <BrandMark size={56} />
        <Typography.Title level={2} style={{ margin: 0, letterSpacing: locale === 'zh-CN' ? '0.2em' : 0 }}>
          {t('appName')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('appSubtitle')}</Typography.Text>
      </Flex>
      <Card className="minyi-login-card" title={titles[step]}>
        {step === 'credentials' ? <CredentialsStep notice={notice} onSignedIn={setMe} /> : null}
        {step === 'totp' ? <TotpVerifyStep onVerified={setMe} /> : null}
        {step === 'password' ? (
          <>
            <Alert type="warning" showIcon title={t('passwordChangeForced')} style={{ marginBottom: 16 }} />
            <PasswordChangeForm onChanged={afterStep} />
          </>
        ) : null}
        {step === 'totpSetup' ? (
          <>
            <Alert type="warning" showIcon title={t('totpSetupRequired')} style={{ marginBottom: 16 }} />
            <TotpSetupPanel onEnabled={afterStep} />
          </>
        ) : null}
        {step !== 'credentials' ? (
          <Button type="link" block style={{ marginTop: 8 }} onClick={() => void logout()}>
            {t('backToLogin')}
          </Button>
        ) : null}
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 24, fontSize: 12, textAlign: 'center' }}>
        {t('loginFooter')}
        {' · '}
        <Link to="/public/suggestions">{t('ptPublicLink')}</Link>
      </Typography.Text>
    </main>
  );
}
