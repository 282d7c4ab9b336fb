import { App, Button, Flex, Typography, Upload } from 'antd';
import { DeleteOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { importMaxBytes } from '../../../shared/schemas/imports.js';
import { useLocale } from '../../i18n/locale.js';

const maxMegabytes = importMaxBytes / 1024 / 1024;

function sizeText(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

interface FilePickerProps {
  file: File | null;
  onChange: (file: File | null) => void;
  disabled?: boolean;
}

/** One .xlsx file (≤ 25 MB), picked or dropped; checked here so a wrong file fails at once. */
export function FilePicker({ file, onChange, disabled }: FilePickerProps) {
  const { t } = useLocale();
  const { message } = App.useApp();

  const accept = (candidate: File) => {
    if (!candidate.name.toLowerCase().endsWith('.xlsx')) void message.error(t('importNotXlsx'));
    else if (candidate.size > importMaxBytes) void message.error(t('importTooLarge', { size: maxMegabytes }));
    else onChange(candidate);
    // Never upload from here: the dialog sends the file when asked to check or import.
    return Upload.LIST_IGNORE;
  };

  if (file)
    return (
      <Flex align="center" gap={12} className="minyi-import-file">
        <FileExcelOutlined style={{ fontSize: 28, color: '#1d6f42' }} />
        <Flex vertical style={{ flex: 1, minWidth: 0 }}>
          <Typography.Text strong ellipsis>
            {file.name}
          </Typography.Text>
          <Typography.Text type="secondary">{sizeText(file.size)}</Typography.Text>
        </Flex>
        <Button
          type="text"
          icon={<DeleteOutlined />}
          aria-label={t('remove')}
          disabled={disabled}
          onClick={() => onChange(null)}
        />
      </Flex>
    );

  return (
    <Upload.Dragger
      accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      multiple={false}
      showUploadList={false}
      beforeUpload={accept}
      disabled={disabled}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{t('importDrop')}</p>
      <p className="ant-upload-hint">{t('importDropHint', { size: maxMegabytes })}</p>
    </Upload.Dragger>
  );
}
