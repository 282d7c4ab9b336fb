import { useState } from 'react';
import { Alert, Button, Card, Col, Flex, Row, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { AuditEntry } from '../../../shared/schemas/audit.js';
import { errorText } from '../../components/error-text.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryError } from '../../components/QueryError.js';
import { formatDateTime } from '../../format/time.js';
import { auditActionLabels, auditTargetTypeLabels } from '../../i18n/messages/audit-labels.js';
import { useLocale } from '../../i18n/locale.js';
import { useAuditEntries, useVerifyAuditChain } from './audit.api.js';
import type { AuditQuery, AuditVerification } from './audit.api.js';
import { AuditFilters } from './AuditFilters.js';

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  return (
    <>
      <Typography.Text strong>{title}</Typography.Text>
      <pre className="minyi-json">
        {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
      </pre>
    </>
  );
}

function VerificationResult({ result }: { result: AuditVerification }) {
  const { t } = useLocale();
  const algorithm = result.algorithm.toUpperCase();
  if (result.ok)
    return (
      <Alert
        type="success"
        showIcon
        closable
        title={t('auditVerifyOk', { checked: result.checked, algorithm, head: result.headSeq })}
      />
    );
  return (
    <Alert
      type="error"
      showIcon
      closable
      title={t('auditVerifyBroken', {
        seq: result.failure?.seq ?? '?',
        reason: result.failure?.reason ?? '',
        checked: result.checked,
        algorithm,
      })}
    />
  );
}

/** The tamper-evident log: filter, read before/after, verify the SM3 hash chain. */
export function AuditPage() {
  const { t, pick } = useLocale();
  const [query, setQuery] = useState<AuditQuery>({ page: 1, pageSize: 20 });
  const entries = useAuditEntries(query);
  const verify = useVerifyAuditChain();

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('auditSeq'), dataIndex: 'seq', key: 'seq', width: 80 },
    {
      title: t('auditAt'),
      dataIndex: 'at',
      key: 'at',
      width: 150,
      render: (at: string) => formatDateTime(at),
    },
    {
      title: t('auditActor'),
      dataIndex: 'actorName',
      key: 'actorName',
      width: 130,
      render: (name: string | null) => name ?? t('auditSystem'),
    },
    {
      title: t('auditAction'),
      dataIndex: 'action',
      key: 'action',
      width: 220,
      render: (action: string) => {
        const label = auditActionLabels[action];
        return (
          <>
            {label ? pick(label) : action}{' '}
            {label ? <Typography.Text type="secondary">{action}</Typography.Text> : null}
          </>
        );
      },
    },
    {
      title: t('auditTargetType'),
      key: 'target',
      width: 260,
      render: (_value, entry) => {
        const label = auditTargetTypeLabels[entry.targetType];
        return (
          <Flex vertical>
            <span>{label ? pick(label) : entry.targetType}</span>
            {entry.targetId ? (
              <Typography.Text type="secondary" copyable style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                {entry.targetId}
              </Typography.Text>
            ) : null}
          </Flex>
        );
      },
    },
    { title: t('auditIp'), dataIndex: 'ip', key: 'ip', width: 130 },
  ];

  return (
    <>
      <PageHeader
        title={t('auditTitle')}
        extra={
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={verify.isPending}
            onClick={() => verify.mutate()}
          >
            {t('auditVerify')}
          </Button>
        }
      />
      {verify.data ? (
        <div style={{ marginBottom: 16 }}>
          <VerificationResult result={verify.data} />
        </div>
      ) : null}
      {verify.isError ? (
        <Alert type="error" showIcon title={errorText(verify.error, t)} style={{ marginBottom: 16 }} />
      ) : null}
      <Card className="minyi-table-card">
        <AuditFilters onChange={(change) => setQuery((current) => ({ ...current, ...change, page: 1 }))} />
        {entries.isError ? (
          <QueryError error={entries.error} onRetry={() => void entries.refetch()} />
        ) : (
          <Table<AuditEntry>
            rowKey="id"
            columns={columns}
            dataSource={entries.data?.items}
            loading={entries.isFetching}
            scroll={{ x: 1040 }}
            size="middle"
            expandable={{
              rowExpandable: (entry) => entry.before != null || entry.after != null,
              expandedRowRender: (entry) => (
                <Row gutter={16}>
                  <Col xs={24} lg={12}>
                    <JsonBlock title={t('auditBefore')} value={entry.before} />
                  </Col>
                  <Col xs={24} lg={12}>
                    <JsonBlock title={t('auditAfter')} value={entry.after} />
                  </Col>
                  <Col span={24}>
                    <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                      {t('auditHash')}：{entry.hash}
                    </Typography.Text>
                  </Col>
                </Row>
              ),
            }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: entries.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('totalItems', { total }),
              onChange: (page, pageSize) => setQuery((current) => ({ ...current, page, pageSize })),
            }}
          />
        )}
      </Card>
    </>
  );
}
