import { useMemo, useState } from 'react';
import { Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { bodyLevelLabels } from '../../../shared/schemas/common.js';
import { useSession } from '../../auth/session.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PageSpin } from '../../components/PageSpin.js';
import { QueryError } from '../../components/QueryError.js';
import { useLocale } from '../../i18n/locale.js';
import { bodyTree, coversBody, useBodies } from './bodies.api.js';
import type { BodyNode } from './bodies.api.js';
import { BodyFormModal, levelsBelow } from './BodyFormModal.js';
import type { BodyDialog } from './BodyFormModal.js';

const levelColors = {
  national: 'red',
  province: 'volcano',
  city: 'orange',
  county: 'blue',
  township: 'cyan',
};

/** The tree of congress bodies: add a child of a lower level, edit name and region. */
export function BodiesPage() {
  const { t, pick } = useLocale();
  const { me } = useSession();
  const bodies = useBodies();
  const [dialog, setDialog] = useState<BodyDialog>(null);
  const tree = useMemo(() => bodyTree(bodies.data ?? []), [bodies.data]);

  if (!me) return null;
  const manages = (body: BodyNode) => coversBody(me, ['admin'], body);
  // Only an administrator of a top-level body may add another top-level body.
  const topLevelAdmin = (bodies.data ?? []).some((body) => body.parentId === null && manages(body));

  const columns: TableColumnsType<BodyNode> = [
    { title: t('bodyName'), dataIndex: 'name', key: 'name' },
    {
      title: t('bodyLevel'),
      dataIndex: 'level',
      key: 'level',
      width: 110,
      render: (_value, body) => (
        <Tag color={levelColors[body.level]}>{pick(bodyLevelLabels[body.level])}</Tag>
      ),
    },
    {
      title: t('bodyRegionName'),
      key: 'region',
      width: 200,
      render: (_value, body) => (
        <>
          {body.regionName ?? ''}
          {body.regionCode ? <Typography.Text type="secondary"> {body.regionCode}</Typography.Text> : null}
        </>
      ),
    },
    {
      title: t('actions'),
      key: 'actions',
      width: 200,
      render: (_value, body) => {
        const canAddChild = levelsBelow(body).length > 0;
        return manages(body) ? (
          <Space size={0} wrap>
            <Button type="link" icon={<EditOutlined />} onClick={() => setDialog({ mode: 'edit', body })}>
              {t('edit')}
            </Button>
            <Tooltip title={canAddChild ? undefined : t('bodyLowestLevel')}>
              <Button
                type="link"
                icon={<PlusOutlined />}
                disabled={!canAddChild}
                onClick={() => setDialog({ mode: 'create', parent: body })}
              >
                {t('bodyAddChild')}
              </Button>
            </Tooltip>
          </Space>
        ) : null;
      },
    },
  ];

  return (
    <>
      <PageHeader
        title={t('bodiesTitle')}
        intro={t('bodiesIntro')}
        extra={
          topLevelAdmin ? (
            <Button icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create', parent: null })}>
              {t('bodyAddRoot')}
            </Button>
          ) : null
        }
      />
      <Card className="minyi-table-card">
        {bodies.isPending ? (
          <PageSpin />
        ) : bodies.isError ? (
          <QueryError error={bodies.error} onRetry={() => void bodies.refetch()} />
        ) : (
          <Table<BodyNode>
            rowKey="id"
            columns={columns}
            dataSource={tree}
            pagination={false}
            expandable={{ defaultExpandAllRows: true }}
            scroll={{ x: 720 }}
            size="middle"
          />
        )}
      </Card>
      <BodyFormModal dialog={dialog} onClose={() => setDialog(null)} />
    </>
  );
}
