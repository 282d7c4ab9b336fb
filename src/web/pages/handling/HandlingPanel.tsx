import { Button, Card, Divider, Flex, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import type { SuggestionDetail } from '../../../shared/schemas/suggestions.js';
import { useSession } from '../../auth/session.js';
import type { MessageKey } from '../../i18n/dictionary.js';
import { useLocale } from '../../i18n/locale.js';
import { useRuleProfile } from '../rules/rules.api.js';
import { ExtensionRequest } from './ExtensionRequest.js';
import { recordUrl, useReplies } from './handling.api.js';
import { RatingForm } from './RatingForm.js';
import { RatingsList } from './RatingsList.js';
import { ReplyItem } from './ReplyItem.js';
import { UnitAssignment } from './UnitAssignment.js';

const closeLabels: Record<NonNullable<SuggestionDetail['closeReason']>, MessageKey> = {
  rated: 'hdCloseRated',
  no_feedback: 'hdCloseNoFeedback',
  unsatisfied_escalated: 'hdCloseEscalated',
};
const ratedStatuses = ['replied', 'rehandling', 'closed'];

/**
 * 办理与答复 on the detail page: the user's own unit's work (plan, contacts, opinion, reply,
 * extension), pending extension decisions, the replies with their sign-off, and the deputy's rating.
 */
export function HandlingPanel({ detail }: { detail: SuggestionDetail }) {
  const { t } = useLocale();
  const { me } = useSession();
  const replies = useReplies(detail.id);
  const unitIds = new Set((me?.roles ?? []).flatMap((g) => (g.unitId ? [g.unitId] : [])));
  const signsSome = (replies.data ?? []).some((r) => r.status !== 'sent' && unitIds.has(r.unitId));
  const profile = useRuleProfile(signsSome ? detail.bodyId : null);
  if (!me || detail.assignments.length === 0) return null;

  const active = detail.assignments.filter((a) => a.status !== 'reassigned');
  const own = active.filter((a) => unitIds.has(a.unitId));
  const extensions = active.filter((a) => a.extensionStatus === 'requested' && !unitIds.has(a.unitId));
  const stepNames = profile.data?.settings.replySignoff.map((s) => s.name) ?? [];
  const isLead = me.deputyId !== null && me.deputyId === detail.leadDeputyId;
  const canRate = isLead && detail.allowedActions.includes('rate');
  const showRatings = ratedStatuses.includes(detail.status) || detail.ratings.length > 0 || canRate;
  const list = replies.data ?? [];

  return (
    <Card
      title={t('hdTitle')}
      data-testid="handling-panel"
      extra={
        <Button type="link" icon={<FilePdfOutlined />} href={recordUrl(detail.id)} target="_blank">
          {t('hdRecord')}
        </Button>
      }
    >
      <Flex vertical gap={12}>
        <Flex gap={12} wrap>
          {detail.handlingRound > 1 ? (
            <Typography.Text>{t('hdRound', { round: detail.handlingRound })}</Typography.Text>
          ) : null}
          {detail.feedbackDueOn && detail.status === 'replied' ? (
            <Typography.Text type="secondary">
              {t('hdFeedbackDue', { date: detail.feedbackDueOn })}
            </Typography.Text>
          ) : null}
          {detail.closeReason ? (
            <Typography.Text>{t(closeLabels[detail.closeReason])}</Typography.Text>
          ) : null}
        </Flex>
        {extensions.map((a) => (
          <ExtensionRequest key={a.id} assignment={a} />
        ))}
        {own.map((a) => (
          <UnitAssignment key={a.id} detail={detail} assignment={a} replies={list} />
        ))}
        <Divider titlePlacement="start" style={{ margin: '4px 0' }}>
          {t('hdReplies')}
        </Divider>
        {list.length === 0 ? (
          <Typography.Text type="secondary">{replies.isPending ? '…' : t('hdRepliesNone')}</Typography.Text>
        ) : (
          list.map((r) => (
            <ReplyItem
              key={r.id}
              reply={r}
              suggestionId={detail.id}
              stepNames={stepNames}
              canSign={unitIds.has(r.unitId)}
            />
          ))
        )}
        {showRatings ? (
          <>
            <Divider titlePlacement="start" style={{ margin: '4px 0' }}>
              {t('hdRating')}
            </Divider>
            <RatingsList detail={detail} />
            {canRate ? <RatingForm detail={detail} /> : null}
          </>
        ) : null}
      </Flex>
    </Card>
  );
}
