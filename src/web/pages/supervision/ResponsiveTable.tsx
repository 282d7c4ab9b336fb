import { Card, Empty, Flex, Pagination, Table } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import type { ReactNode } from 'react';
import { usePhone } from '../../layout/use-phone.js';

/**
 * A table on wide screens and a list of cards on phones (375 px): the same rows, the same
 * pagination. Used by the supervision, follow-up and record lists.
 */
export function ResponsiveTable<Row extends object>({
  rows,
  rowKey,
  columns,
  card,
  loading,
  pagination,
  testId,
}: {
  rows: Row[];
  rowKey: (row: Row) => string;
  columns: TableColumnsType<Row>;
  card: (row: Row) => ReactNode;
  loading?: boolean;
  pagination?: TablePaginationConfig | false;
  testId?: string;
}) {
  const phone = usePhone();
  if (!phone)
    return (
      <Table<Row>
        data-testid={testId}
        rowKey={rowKey}
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={pagination}
        size="middle"
        scroll={{ x: 'max-content' }}
      />
    );
  return (
    <Flex vertical gap={8} data-testid={testId}>
      {rows.length === 0 && !loading ? <Empty /> : null}
      {rows.map((row) => (
        <Card key={rowKey(row)} size="small">
          {card(row)}
        </Card>
      ))}
      {pagination && (pagination.total ?? 0) > (pagination.pageSize ?? 20) ? (
        <Pagination
          simple
          align="center"
          current={pagination.current}
          pageSize={pagination.pageSize}
          total={pagination.total}
          onChange={pagination.onChange}
        />
      ) : null}
    </Flex>
  );
}
