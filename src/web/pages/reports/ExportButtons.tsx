import { useState } from 'react';
import { App, Button, Flex, Progress, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ExportRequestInput, ExportView } from '../../../shared/schemas/exports.js';
import { errorText } from '../../components/error-text.js';
import { useLocale } from '../../i18n/locale.js';
import { useMyExports, useStartExport } from './reports.api.js';

export type ExportFormat = 'docx' | 'pdf' | 'xlsx';

const formatKeys = { docx: 'rpWord', pdf: 'rpPdf', xlsx: 'rpXlsx' } as const;

/** The progress of one export, then its download link. */
export function ExportProgress({ view }: { view: ExportView }) {
  const { t } = useLocale();
  if (view.status === 'done' && view.downloadUrl)
    return (
      <Typography.Link href={view.downloadUrl} style={{ wordBreak: 'break-all' }}>
        <DownloadOutlined /> {view.fileName ?? t('rpDownload')}
      </Typography.Link>
    );
  if (view.status === 'failed')
    return (
      <Typography.Text type="danger" style={{ fontSize: 13 }}>
        {view.error}
      </Typography.Text>
    );
  return (
    <Progress
      percent={view.progress}
      size="small"
      status="active"
      style={{ maxWidth: 260 }}
      aria-label={view.kindLabel}
    />
  );
}

/**
 * Buttons that start an export in the background (one per format), and under them the progress
 * of the last one started here, then its download link.
 */
export function ExportButtons({
  formats,
  request,
  disabled,
  testId,
}: {
  formats: ExportFormat[];
  /** The request for a format; null while the form is incomplete. */
  request: (format: ExportFormat) => ExportRequestInput | null;
  disabled?: boolean;
  testId?: string;
}) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const start = useStartExport();
  const mine = useMyExports();
  const [lastId, setLastId] = useState<string | null>(null);
  const [pending, setPending] = useState<ExportFormat | null>(null);
  const last = mine.data?.items.find((v) => v.id === lastId);
  return (
    <Flex vertical gap={8} data-testid={testId}>
      <Flex gap={8} wrap>
        {formats.map((format) => (
          <Button
            key={format}
            disabled={disabled || request(format) === null}
            loading={pending === format}
            onClick={() => {
              const body = request(format);
              if (!body) return;
              setPending(format);
              start.mutate(body, {
                onSettled: () => setPending(null),
                onSuccess: (view) => setLastId(view.id),
                onError: (error) => void message.error(errorText(error, t)),
              });
            }}
          >
            {t(formatKeys[format])}
          </Button>
        ))}
      </Flex>
      {last ? <ExportProgress view={last} /> : null}
    </Flex>
  );
}
