import { Button, Flex, Input, Typography } from 'antd';
import { useLocale } from '../../i18n/locale.js';

/** What the form sends for a secret: undefined keeps the stored one, null clears it, text replaces it. */
export type SecretChange = string | null | undefined;

interface SecretInputProps {
  /** The stored secret as the server shows it (masked), or null when none is set. */
  stored: string | null;
  value?: SecretChange;
  onChange?: (value: SecretChange) => void;
  id?: string;
  disabled?: boolean;
}

/**
 * A secret field that never shows or resends the stored value: empty keeps it, typing replaces it,
 * and 「清除」 removes it on save. A form control for antd `Form.Item`.
 */
export function SecretInput({ stored, value, onChange, id, disabled }: SecretInputProps) {
  const { t } = useLocale();
  if (value === null)
    return (
      <Flex align="center" gap={8} wrap className="minyi-secret-cleared">
        <Typography.Text type="warning">{t('secretWillClear')}</Typography.Text>
        <Button type="link" size="small" disabled={disabled} onClick={() => onChange?.(undefined)}>
          {t('secretUndoClear')}
        </Button>
      </Flex>
    );
  return (
    <Flex gap={8} align="center">
      <Input.Password
        id={id}
        value={value ?? ''}
        disabled={disabled}
        autoComplete="new-password"
        placeholder={stored ? t('secretKeepPlaceholder', { mask: stored }) : t('secretNotSet')}
        onChange={(event) => onChange?.(event.target.value === '' ? undefined : event.target.value)}
        style={{ flex: 1, minWidth: 0 }}
      />
      {stored && value === undefined ? (
        <Button
          type="link"
          danger
          disabled={disabled}
          onClick={() => onChange?.(null)}
          style={{ flex: 'none' }}
        >
          {t('secretClear')}
        </Button>
      ) : null}
    </Flex>
  );
}
