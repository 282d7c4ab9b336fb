import { useState } from 'react';
import { Alert, App, Button, Card, Divider, Flex, Input, Popconfirm, Tag, Typography } from 'antd';
import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import type { HandlingRecord } from '../../../shared/schemas/records.js';
import { PageSpin } from '../../components/PageSpin.js';
import { QueryError } from '../../components/QueryError.js';
import { showError } from '../../components/error-text.js';
import { useLocale } from '../../i18n/locale.js';
import { RecordSignatures } from './RecordSignatures.js';
import { RecordTimeline } from './RecordTimeline.js';
import type { RecordAction } from './records.api.js';
import { recordFileUrl, useHandlingRecord, useRecordAction } from './records.api.js';
import { ReturnDialog } from './ReturnDialog.js';

const signActions: RecordAction[] = ['sign_deputy', 'sign_unit', 'sign_government'];
const statusColors: Record<HandlingRecord['status'], string> = {
  open: 'processing',
  deputy_signed: 'processing',
  unit_signed: 'processing',
  complete: 'success',
  returned: 'warning',
};

/** The sign button of the person whose turn it is, with an optional note. */
function SignButton({
  record,
  action,
  label,
}: {
  record: HandlingRecord;
  action: RecordAction;
  label: string;
}) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const run = useRecordAction();
  const [note, setNote] = useState('');
  const sign = async () => {
    try {
      await run.mutateAsync({
        id: record.suggestionId,
        action,
        input: note.trim() ? { note: note.trim() } : {},
      });
      message.success(t('rcSigned'));
    } catch (error) {
      showError(message, error, t);
    }
  };
  return (
    <Popconfirm
      title={t('rcSignConfirm', { step: label })}
      description={
        <Input
          placeholder={t('rcSignNote')}
          value={note}
          maxLength={500}
          onChange={(event) => setNote(event.target.value)}
          style={{ marginTop: 8 }}
        />
      }
      okText={t('rcSign')}
      cancelText={t('cancel')}
      onConfirm={sign}
    >
      <Button type="primary" loading={run.isPending} data-testid="record-sign">
        {label}
      </Button>
    </Popconfirm>
  );
}

/**
 * 全程纪实表 on the suggestion detail: the timeline of the case, the three signatures in order and
 * whose turn it is, the viewer's own sign button, the office's return and reopen, PDF and Word.
 */
export function RecordCard({ suggestionId }: { suggestionId: string }) {
  const { t, pick } = useLocale();
  const { message } = App.useApp();
  const query = useHandlingRecord(suggestionId);
  const reopen = useRecordAction();
  const [returning, setReturning] = useState(false);
  if (query.isPending) return <PageSpin />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const record = query.data;
  const allowed = (name: RecordAction) => record.actions.find((a) => a.action === name && a.allowed);
  const sign = signActions.map(allowed).find(Boolean);
  const lastReturn = record.returns.at(-1);

  return (
    <Card
      title={t('rcTitle')}
      data-testid="record-card"
      extra={
        <Flex gap={4} wrap>
          <Button
            type="link"
            icon={<FilePdfOutlined />}
            href={recordFileUrl(suggestionId, 'pdf')}
            target="_blank"
          >
            PDF
          </Button>
          <Button type="link" icon={<FileWordOutlined />} href={recordFileUrl(suggestionId, 'docx')}>
            Word
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <Flex gap={8} align="center" wrap>
          {/* Before handling ends nobody signs: an "awaiting the deputy" tag would mislead. */}
          {record.handlingEnded || record.status !== 'open' ? (
            <Tag color={statusColors[record.status]} data-testid="record-status">
              {pick(record.statusLabel)}
            </Tag>
          ) : null}
          {record.cycle > 1 ? (
            <Typography.Text>{t('rcCycle', { cycle: record.cycle })}</Typography.Text>
          ) : null}
        </Flex>
        {!record.handlingEnded ? <Alert type="info" showIcon title={t('rcNotEnded')} /> : null}
        {record.status === 'returned' && lastReturn ? (
          <Alert
            type="warning"
            showIcon
            title={t('rcReturnedDue', { date: lastReturn.dueOn })}
            description={lastReturn.reason}
          />
        ) : null}
        <RecordSignatures record={record} />
        <Flex gap={8} wrap>
          {sign ? (
            <SignButton record={record} action={sign.action as RecordAction} label={sign.label} />
          ) : null}
          {allowed('return') ? (
            <Button danger onClick={() => setReturning(true)}>
              {t('rcReturn')}
            </Button>
          ) : null}
          {allowed('reopen') ? (
            <Popconfirm
              title={t('rcReopenConfirm')}
              okText={t('rcReopen')}
              cancelText={t('cancel')}
              onConfirm={async () => {
                try {
                  await reopen.mutateAsync({ id: suggestionId, action: 'reopen', input: {} });
                  message.success(t('saved'));
                } catch (error) {
                  showError(message, error, t);
                }
              }}
            >
              <Button loading={reopen.isPending}>{t('rcReopen')}</Button>
            </Popconfirm>
          ) : null}
        </Flex>
        <Divider titlePlacement="start" style={{ margin: '4px 0' }}>
          {t('rcTimeline')}
        </Divider>
        <RecordTimeline record={record} />
      </Flex>
      <ReturnDialog suggestionId={suggestionId} open={returning} onClose={() => setReturning(false)} />
    </Card>
  );
}
