import { Alert, Descriptions, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { QuestionType } from '../../../shared/schemas/ballots.js';
import type { BallotResults, ItemOutcome, ItemResult } from '../../../shared/schemas/ballot-views.js';
import { approveMarkValues, gradeValues, markLabels } from '../../../shared/schemas/ballots.js';
import { itemOutcomeLabels } from '../../../shared/schemas/ballot-views.js';
import { useLocale } from '../../i18n/locale.js';

export const outcomeColors: Record<ItemOutcome, string> = {
  passed: 'green',
  failed: 'red',
  satisfied: 'green',
  basically_satisfied: 'gold',
  unsatisfied: 'red',
  elected: 'green',
  not_elected: 'default',
  tied: 'orange',
};

const groupNames = { all: 'vtGroupAll', members: 'vtGroupMembers', attendees: 'vtGroupAttendees' } as const;

/** The counted result of a closed ballot: turnout, validity, and each item by the rule. */
export function ResultsView({
  results,
  questionType,
}: {
  results: BallotResults;
  questionType: QuestionType;
}) {
  const { t, pick } = useLocale();
  const marks: readonly string[] =
    questionType === 'approve' ? approveMarkValues : questionType === 'grade' ? gradeValues : [];
  const columns: TableColumnsType<ItemResult> = [
    ...(questionType === 'select'
      ? [{ title: t('vtRank'), dataIndex: 'rank', key: 'rank', width: 64 }]
      : [{ title: '#', dataIndex: 'position', key: 'position', width: 48 }]),
    { title: t('vtItem'), dataIndex: 'title', key: 'title' },
    ...marks.map((mark) => ({
      title: pick(markLabels[mark as keyof typeof markLabels]),
      key: mark,
      width: 90,
      render: (_v: unknown, item: ItemResult) => item.counts[mark] ?? 0,
    })),
    ...(questionType === 'select'
      ? [
          {
            title: t('vtVotes'),
            key: 'votes',
            width: 90,
            render: (_v: unknown, item: ItemResult) => item.counts.votes ?? 0,
          },
        ]
      : []),
    ...(questionType === 'score'
      ? [{ title: t('vtScoreMean'), dataIndex: 'scoreMean', key: 'mean', width: 90 }]
      : []),
    { title: t('vtInvalidMarks'), dataIndex: 'invalid', key: 'invalid', width: 80 },
    {
      title: t('vtRate'),
      key: 'rate',
      width: 150,
      render: (_v, item) => (
        <span>
          {item.ratePercent === null ? '—' : `${item.ratePercent}%`}
          {item.groups.length > 1
            ? item.groups.map((g) => (
                <div key={g.key} style={{ fontSize: 12, color: '#888' }}>
                  {t(groupNames[g.key])}：{g.ratePercent === null ? '—' : `${g.ratePercent}%`}
                </div>
              ))
            : null}
        </span>
      ),
    },
    {
      title: t('vtOutcome'),
      key: 'outcome',
      width: 110,
      render: (_v, item) => (
        <Tag color={outcomeColors[item.outcome]}>{pick(itemOutcomeLabels[item.outcome])}</Tag>
      ),
    },
  ];
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 2, sm: 3, md: 4 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'e', label: t('vtElectorateSize'), children: results.electorate },
          { key: 'v', label: t('vtVoted'), children: `${results.voted}（${results.turnoutPercent}%）` },
          { key: 'c', label: t('vtBallotsCast'), children: results.ballotsCast },
          { key: 'f', label: t('vtFullyValid'), children: results.fullyValid },
          { key: 'w', label: t('vtWithInvalid'), children: results.withInvalid },
          { key: 'p', label: t('vtPaper'), children: results.paper },
          ...results.groups
            .filter((g) => g.key !== 'all')
            .map((g) => ({
              key: g.key,
              label: t(groupNames[g.key]),
              children: `${g.voted} / ${g.electorate}`,
            })),
        ]}
      />
      {results.consistent ? null : (
        <Alert type="error" showIcon title={t('vtInconsistent')} style={{ marginBottom: 12 }} />
      )}
      {results.runoffItemIds.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('vtRunoffNeeded', { seats: results.seatsLeft })}
          style={{ marginBottom: 12 }}
        />
      ) : results.seatsLeft > 0 ? (
        <Alert
          type="info"
          showIcon
          title={t('vtSeatsLeft', { seats: results.seatsLeft })}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Table<ItemResult>
        rowKey="itemId"
        size="small"
        columns={columns}
        dataSource={results.items}
        pagination={false}
        scroll={{ x: 640 }}
      />
    </>
  );
}
