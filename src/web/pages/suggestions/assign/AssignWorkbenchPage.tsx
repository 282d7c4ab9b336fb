import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import type { SuggestionSummary } from '../../../../shared/schemas/suggestions.js';
import { errorText } from '../../../components/error-text.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryError } from '../../../components/QueryError.js';
import { dayString } from '../../../format/time.js';
import { useLocale } from '../../../i18n/locale.js';
import { BodyTreeSelect } from '../../bodies/BodyTreeSelect.js';
import { useChosenBody } from '../../bodies/useChosenBody.js';
import { useAssignmentBatch } from '../api/assignments.api.js';
import type { AssignmentBatchResult } from '../api/assignments.api.js';
import { useCategories } from '../api/categories.api.js';
import { useActiveUnits } from '../api/reference.api.js';
import { useSuggestions } from '../api/suggestions.api.js';
import { failedItemIndex, planUnits, suggestedPlan } from './assign-plan.js';
import type { UnitPlan } from './assign-plan.js';
import { BatchDialog } from './BatchDialog.js';
import { AssignDateBar, BatchOutcome } from './BatchOutcome.js';
import { CoUnitsSelect, LeadUnitSelect } from './PlanSelects.js';
import { RecommendationHint } from '../../search/RecommendationHint.js';

/** 交办工作台: accepted items, units suggested by category, assigned together at a meeting. */
export function AssignWorkbenchPage() {
  const { t } = useLocale();
  const { message } = App.useApp();
  const { bodyId, choose } = useChosenBody(['office_staff', 'admin']);
  const [page, setPage] = useState({ current: 1, size: 50 });
  const list = useSuggestions(
    { view: 'assign', bodyId: bodyId ?? undefined, page: page.current, pageSize: page.size, sort: 'serial' },
    bodyId !== null,
  );
  const categories = useCategories(bodyId).data ?? [];
  const units = useActiveUnits(bodyId);
  const batch = useAssignmentBatch();
  const [edits, setEdits] = useState<Record<string, UnitPlan>>({});
  const [selected, setSelected] = useState<SuggestionSummary[]>([]);
  const [assignedOn, setAssignedOn] = useState(dayjs());
  const [dialogOpen, setDialogOpen] = useState(false);
  const [done, setDone] = useState<AssignmentBatchResult | null>(null);
  const [failure, setFailure] = useState<{ id: string | null; text: string } | null>(null);
  const planOf = (item: SuggestionSummary) => edits[item.id] ?? suggestedPlan(item.categoryId, categories);
  const setPlan = (id: string, plan: UnitPlan) => setEdits((current) => ({ ...current, [id]: plan }));
  const unitOptions = units.items.map((unit) => ({ value: unit.id, label: unit.name }));
  const day = dayString(assignedOn) ?? '';
  const missingLead = selected.filter((item) => !planOf(item).lead);

  const send = async (name: string) => {
    setFailure(null);
    const items = selected.map((item) => ({ suggestionId: item.id, units: planUnits(planOf(item)) }));
    try {
      const result = await batch.mutateAsync({ name, assignedOn: day, items });
      setDone(result);
      setSelected([]);
      message.success(t('asgBatchDone', { count: result.itemCount }));
    } catch (error) {
      const index = failedItemIndex(error);
      const item = index === null ? undefined : selected[index];
      setFailure({
        id: item?.id ?? null,
        text: item
          ? t('asgBatchItemFailed', {
              index: (index ?? 0) + 1,
              title: item.title,
              reason: errorText(error, t),
            })
          : errorText(error, t),
      });
      setDialogOpen(false);
    }
  };

  const columns: TableColumnsType<SuggestionSummary> = [
    { title: t('sgSerial'), key: 'serial', width: 96, render: (_v, item) => item.serialLabel ?? '—' },
    {
      title: t('sgTitle'),
      key: 'title',
      render: (_v, item) => (
        <Flex vertical gap={2}>
          <Link to={`/suggestions/${item.id}`}>{item.title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.leadDeputyName} · {item.categoryName ?? t('sgNoCategory')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('asgLeadUnit'),
      key: 'lead',
      width: 200,
      render: (_v, item) => (
        <>
          <LeadUnitSelect
            plan={planOf(item)}
            onChange={(plan) => setPlan(item.id, plan)}
            options={unitOptions}
            missing={!planOf(item).lead && selected.some((s) => s.id === item.id)}
          />
          <RecommendationHint
            suggestionId={item.id}
            plan={planOf(item)}
            onUse={(plan) => setPlan(item.id, plan)}
          />
        </>
      ),
    },
    {
      title: t('asgCoUnits'),
      key: 'co',
      width: 260,
      render: (_v, item) => (
        <CoUnitsSelect
          plan={planOf(item)}
          onChange={(plan) => setPlan(item.id, plan)}
          options={unitOptions}
        />
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('asgTitle')} intro={t('asgIntro')} />
      <BatchOutcome done={done} failure={failure?.text ?? null} onCloseDone={() => setDone(null)} />
      <Card className="minyi-table-card">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <BodyTreeSelect value={bodyId} onChange={choose} style={{ flex: '1 1 200px', maxWidth: 280 }} />
          <AssignDateBar bodyId={bodyId} value={assignedOn} onChange={setAssignedOn} />
          <Button
            type="primary"
            icon={<SendOutlined />}
            disabled={selected.length === 0 || missingLead.length > 0}
            onClick={() => setDialogOpen(true)}
          >
            {t('asgBatchButton', { count: selected.length })}
          </Button>
        </Flex>
        {missingLead.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            title={t('asgMissingLead', { count: missingLead.length })}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<SuggestionSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items}
            loading={list.isFetching}
            scroll={{ x: 900 }}
            rowClassName={(item) => (item.id === failure?.id ? 'minyi-row-failed' : '')}
            rowSelection={{
              selectedRowKeys: selected.map((item) => item.id),
              preserveSelectedRowKeys: true,
              onChange: (_keys, rows) =>
                setSelected((current) => {
                  const visible = new Set((list.data?.items ?? []).map((item) => item.id));
                  return [...current.filter((item) => !visible.has(item.id)), ...rows.filter(Boolean)];
                }),
            }}
            pagination={{
              current: page.current,
              pageSize: page.size,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100, 200],
              showTotal: (total) => t('totalItems', { total }),
              onChange: (current, size) => setPage({ current, size }),
            }}
          />
        )}
      </Card>
      <BatchDialog
        open={dialogOpen}
        count={selected.length}
        assignedOn={day}
        onSubmit={send}
        onClose={() => setDialogOpen(false)}
      />
    </>
  );
}
