import { useState } from 'react';
import { Alert, App, Button, Flex, Popconfirm, Tag, Typography } from 'antd';
import {
  CheckCircleFilled,
  ClockCircleOutlined,
  FilePdfOutlined,
  FileWordOutlined,
  MinusCircleOutlined,
} from '@ant-design/icons';
import type { Reply } from '../../../shared/schemas/handling.js';
import { errorText, showError } from '../../components/error-text.js';
import { formatDateTime } from '../../format/time.js';
import type { MessageKey } from '../../i18n/dictionary.js';
import { useLocale } from '../../i18n/locale.js';
import { isConcurrentChange } from '../suggestions/api/suggestions.api.js';
import { isWaitingForCoUnits, replyFileUrl, useSignReply } from './handling.api.js';

const statusLabels: Record<Reply['status'], MessageKey> = {
  draft: 'hdReplyDraft',
  signing: 'hdReplySigning',
  sent: 'hdReplySent',
};

/** One reply letter: status, sign-off chain (who signed, who is next), 签署, PDF / Word downloads. */
export function ReplyItem({
  reply,
  suggestionId,
  stepNames,
  canSign,
}: {
  reply: Reply;
  suggestionId: string;
  /** The body's sign-off steps in order (经办人 → 科室负责人 → 单位负责人). */
  stepNames: string[];
  /** The user works for the reply's unit (the server decides whether their role fits the step). */
  canSign: boolean;
}) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const sign = useSignReply();
  const [blocked, setBlocked] = useState<string | null>(null);
  const [showBody, setShowBody] = useState(false);
  const signedNames = reply.signoffs.map((s) => s.stepName);
  // Without the body's rule profile (e.g. a deputy): the signed steps and the next one.
  const names =
    stepNames.length > 0
      ? stepNames
      : reply.nextStepName && !signedNames.includes(reply.nextStepName)
        ? [...signedNames, reply.nextStepName]
        : signedNames;

  const doSign = async () => {
    setBlocked(null);
    try {
      await sign.mutateAsync({ id: reply.id, version: reply.version });
      message.success(t('hdSigned'));
    } catch (error) {
      if (isWaitingForCoUnits(error)) setBlocked(errorText(error, t));
      else if (isConcurrentChange(error)) message.warning(t('sgConcurrentChange'));
      else showError(message, error, t);
    }
  };

  return (
    <div className="minyi-grant" data-testid="reply-item">
      <Flex gap={6} align="center" wrap style={{ marginBottom: 6 }}>
        <Typography.Text strong>{reply.unitName}</Typography.Text>
        <Tag
          color={reply.status === 'sent' ? 'success' : reply.status === 'signing' ? 'processing' : undefined}
        >
          {t(statusLabels[reply.status])}
        </Tag>
        <Tag>{t('hdOutcomeOption', { code: reply.outcomeClass, label: reply.outcomeLabel })}</Tag>
        {reply.round > 1 ? <Tag>{t('hdRound', { round: reply.round })}</Tag> : null}
      </Flex>
      <Typography.Text type="secondary">
        {reply.documentNo}
        {reply.sentAt ? ` · ${t('hdSentAt', { time: formatDateTime(reply.sentAt) })}` : ''}
      </Typography.Text>
      <Flex vertical gap={4} style={{ margin: '8px 0' }} data-testid="signoff-chain">
        {names.map((name, index) => {
          // Steps count from 0, as `signStep` (the next one to sign) does.
          const signed = reply.signoffs.find((s) => s.step === index);
          const next = !signed && reply.status !== 'sent' && index === reply.signStep;
          return (
            <Flex key={name} gap={6} align="center" wrap>
              {signed ? (
                <CheckCircleFilled style={{ color: '#52c41a' }} />
              ) : next ? (
                <ClockCircleOutlined style={{ color: '#1677ff' }} />
              ) : (
                <MinusCircleOutlined style={{ color: '#bfbfbf' }} />
              )}
              <Typography.Text strong={next}>{name}</Typography.Text>
              <Typography.Text type="secondary">
                {signed
                  ? t('hdSignedBy', { name: signed.userName, time: formatDateTime(signed.signedAt) })
                  : next
                    ? t('hdNextStep', { step: name })
                    : ''}
              </Typography.Text>
            </Flex>
          );
        })}
      </Flex>
      {blocked ? <Alert type="warning" showIcon title={blocked} style={{ marginBottom: 8 }} /> : null}
      <Flex gap={8} wrap>
        {canSign && reply.status !== 'sent' && reply.nextStepName ? (
          <Popconfirm
            title={t('hdSignConfirm', { step: reply.nextStepName })}
            okText={t('hdSign')}
            cancelText={t('cancel')}
            onConfirm={doSign}
          >
            <Button type="primary" loading={sign.isPending}>
              {t('hdSign')}
            </Button>
          </Popconfirm>
        ) : null}
        {/* Only a sent letter can be downloaded. */}
        {reply.status === 'sent' ? (
          <>
            <Button
              icon={<FilePdfOutlined />}
              href={replyFileUrl(suggestionId, reply.id, 'pdf')}
              target="_blank"
            >
              {t('hdDownloadPdf')}
            </Button>
            <Button icon={<FileWordOutlined />} href={replyFileUrl(suggestionId, reply.id, 'docx')}>
              {t('hdDownloadWord')}
            </Button>
          </>
        ) : null}
        <Button type="link" onClick={() => setShowBody((v) => !v)}>
          {t('hdShowBody')}
        </Button>
      </Flex>
      {showBody ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>
          {reply.body}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
