import { Card, Empty, Timeline, Typography } from 'antd';
import type { SuggestionDetail, SuggestionStatus } from '../../../../shared/schemas/suggestions.js';
import { suggestionStatusLabels, suggestionStatusValues } from '../../../../shared/schemas/suggestions.js';
import { formatDateTime } from '../../../format/time.js';
import { useLocale } from '../../../i18n/locale.js';
import type { MessageKey } from '../../../i18n/dictionary.js';

/** Names of the events the server logs on an item. */
const eventLabels: Record<string, MessageKey> = {
  create: 'sgEventCreate',
  submit: 'sgEventSubmit',
  withdraw: 'sgEventWithdraw',
  review_pass: 'sgEventPass',
  review_return: 'sgEventReturn',
  review_reject: 'sgEventReject',
  review_merge: 'sgEventMerge',
  review_convert: 'sgEventConvert',
  assign: 'sgEventAssign',
  merged_in: 'sgEventMergedIn',
  key_confirmed: 'sgEventKey',
  signers_invited: 'sgEventSignersInvited',
  signer_confirmed: 'sgEventSignerConfirmed',
  signer_declined: 'sgEventSignerDeclined',
  'assignment.receive': 'sgEventReceive',
  'assignment.request_adjustment': 'sgEventRequestAdjustment',
  'assignment.approve_adjustment': 'sgEventApproveAdjustment',
  'assignment.refuse_adjustment': 'sgEventRefuseAdjustment',
  'assignment.plan': 'rcEventPlan',
  contact: 'rcEventContact',
  'assignment.contact': 'rcEventContact',
  'assignment.submit_opinion': 'rcEventOpinion',
  'assignment.lapse_opinion': 'rcEventOpinionLapsed',
  'assignment.request_extension': 'rcEventExtensionAsked',
  'assignment.approve_extension': 'rcEventExtensionApproved',
  'assignment.refuse_extension': 'rcEventExtensionRefused',
  'assignment.mark_replied': 'rcEventUnitReplied',
  'assignment.reopen': 'rcEventUnitReopened',
  mark_replied: 'rcEventReplied',
  rate: 'rcEventRated',
  close_no_feedback: 'rcEventNoFeedback',
  'record.sign_deputy': 'rcEventSignDeputy',
  'record.sign_unit': 'rcEventSignUnit',
  'record.sign_government': 'rcEventSignGovernment',
  'record.return': 'rcEventRecordReturned',
  'record.reopen': 'rcEventRecordReopened',
};

const isStatus = (value: string | null): value is SuggestionStatus =>
  value !== null && suggestionStatusValues.some((status) => status === value);

const colors: Record<string, string> = { review_reject: 'red', review_return: 'orange', withdraw: 'gray' };

/** Every step of the item, oldest first, in Beijing time. */
export function TimelineCard({ detail }: { detail: SuggestionDetail }) {
  const { t, pick } = useLocale();
  return (
    <Card title={t('sgTimeline')}>
      {detail.timeline.length === 0 ? (
        <Empty />
      ) : (
        <Timeline
          items={detail.timeline.map((event) => {
            const key = eventLabels[event.action];
            const moved =
              isStatus(event.toStatus) && event.fromStatus !== null && event.fromStatus !== event.toStatus
                ? ` → ${pick(suggestionStatusLabels[event.toStatus])}`
                : '';
            return {
              key: event.id,
              color: colors[event.action] ?? 'blue',
              title: formatDateTime(event.at),
              content: (
                <>
                  <Typography.Text strong>
                    {key ? t(key) : event.action}
                    {moved}
                  </Typography.Text>
                  {event.actorName ? (
                    <Typography.Text type="secondary"> · {event.actorName}</Typography.Text>
                  ) : null}
                  {event.note ? (
                    <Typography.Paragraph style={{ margin: '2px 0 0', whiteSpace: 'pre-wrap' }}>
                      {event.note}
                    </Typography.Paragraph>
                  ) : null}
                </>
              ),
            };
          })}
        />
      )}
    </Card>
  );
}
