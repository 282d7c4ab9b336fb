import { Alert, DatePicker, Flex, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { dayString } from '../../../format/time.js';
import { useLocale } from '../../../i18n/locale.js';
import type { AssignmentBatchResult } from '../api/assignments.api.js';
import { DeadlinePreview } from '../components/DeadlinePreview.js';

/** What the last batch did: assigned, or which item stopped it (nothing was assigned then). */
export function BatchOutcome({
  done,
  failure,
  onCloseDone,
}: {
  done: AssignmentBatchResult | null;
  failure: string | null;
  onCloseDone: () => void;
}) {
  const { t } = useLocale();
  return (
    <>
      {done ? (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: onCloseDone }}
          title={t('asgBatchResult', { name: done.name, count: done.itemCount, date: done.assignedOn })}
          style={{ marginBottom: 16 }}
          data-testid="batch-result"
        />
      ) : null}
      {failure ? (
        <Alert
          type="error"
          showIcon
          title={t('asgBatchFailed')}
          description={failure}
          style={{ marginBottom: 16 }}
          data-testid="batch-failure"
        />
      ) : null}
    </>
  );
}

/** The meeting's assignment date (today or earlier) and the reply deadline it gives. */
export function AssignDateBar({
  bodyId,
  value,
  onChange,
}: {
  bodyId: string | null;
  value: Dayjs;
  onChange: (value: Dayjs) => void;
}) {
  const { t } = useLocale();
  return (
    <Flex vertical gap={2} style={{ flex: '1 1 240px' }}>
      <Flex gap={8} align="center">
        <Typography.Text>{t('sgAssignedOn')}</Typography.Text>
        <DatePicker
          value={value}
          allowClear={false}
          disabledDate={(day) => day.isAfter(dayjs(), 'day')}
          onChange={(day) => onChange(day ?? dayjs())}
          aria-label={t('sgAssignedOn')}
        />
      </Flex>
      <DeadlinePreview bodyId={bodyId} assignedOn={dayString(value)} />
    </Flex>
  );
}
