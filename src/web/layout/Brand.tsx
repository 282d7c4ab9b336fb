import { Flex, Typography } from 'antd';
import { useLocale } from '../i18n/locale.js';

/** The product mark: a seal-like 民 and the name. */
export function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <span className="minyi-mark" style={{ width: size, height: size, fontSize: size * 0.6 }} aria-hidden>
      民
    </span>
  );
}

export function Brand({ compact = false, subtitle = false }: { compact?: boolean; subtitle?: boolean }) {
  const { t } = useLocale();
  return (
    <Flex align="center" gap={10} style={{ minWidth: 0 }}>
      <BrandMark />
      {compact ? null : (
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Text strong style={{ fontSize: 18, lineHeight: 1.2 }}>
            {t('appName')}
          </Typography.Text>
          {subtitle ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
              {t('appSubtitle')}
            </Typography.Text>
          ) : null}
        </Flex>
      )}
    </Flex>
  );
}
