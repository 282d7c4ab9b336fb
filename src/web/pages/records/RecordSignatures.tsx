import { Flex, Typography } from 'antd';
import { CheckCircleFilled, ClockCircleOutlined, MinusCircleOutlined } from '@ant-design/icons';
import type { HandlingRecord, RecordStatus, RecordStep } from '../../../shared/schemas/records.js';
import { recordStepLabels } from '../../../shared/schemas/records.js';
import { formatDateTime } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';

/** Whose turn it is to sign, by the record's status (none once complete or returned). */
export const turnOf: Record<RecordStatus, RecordStep | null> = {
  open: 'deputy',
  deputy_signed: 'unit_leader',
  unit_signed: 'government_leader',
  complete: null,
  returned: null,
};

/** The three signatures in order (领衔代表 → 承办单位负责人 → 政府分管领导), who signed, whose turn. */
export function RecordSignatures({ record }: { record: HandlingRecord }) {
  const { t, pick } = useLocale();
  const turn = record.handlingEnded ? turnOf[record.status] : null;
  return (
    <Flex vertical gap={6} data-testid="record-signatures">
      {record.signatures.map((s) => {
        const next = !s.signed && s.step === turn;
        return (
          <Flex key={s.step} gap={6} align="center" wrap data-testid={`record-step-${s.step}`}>
            {s.signed ? (
              <CheckCircleFilled style={{ color: '#52c41a' }} />
            ) : next ? (
              <ClockCircleOutlined style={{ color: '#1677ff' }} />
            ) : (
              <MinusCircleOutlined style={{ color: '#bfbfbf' }} />
            )}
            <Typography.Text strong={next}>{pick(recordStepLabels[s.step])}</Typography.Text>
            <Typography.Text type="secondary">
              {s.signed
                ? t('rcSignedBy', {
                    name: [s.unitName, s.userName].filter(Boolean).join(' '),
                    time: formatDateTime(s.signedAt),
                  })
                : next
                  ? t('rcTurn')
                  : ''}
            </Typography.Text>
            {s.note ? <Typography.Text type="secondary">「{s.note}」</Typography.Text> : null}
          </Flex>
        );
      })}
    </Flex>
  );
}
