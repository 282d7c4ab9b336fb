import { useState } from 'react';
import { Alert, App, Button, Flex, Modal, Radio, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { importKindLabels } from '../../../shared/schemas/imports.js';
import type { ImportKind, ImportMode } from '../../../shared/schemas/imports.js';
import { useLocale } from '../../i18n/locale.js';
import { errorText, showError } from '../error-text.js';
import { CreatedAccounts } from './CreatedAccounts.js';
import { FilePicker } from './FilePicker.js';
import { canImport, ImportReportView } from './ImportReportView.js';
import { downloadTemplate, uploadImport } from './transfer.api.js';
import type { ImportOutcome } from './transfer.api.js';

/** Lists an import may change: its own, and the accounts and groups a deputy import creates. */
const touchedLists: Record<ImportKind, string[]> = {
  deputies: ['deputies', 'users', 'delegations', 'deputy-groups'],
  units: ['units'],
  users: ['users'],
};

export interface ImportDialogProps {
  kind: ImportKind;
  bodyId: string;
  bodyName: string;
  open: boolean;
  onClose: () => void;
}

/** Choose a file and a mode, check it (a dry run listing each bad cell), then import it. */
export function ImportDialog({ kind, bodyId, bodyName, open, onClose }: ImportDialogProps) {
  const { t, pick } = useLocale();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('all_or_nothing');
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | 'template' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const imported = outcome !== null && !outcome.report.dryRun;
  const accounts = imported ? (outcome.report.createdAccounts ?? []) : [];

  const reset = () => {
    setFile(null);
    setMode('all_or_nothing');
    setOutcome(null);
    setFailure(null);
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'check' : 'import');
    setFailure(null);
    try {
      const result = await uploadImport({ kind, bodyId, mode, dryRun, file });
      setOutcome(result);
      if (!dryRun && result.report.imported > 0)
        await Promise.all(
          touchedLists[kind].map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
        );
    } catch (error) {
      setOutcome(null);
      setFailure(errorText(error, t));
    } finally {
      setBusy(null);
    }
  };

  const getTemplate = async () => {
    setBusy('template');
    try {
      await downloadTemplate(kind);
    } catch (error) {
      showError(message, error, t);
    } finally {
      setBusy(null);
    }
  };

  const close = () => {
    if (accounts.length === 0) return onClose();
    modal.confirm({
      title: t('importAccountsCloseConfirm'),
      okText: t('oneTimeSecretDone'),
      cancelText: t('cancel'),
      onOk: onClose,
    });
  };

  const footer = imported ? (
    <Button type="primary" onClick={close}>
      {t('importDone')}
    </Button>
  ) : (
    <Flex justify="flex-end" gap={8} wrap>
      <Button disabled={busy === 'import'} onClick={onClose}>
        {t('cancel')}
      </Button>
      <Button disabled={!file} loading={busy === 'check'} onClick={() => void run(true)}>
        {t('importCheck')}
      </Button>
      <Button
        type="primary"
        disabled={!outcome || !canImport(outcome.report, mode) || busy !== null}
        loading={busy === 'import'}
        title={outcome ? undefined : t('importCheckFirst')}
        onClick={() => void run(false)}
      >
        {t('importRun')}
      </Button>
    </Flex>
  );

  return (
    <Modal
      open={open}
      title={t('importTitle', { kind: pick(importKindLabels[kind]) })}
      width={760}
      onCancel={close}
      afterClose={reset}
      mask={{ closable: false }}
      footer={footer}
      destroyOnHidden
    >
      <Flex vertical gap={16}>
        <Typography.Text>
          <Typography.Text type="secondary">{t('importTarget')}</Typography.Text>
          <Typography.Text strong>{bodyName}</Typography.Text>
        </Typography.Text>
        {imported ? null : (
          <>
            <Flex gap={8} align="flex-start" wrap justify="space-between">
              <Typography.Paragraph type="secondary" style={{ margin: 0, flex: '1 1 320px' }}>
                {t('importSteps')}
              </Typography.Paragraph>
              <Button
                icon={<DownloadOutlined />}
                loading={busy === 'template'}
                onClick={() => void getTemplate()}
              >
                {t('downloadTemplate')}
              </Button>
            </Flex>
            <FilePicker
              file={file}
              disabled={busy !== null}
              onChange={(next) => {
                setFile(next);
                setOutcome(null);
                setFailure(null);
              }}
            />
            <Flex vertical gap={4}>
              <Typography.Text strong>{t('importMode')}</Typography.Text>
              <Radio.Group
                value={mode}
                disabled={busy !== null}
                onChange={(event) =>
                  setMode(event.target.value === 'valid_rows' ? 'valid_rows' : 'all_or_nothing')
                }
                options={[
                  { value: 'all_or_nothing', label: t('importModeAll') },
                  { value: 'valid_rows', label: t('importModeValid') },
                ]}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {mode === 'all_or_nothing' ? t('importModeAllHint') : t('importModeValidHint')}
              </Typography.Text>
            </Flex>
          </>
        )}
        {failure ? <Alert type="error" showIcon title={failure} /> : null}
        {outcome ? (
          <ImportReportView outcome={outcome} mode={mode}>
            {accounts.length > 0 ? <CreatedAccounts accounts={accounts} /> : null}
          </ImportReportView>
        ) : null}
      </Flex>
    </Modal>
  );
}
