import { useState } from 'react';
import { App, Button, Card, Flex, Input, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { BallotDetail, Elector } from '../../../shared/schemas/ballot-views.js';
import { showError } from '../../components/error-text.js';
import { useLocale } from '../../i18n/locale.js';
import { useAttendance } from './ballots.api.js';

const groupKeys = { all: 'vtGroupAll', members: 'vtGroupMembers', attendees: 'vtGroupAttendees' } as const;

/** 投票人名单: the snapshot taken at opening, with check-in and whether each has voted (never how). */
export function ElectorsCard({
  ballot,
  electors,
  loading,
}: {
  ballot: BallotDetail;
  electors: Elector[];
  loading: boolean;
}) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const attendance = useAttendance();
  const [selected, setSelected] = useState<string[]>([]);
  const [q, setQ] = useState('');
  const canCheckIn = ballot.canManage && ballot.status === 'open';
  const mark = async (present: boolean) => {
    try {
      const result = await attendance.mutateAsync({ id: ballot.id, deputyIds: selected, present });
      message.success(t('vtCheckedIn', { count: result.changed }));
      setSelected([]);
    } catch (error) {
      showError(message, error, t);
    }
  };
  const columns: TableColumnsType<Elector> = [
    { title: t('deputyName'), dataIndex: 'name', key: 'name' },
    ...(electors.some((e) => e.groupKey !== 'all')
      ? [
          {
            title: t('vtGroup'),
            key: 'group',
            width: 140,
            render: (_v: unknown, e: Elector) => t(groupKeys[e.groupKey]),
          },
        ]
      : []),
    {
      title: t('vtPresent'),
      key: 'present',
      width: 90,
      render: (_v, e) => (e.present ? <Tag color="blue">{t('vtPresentYes')}</Tag> : '—'),
    },
    {
      title: t('vtVotedColumn'),
      key: 'voted',
      width: 90,
      render: (_v, e) => (e.voted ? <Tag color="green">{t('vtVotedYes')}</Tag> : <Tag>{t('vtVotedNo')}</Tag>),
    },
  ];
  const shown = q ? electors.filter((e) => e.name.includes(q)) : electors;
  return (
    <Card
      title={t('vtElectorsTitle', { total: electors.length, voted: electors.filter((e) => e.voted).length })}
      className="minyi-table-card"
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('deputySearchPlaceholder')}
          onSearch={setQ}
          style={{ maxWidth: 240 }}
        />
        {canCheckIn ? (
          <>
            <Button
              type="primary"
              disabled={selected.length === 0}
              loading={attendance.isPending}
              onClick={() => void mark(true)}
            >
              {t('vtCheckIn', { count: selected.length })}
            </Button>
            <Button disabled={selected.length === 0} onClick={() => void mark(false)}>
              {t('vtCheckOut')}
            </Button>
          </>
        ) : null}
      </Flex>
      <Table<Elector>
        rowKey="deputyId"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={shown}
        rowSelection={
          canCheckIn
            ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }
            : undefined
        }
        pagination={{
          pageSize: 50,
          showSizeChanger: false,
          showTotal: (total) => t('totalItems', { total }),
        }}
      />
    </Card>
  );
}
