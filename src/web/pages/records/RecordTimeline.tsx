import { Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import {
  contactMethodLabels,
  contactStageLabels,
  ratingValueLabels,
} from '../../../shared/schemas/handling.js';
import type { HandlingRecord } from '../../../shared/schemas/records.js';
import { assignmentRoleLabels } from '../../../shared/schemas/suggestions.js';
import { formatDateTime } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { usePhone } from '../../layout/use-phone.js';

interface Entry {
  /** Sort key: a day or an ISO time (both sort as text). */
  at: string;
  color: string;
  label: string;
  children: ReactNode;
}

const pre = { whiteSpace: 'pre-wrap' } as const;
const dayOf = (at: string) => (at.length > 10 ? formatDateTime(at) : at);

/** The record's timeline in date order: assignment, contacts, co-unit opinions, replies, ratings, returns. */
export function RecordTimeline({ record }: { record: HandlingRecord }) {
  const { t, pick } = useLocale();
  // On a phone the date goes above the entry: a column of dates would leave the text too narrow.
  const phone = usePhone();
  const entries: Entry[] = [
    ...record.units.map((u) => ({
      at: u.assignedOn,
      color: 'blue',
      label: t('rcAssigned'),
      children: (
        <>
          <Typography.Text strong>{u.unitName}</Typography.Text>（{pick(assignmentRoleLabels[u.role])}）
          {t('rcReplyDue', { date: u.replyDueOn })}
          {u.handlerName ? ` · ${t('rcHandler', { name: u.handlerName })}` : ''}
          {u.plan ? <div style={pre}>{u.plan}</div> : null}
          {u.extension ? <div>{u.extension}</div> : null}
        </>
      ),
    })),
    ...record.contacts.map((c) => ({
      at: c.contactOn,
      color: 'cyan',
      label: `${t('rcContact')} · ${pick(contactStageLabels[c.stage])}`,
      children: (
        <>
          <Typography.Text strong>{c.unitName}</Typography.Text> · {pick(contactMethodLabels[c.method])} ·{' '}
          {c.participants}
          <div style={pre}>{c.summary}</div>
        </>
      ),
    })),
    ...record.opinions.map((o) => ({
      at: o.opinionAt ?? '',
      color: o.lapsed ? 'red' : 'purple',
      label: t('rcOpinion'),
      children: (
        <>
          <Typography.Text strong>{o.unitName}</Typography.Text>
          {o.lapsed ? `：${t('rcOpinionLapsed')}` : null}
          {o.opinion ? <div style={pre}>{o.opinion}</div> : null}
        </>
      ),
    })),
    ...record.replies.map((r) => ({
      at: r.sentAt ?? '',
      color: 'green',
      label: t('rcReply', { round: r.round }),
      children: (
        <>
          <Typography.Text strong>{r.unitName}</Typography.Text> · {r.documentNo} ·{' '}
          {t('rcOutcome', { code: r.outcomeClass, label: r.outcomeLabel })}
          {r.faceToFace ? ` · ${t('rcFaceToFace')}` : ''}
          {r.signoffs.length > 0 ? (
            <div>
              <Typography.Text type="secondary">
                {r.signoffs.map((s) => `${s.stepName} ${s.userName}`).join(' → ')}
              </Typography.Text>
            </div>
          ) : null}
        </>
      ),
    })),
    ...record.ratings.map((r) => ({
      at: r.createdAt,
      color: r.result === 'unsatisfied' ? 'red' : 'green',
      label: t('rcRating', { round: r.round }),
      children: (
        <>
          <Typography.Text strong>{r.deputyName}</Typography.Text>
          {r.isLead ? `（${t('rcLead')}）` : ''}：
          {t('rcRatingValues', {
            attitude: pick(ratingValueLabels[r.attitude]),
            result: pick(ratingValueLabels[r.result]),
          })}
          {r.reason ? <div style={pre}>{r.reason}</div> : null}
        </>
      ),
    })),
    ...record.returns.map((r) => ({
      at: r.returnedAt,
      color: 'orange',
      label: t('rcReturned'),
      children: (
        <>
          {t('rcReturnedBy', { name: r.returnedByName, date: r.dueOn })}
          <div style={pre}>{r.reason}</div>
        </>
      ),
    })),
  ]
    .filter((e) => e.at !== '')
    // Days and Beijing times both sort as text ("2026-11-22" before "2026-11-22 02:40").
    .sort((a, b) => dayOf(a.at).localeCompare(dayOf(b.at)));

  return (
    <>
      <Timeline
        data-testid="record-timeline"
        items={entries.map((e, index) => ({
          key: `${e.label}-${index}`,
          color: e.color,
          title: phone ? undefined : dayOf(e.at),
          content: (
            <>
              <Typography.Text type="secondary">
                {phone ? `${dayOf(e.at)} · ` : ''}
                {e.label}
              </Typography.Text>
              <div>{e.children}</div>
            </>
          ),
        }))}
      />
      {record.ratingsHidden ? (
        <Typography.Text type="secondary">{t('rcRatingsHidden')}</Typography.Text>
      ) : null}
    </>
  );
}
