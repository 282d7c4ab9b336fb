import { Card, Col, Row, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import type { ReactNode } from 'react';
import { EChart } from './EChart.js';

/** A chart with its table beside it (below it on phones), in one card. */
export function ChartWithTable<Row extends object>({
  title,
  option,
  rows,
  columns,
  rowKey,
  height = 260,
  testId,
  extra,
}: {
  title: ReactNode;
  option: EChartsCoreOption;
  rows: Row[];
  columns: TableColumnsType<Row>;
  rowKey: (row: Row) => string;
  height?: number;
  testId?: string;
  extra?: ReactNode;
}) {
  return (
    <Card size="small" title={title} extra={extra} data-testid={testId}>
      <Row gutter={[16, 12]}>
        <Col xs={24} lg={14}>
          <EChart option={option} height={height} />
        </Col>
        <Col xs={24} lg={10}>
          <Table<Row>
            size="small"
            rowKey={rowKey}
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={rows.length > 10 ? { x: 'max-content', y: height + 40 } : { x: 'max-content' }}
          />
        </Col>
      </Row>
    </Card>
  );
}
