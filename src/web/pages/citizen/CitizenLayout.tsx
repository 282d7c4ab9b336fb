import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useLocale } from '../../i18n/locale.js';

/**
 * The light frame of the public pages behind the QR codes: no staff menu, no sign-in, one column
 * sized for a phone (375 px and up), Chinese first.
 */
export function CitizenLayout({ children }: { children: ReactNode }) {
  const { t } = useLocale();
  return (
    <div className="minyi-citizen">
      <header className="minyi-citizen-header">
        <Link to="/m/stations" className="minyi-citizen-brand">
          <span className="minyi-mark" style={{ width: 28, height: 28, fontSize: 16 }}>
            民
          </span>
          <span>{t('czBrand')}</span>
        </Link>
        <Link to="/m/track">{t('czTrackShort')}</Link>
      </header>
      <main className="minyi-citizen-main">{children}</main>
      <footer className="minyi-citizen-footer">
        <Flex vertical gap={4} align="center">
          <Typography.Text type="secondary">{t('czFooterPrivacy')}</Typography.Text>
          <Flex gap={16}>
            <Link to="/m/stations">{t('czDirectory')}</Link>
            <Link to="/m/track">{t('czTrack')}</Link>
          </Flex>
        </Flex>
      </footer>
    </div>
  );
}
