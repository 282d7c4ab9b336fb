import { Button, Result, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useLocale } from '../../i18n/locale.js';
import { groupCode } from './citizen.api.js';

/** Shown after a submission: the tracking code, big enough to photograph or write down. */
export function Receipt({
  title,
  trackingCode,
  extra,
}: {
  title: string;
  trackingCode: string;
  extra?: string;
}) {
  const { t } = useLocale();
  const navigate = useNavigate();
  return (
    <Result
      status="success"
      title={title}
      subTitle={
        <>
          <div>{t('czReceiptCode')}</div>
          <Typography.Title
            level={3}
            copyable={{ text: trackingCode }}
            style={{ margin: '8px 0', letterSpacing: 1, whiteSpace: 'nowrap' }}
            data-testid="tracking-code"
          >
            {groupCode(trackingCode)}
          </Typography.Title>
          <div>{t('czReceiptKeep')}</div>
          {extra ? <div style={{ marginTop: 8 }}>{extra}</div> : null}
        </>
      }
      extra={
        <Button type="primary" onClick={() => navigate(`/m/track/${trackingCode}`)}>
          {t('czTrackNow')}
        </Button>
      }
    />
  );
}
