import { Form, Input } from 'antd';
import { useLocale } from '../i18n/locale.js';

/** The 6-digit authenticator code field (name `code`, as the API names it). */
export function TotpCodeItem({ autoFocus = false }: { autoFocus?: boolean }) {
  const { t } = useLocale();
  return (
    <Form.Item
      name="code"
      label={t('totpCode')}
      rules={[{ required: true, pattern: /^\d{6}$/, message: t('totpCodeInvalid') }]}
      normalize={(value: string) => value.replace(/\D/g, '').slice(0, 6)}
    >
      <Input
        size="large"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        placeholder="000000"
        autoFocus={autoFocus}
        style={{ letterSpacing: '0.4em', textAlign: 'center', fontVariantNumeric: 'tabular-nums' }}
      />
    </Form.Item>
  );
}
