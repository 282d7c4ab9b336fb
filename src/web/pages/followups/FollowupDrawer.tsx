import { useState } from 'react';
import { Button, Descriptions, Drawer, Empty, Flex, Progress, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { promiseStatusLabels } from '../../../shared/schemas/followups.js';
import { useSession } from '../../auth/session.js';
import { PageSpin } from '../../components/PageSpin.js';
import { QueryError } from '../../components/QueryError.js';
import { useLocale } from '../../i18n/locale.js';
import { usePhone } from '../../layout/use-phone.js';
import { FollowupDecisionDialog, FollowupProgressDialog } from './FollowupDialogs.js';
import { useFollowup } from './followups.api.js';

export const promiseColors = { open: 'orange', fulfilled: 'success', superseded: 'default' } as const;

/** One promise: its text, target date, progress reports, and the unit's and office's steps. */
export function FollowupDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const { t, pick } = useLocale();
  const { me } = useSession();
  const phone = usePhone();
  const query = useFollowup(id);
  const [dialog, setDialog] = useState<'progress' | 'fulfil' | 'reopen' | null>(null);
  const promise = query.data;
  const ownUnit = promise !== undefined && (me?.roles ?? []).some((g) => g.unitId === promise.unitId);

  return (
    <Drawer
      open={id !== undefined}
      onClose={onClose}
      size={phone ? '100%' : 560}
      title={t('fuDetailTitle')}
      destroyOnHidden
    >
      {query.isPending ? (
        <PageSpin />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : promise ? (
        <Flex vertical gap={12} data-testid="followup-detail">
          <Link to={`/suggestions/${promise.suggestionId}`}>
            {promise.serialLabel ? `${promise.serialLabel} ` : ''}
            {promise.suggestionTitle}
          </Link>
          <Flex gap={6} wrap>
            <Tag color={promiseColors[promise.status]}>{pick(promiseStatusLabels[promise.status])}</Tag>
            {promise.carriedOver ? <Tag color="purple">{t('fuCarriedOver')}</Tag> : null}
            {promise.overdue ? <Tag color="red">{t('fuOverdue')}</Tag> : null}
          </Flex>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'unit', label: t('sgUnits'), children: promise.unitName },
              {
                key: 'doc',
                label: t('fuReply'),
                children: `${promise.documentNo} · ${promise.outcomeClass}`,
              },
              {
                key: 'promise',
                label: t('fuPromise'),
                children: <span style={{ whiteSpace: 'pre-wrap' }}>{promise.promiseText}</span>,
              },
              { key: 'target', label: t('fuTarget'), children: promise.targetOn },
              { key: 'entered', label: t('fuEntered'), children: promise.enteredOn },
              ...(promise.fulfilledOn
                ? [
                    {
                      key: 'fulfilled',
                      label: t('fuFulfilledOn'),
                      children: `${promise.fulfilledOn}${promise.fulfilledNote ? ` · ${promise.fulfilledNote}` : ''}`,
                    },
                  ]
                : []),
            ]}
          />
          <Progress percent={promise.progressPercent ?? 0} />
          <Flex gap={8} wrap>
            {ownUnit && promise.status === 'open' ? (
              <Button type="primary" onClick={() => setDialog('progress')}>
                {t('fuProgressAdd')}
              </Button>
            ) : null}
            {promise.allowedActions.includes('fulfil') ? (
              <Button type="primary" onClick={() => setDialog('fulfil')}>
                {t('fuFulfil')}
              </Button>
            ) : null}
            {promise.allowedActions.includes('reopen') ? (
              <Button onClick={() => setDialog('reopen')}>{t('fuReopen')}</Button>
            ) : null}
          </Flex>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('fuProgress')}
          </Typography.Title>
          {promise.progress.length === 0 ? (
            <Empty description={t('fuProgressNone')} />
          ) : (
            <Timeline
              items={promise.progress.map((p) => ({
                key: p.id,
                title: p.reportOn,
                content: (
                  <>
                    <Typography.Text strong>{p.percent}%</Typography.Text>
                    <Typography.Text type="secondary"> · {p.createdByName}</Typography.Text>
                    <div style={{ whiteSpace: 'pre-wrap' }}>{p.text}</div>
                  </>
                ),
              }))}
            />
          )}
          <FollowupProgressDialog
            promise={promise}
            open={dialog === 'progress'}
            onClose={() => setDialog(null)}
          />
          <FollowupDecisionDialog
            promise={promise}
            action={dialog === 'fulfil' || dialog === 'reopen' ? dialog : null}
            onClose={() => setDialog(null)}
          />
        </Flex>
      ) : null}
    </Drawer>
  );
}
