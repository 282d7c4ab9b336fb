import { useState } from 'react';
import { App, Button, Tooltip } from 'antd';
import { ExportOutlined, ImportOutlined } from '@ant-design/icons';
import type { Body as CongressBody } from '../../../shared/schemas/bodies.js';
import type { ImportKind } from '../../../shared/schemas/imports.js';
import type { QueryParams } from '../../api/client.js';
import { useLocale } from '../../i18n/locale.js';
import { showError } from '../error-text.js';
import { ImportDialog } from './ImportDialog.js';
import { downloadExport } from './transfer.api.js';

interface ImportExportProps {
  kind: ImportKind;
  /** The body imported into and exported from; without one both buttons say to choose it. */
  body: Pick<CongressBody, 'id' | 'name'> | null | undefined;
  /** The list's current filters, so the export holds what the page shows (all pages of it). */
  exportQuery?: QueryParams;
}

/** 「导入」 (template, check, import) and 「导出 Excel」 buttons for a list page's header. */
export function ImportExport({ kind, body, exportQuery = {} }: ImportExportProps) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const hint = body ? undefined : t('transferChooseBodyFirst');

  const runExport = async () => {
    if (!body) return;
    setExporting(true);
    try {
      await downloadExport(kind, { ...exportQuery, bodyId: body.id });
      void message.success(t('exportStarted'));
    } catch (error) {
      showError(message, error, t);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <Tooltip title={hint}>
        <Button icon={<ImportOutlined />} disabled={!body} onClick={() => setImporting(true)}>
          {t('importExcel')}
        </Button>
      </Tooltip>
      <Tooltip title={hint}>
        <Button
          icon={<ExportOutlined />}
          disabled={!body}
          loading={exporting}
          onClick={() => void runExport()}
        >
          {t('exportExcel')}
        </Button>
      </Tooltip>
      {body ? (
        <ImportDialog
          kind={kind}
          bodyId={body.id}
          bodyName={body.name}
          open={importing}
          onClose={() => setImporting(false)}
        />
      ) : null}
    </>
  );
}
