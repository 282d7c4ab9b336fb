import { Card, Col, Empty, Flex, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader.js';
import { PageSpin } from '../../components/PageSpin.js';
import { QueryError } from '../../components/QueryError.js';
import { formatDate } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import type { BoardItem } from './supervision.api.js';
import { useBoard } from './supervision.api.js';
import { DaysLeftText, StageTag, UnitDeadlines, WarningTags } from './SupervisionTags.js';

function BoardCard({ item }: { item: BoardItem }) {
  const { t } = useLocale();
  return (
    <Card size="small" data-testid="board-item" style={{ height: '100%' }}>
      <Flex vertical gap={8}>
        <Flex justify="space-between" gap={8} wrap>
          <Flex gap={4} wrap>
            {item.myRoles.map((role) => (
              <Tag key={role} color={role === 'sponsor' ? 'red' : 'gold'}>
                {role === 'sponsor' ? t('svMySponsor') : t('svMySupervisor')}
              </Tag>
            ))}
            <Typography.Text type="secondary">{item.serialLabel}</Typography.Text>
          </Flex>
          <StageTag item={item} />
        </Flex>
        <Link to={`/supervision/${item.suggestionId}`} style={{ fontWeight: 500 }}>
          {item.title}
        </Link>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('svLeadDeputy', { name: item.leadDeputyName })}
        </Typography.Text>
        <UnitDeadlines units={item.units} />
        <DaysLeftText daysLeft={item.daysLeft} />
        <WarningTags warnings={item.warnings} />
        {item.lastProgress ? (
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 13 }}>
            {t('svLastProgress', { date: item.lastProgress.reportOn, unit: item.lastProgress.unitName })}
            {item.lastProgress.text}
          </Typography.Paragraph>
        ) : null}
        {item.lastActivity ? (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('svLastActivity', { date: formatDate(item.lastActivity.activityOn) })}
          </Typography.Text>
        ) : null}
      </Flex>
    </Card>
  );
}

/** 督办看板: the key suggestions the signed-in leader sponsors (领办) or supervises (督办). */
export function SupervisionBoardPage() {
  const { t } = useLocale();
  const board = useBoard();
  return (
    <>
      <PageHeader title={t('svBoardTitle')} intro={t('svBoardIntro')} />
      {board.isPending ? (
        <PageSpin />
      ) : board.isError ? (
        <QueryError error={board.error} onRetry={() => void board.refetch()} />
      ) : board.data.length === 0 ? (
        <Empty description={t('svBoardEmpty')} />
      ) : (
        <Row gutter={[12, 12]}>
          {board.data.map((item) => (
            <Col key={item.suggestionId} xs={24} md={12} xl={8}>
              <BoardCard item={item} />
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
