import { useEffect, useState } from 'react';
import { Button, Progress } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import type { BallotResults, LiveSnapshot } from '../../../shared/schemas/ballot-views.js';
import { approveMarkValues, gradeValues, markLabels } from '../../../shared/schemas/ballots.js';
import { itemOutcomeLabels } from '../../../shared/schemas/ballot-views.js';
import { useLocale } from '../../i18n/locale.js';
import { useBallot, useLiveSnapshot } from './ballots.api.js';
import './live-screen.css';

function Countdown({ closesAt }: { closesAt: string }) {
  const { t } = useLocale();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.floor((Date.parse(closesAt) - now) / 1000));
  const text = `${String(Math.floor(left / 60)).padStart(2, '0')}:${String(left % 60).padStart(2, '0')}`;
  return <div className="minyi-live-sub">{t('vtLiveCountdown', { time: text })}</div>;
}

function Turnout({ snapshot }: { snapshot: LiveSnapshot }) {
  const { t } = useLocale();
  const percent =
    snapshot.electorate === 0 ? 0 : Math.round((snapshot.voted * 1000) / snapshot.electorate) / 10;
  return (
    <div className="minyi-live-turnout">
      <div className="minyi-live-label">{t('vtLiveVoted')}</div>
      <div className="minyi-live-number" data-testid="live-voted">
        {snapshot.voted}
        <span className="minyi-live-of"> / {snapshot.electorate}</span>
      </div>
      <Progress
        percent={percent}
        showInfo={false}
        strokeColor="#ffd666"
        railColor="rgba(255,255,255,0.2)"
        size={{ height: 18 }}
      />
      <div className="minyi-live-sub">
        {t('vtLiveTurnout', { percent })}
        {snapshot.present > 0 ? ` · ${t('vtLivePresent', { count: snapshot.present })}` : ''}
      </div>
      {snapshot.closesAt ? <Countdown closesAt={snapshot.closesAt} /> : null}
    </div>
  );
}

function LiveResults({ results, questionType }: { results: BallotResults; questionType: string }) {
  const { t, pick } = useLocale();
  const marks: readonly string[] =
    questionType === 'approve' ? approveMarkValues : questionType === 'grade' ? gradeValues : [];
  const items =
    questionType === 'select'
      ? [...results.items].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99))
      : results.items;
  return (
    <div className="minyi-live-results" data-testid="live-results">
      <div className="minyi-live-sub">
        {t('vtLiveSummary', {
          voted: results.voted,
          electorate: results.electorate,
          valid: results.fullyValid,
          invalid: results.withInvalid,
        })}
      </div>
      {results.runoffItemIds.length > 0 || results.seatsLeft > 0 ? (
        <div className="minyi-live-sub">
          {results.runoffItemIds.length > 0
            ? t('vtRunoffNeeded', { seats: results.seatsLeft })
            : t('vtSeatsLeft', { seats: results.seatsLeft })}
        </div>
      ) : null}
      <table>
        <tbody>
          {items.map((item) => (
            <tr key={item.itemId} className={`minyi-live-row minyi-live-${item.outcome}`}>
              <td className="minyi-live-rank">{questionType === 'select' ? item.rank : item.position}</td>
              <td>{item.title}</td>
              <td className="minyi-live-counts">
                {questionType === 'select'
                  ? t('vtLiveVotes', { votes: item.counts.votes ?? 0 })
                  : questionType === 'score'
                    ? t('vtLiveScore', { score: item.scoreMean ?? 0 })
                    : marks
                        .map(
                          (mark) =>
                            `${pick(markLabels[mark as keyof typeof markLabels])} ${item.counts[mark] ?? 0}`,
                        )
                        .join('  ')}
              </td>
              <td className="minyi-live-outcome">{pick(itemOutcomeLabels[item.outcome])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * 大屏: a full-screen display for the hall. Turnout while the ballot is open (never who voted how),
 * the counted results the moment it closes. Fed by server-sent events.
 */
export function LiveScreenPage() {
  const { id } = useParams();
  const { t } = useLocale();
  const navigate = useNavigate();
  const ballot = useBallot(id);
  const { snapshot, connected } = useLiveSnapshot(id);
  return (
    <div className="minyi-live" data-testid="live-screen">
      <Button
        className="minyi-live-exit"
        type="text"
        icon={<CloseOutlined />}
        aria-label={t('close')}
        onClick={() => navigate(id ? `/ballots/${id}` : '/ballots')}
      />
      <div className="minyi-live-title">{snapshot?.title ?? ballot.data?.title ?? t('loading')}</div>
      {snapshot === null ? (
        <div className="minyi-live-sub">{t('vtLiveConnecting')}</div>
      ) : snapshot.status === 'closed' && snapshot.results ? (
        <LiveResults results={snapshot.results} questionType={ballot.data?.questionType ?? 'approve'} />
      ) : snapshot.status === 'draft' ? (
        <div className="minyi-live-sub">{t('vtLiveNotOpen')}</div>
      ) : snapshot.status === 'cancelled' ? (
        <div className="minyi-live-sub">{t('vtLiveCancelled')}</div>
      ) : (
        <Turnout snapshot={snapshot} />
      )}
      <div className={`minyi-live-status${connected ? ' is-live' : ''}`}>
        {snapshot?.status === 'closed' ? t('vtLiveClosed') : connected ? t('vtLiveOn') : t('vtLiveOff')}
      </div>
    </div>
  );
}
