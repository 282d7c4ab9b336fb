import type { ReactNode } from 'react';
import { Button, Flex, Typography } from 'antd';
import { TranslationOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useLocale } from '../../i18n/locale.js';
import { Brand } from '../../layout/Brand.js';

/** The public portal's frame: no menu, no session; readable on a phone. */
export function PortalLayout({ children }: { children: ReactNode }) {
  const { t, locale, setLocale } = useLocale();
  return (
    <div className="minyi-public" style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Flex vertical gap={16} style={{ maxWidth: 960, margin: '0 auto', padding: 12 }}>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Link to="/public/suggestions">
            <Brand subtitle />
          </Link>
          <Button
            type="text"
            icon={<TranslationOutlined />}
            onClick={() => setLocale(locale === 'zh-CN' ? 'en-US' : 'zh-CN')}
          >
            {t('languageSwitch')}
          </Button>
        </Flex>
        {children}
        <Typography.Text type="secondary" style={{ textAlign: 'center', fontSize: 12 }}>
          {t('ptFooter')} · <Link to="/login">{t('ptStaffLogin')}</Link>
        </Typography.Text>
      </Flex>
    </div>
  );
}
