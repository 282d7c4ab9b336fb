import { useMemo, useState } from 'react';
import { App, Button, Card, Empty, Flex, Popconfirm, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { assignmentRoleLabels } from '../../../../shared/schemas/suggestions.js';
import { useSession } from '../../../auth/session.js';
import { showError } from '../../../components/error-text.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryError } from '../../../components/QueryError.js';
import { useLocale } from '../../../i18n/locale.js';
import { coversBody, useBodies } from '../../bodies/bodies.api.js';
import { BodyTreeSelect } from '../../bodies/BodyTreeSelect.js';
import { useChosenBody } from '../../bodies/useChosenBody.js';
import { categoryTree, categoryWriters, useCategories, useCategoryMutations } from '../api/categories.api.js';
import type { CategoryNode } from '../api/categories.api.js';
import { useActiveUnits } from '../api/reference.api.js';
import { CategoryFormModal } from './CategoryFormModal.js';
import type { CategoryDialog } from './CategoryFormModal.js';

/** 建议分类: the body's category tree with the units that usually handle each. */
export function CategoriesPage() {
  const { t, pick } = useLocale();
  const { message } = App.useApp();
  const { me } = useSession();
  const { bodyId, choose } = useChosenBody(categoryWriters);
  const bodies = useBodies();
  const categories = useCategories(bodyId);
  const units = useActiveUnits(bodyId);
  const { remove } = useCategoryMutations();
  const [dialog, setDialog] = useState<CategoryDialog>(null);
  const tree = useMemo(() => categoryTree(categories.data ?? []), [categories.data]);
  const unitName = new Map(units.items.map((u) => [u.id, u.name]));
  const body = bodies.data?.find((b) => b.id === bodyId);
  const canEdit = me !== null && body !== undefined && coversBody(me, categoryWriters, body);

  const columns: TableColumnsType<CategoryNode> = [
    { title: t('catName'), dataIndex: 'name', key: 'name', width: 200 },
    {
      title: t('catUsualUnits'),
      key: 'units',
      render: (_v, category) =>
        category.units.length === 0 ? (
          <span className="minyi-muted">—</span>
        ) : (
          <Flex gap={4} wrap>
            {[...category.units]
              .sort((a, b) => (a.role === 'lead' ? -1 : b.role === 'lead' ? 1 : 0))
              .map((u) => (
                <Tag key={u.unitId} color={u.role === 'lead' ? 'blue' : undefined}>
                  {unitName.get(u.unitId) ?? '…'}（{pick(assignmentRoleLabels[u.role])}）
                </Tag>
              ))}
          </Flex>
        ),
    },
    { title: t('catSortOrder'), dataIndex: 'sortOrder', key: 'sortOrder', width: 80 },
    ...(canEdit
      ? [
          {
            title: t('actions'),
            key: 'actions',
            width: 200,
            render: (_v: unknown, category: CategoryNode) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setDialog({ mode: 'edit', category })}>
                  {t('edit')}
                </Button>
                {category.parentId === null && bodyId ? (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => setDialog({ mode: 'create', bodyId, parent: category })}
                  >
                    {t('catAddChild')}
                  </Button>
                ) : null}
                <Popconfirm
                  title={t('deleteConfirm', { name: category.name })}
                  description={t('catDeleteHint')}
                  okText={t('remove')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('cancel')}
                  onConfirm={async () => {
                    try {
                      await remove.mutateAsync(category.id);
                      message.success(t('saved'));
                    } catch (error) {
                      showError(message, error, t);
                    }
                  }}
                >
                  <Button type="link" size="small" danger>
                    {t('remove')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('catTitle')}
        intro={t('catIntro')}
        extra={
          canEdit && bodyId ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog({ mode: 'create', bodyId, parent: null })}
            >
              {t('catCreate')}
            </Button>
          ) : null
        }
      />
      <Card className="minyi-table-card">
        <Flex style={{ marginBottom: 16 }}>
          <BodyTreeSelect value={bodyId} onChange={choose} style={{ flex: '1 1 220px', maxWidth: 320 }} />
        </Flex>
        {categories.isError ? (
          <QueryError error={categories.error} onRetry={() => void categories.refetch()} />
        ) : (
          <Table<CategoryNode>
            // Mounted again once loaded, so every row starts expanded.
            key={categories.data ? 'loaded' : 'loading'}
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={tree}
            loading={categories.isFetching}
            expandable={{ defaultExpandAllRows: true }}
            scroll={{ x: 760 }}
            pagination={false}
            locale={{ emptyText: <Empty description={t('catEmpty')} /> }}
          />
        )}
      </Card>
      <CategoryFormModal dialog={dialog} onClose={() => setDialog(null)} />
    </>
  );
}
