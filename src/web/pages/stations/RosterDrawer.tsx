import { useState } from 'react';
import {
  App,
  Button,
  DatePicker,
  Drawer,
  Empty,
  Flex,
  Form,
  List,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import type { ReceptionDay, Station } from '../../../shared/schemas/stations.js';
import { api } from '../../api/client.js';
import { showError } from '../../components/error-text.js';
import { FormModal } from '../../components/FormModal.js';
import { useLocale } from '../../i18n/locale.js';
import {
  useGenerateRoster,
  useSetStationRule,
  useStation,
  useStationRoster,
  useStationRule,
} from './stations.api.js';
import { RuleFields, ruleInput, ruleValues } from './RuleFields.js';
import { AddDayModal } from './AddDayModal.js';
import type { RuleValues } from './RuleFields.js';

const weekdays = ['一', '二', '三', '四', '五', '六', '日'];

/** A station's reception-day rule, the generated days and who is on duty; staff can adjust a day. */
export function RosterDrawer({
  station,
  canEdit,
  onClose,
}: {
  station: Station | null;
  canEdit: boolean;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const id = station?.id ?? null;
  const rule = useStationRule(id);
  const roster = useStationRoster(id);
  const detail = useStation(id);
  const generate = useGenerateRoster();
  const setRule = useSetStationRule();
  const [ruleOpen, setRuleOpen] = useState(false);
  const [range, setRange] = useState<[Dayjs, Dayjs]>([
    dayjs().startOf('month'),
    dayjs().add(11, 'month').endOf('month'),
  ]);
  const [editing, setEditing] = useState<ReceptionDay | null>(null);
  const [addingDay, setAddingDay] = useState(false);

  const run = async () => {
    if (!station) return;
    try {
      const result = await generate.mutateAsync({
        bodyId: station.bodyId,
        stationIds: [station.id],
        from: range[0].format('YYYY-MM-DD'),
        to: range[1].format('YYYY-MM-DD'),
      });
      message.success(t('stGenerated', { days: result.days, duties: result.duties }));
      await roster.refetch();
    } catch (error) {
      showError(message, error, t);
    }
  };

  return (
    <Drawer
      open={station !== null}
      onClose={onClose}
      size={560}
      title={station ? `${station.name} · ${t('stRoster')}` : ''}
    >
      <Flex vertical gap={12}>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Text>
            {rule.data?.description}
            {rule.data ? (
              <Tag style={{ marginInlineStart: 8 }}>
                {t(rule.data.source === 'station' ? 'stRuleOwn' : 'stRuleInherited')}
              </Tag>
            ) : null}
          </Typography.Text>
          {canEdit ? (
            <Space>
              {rule.data?.source === 'station' ? (
                <Button
                  size="small"
                  onClick={() =>
                    station &&
                    void setRule.mutateAsync({ id: station.id, rule: null }).then(() => rule.refetch())
                  }
                >
                  {t('stRuleReset')}
                </Button>
              ) : null}
              <Button size="small" onClick={() => setRuleOpen(true)}>
                {t('stRuleEdit')}
              </Button>
            </Space>
          ) : null}
        </Flex>
        {canEdit ? (
          <Flex gap={8} wrap align="center">
            <DatePicker.RangePicker
              picker="month"
              value={range}
              onChange={(value) =>
                value?.[0] && value[1] && setRange([value[0].startOf('month'), value[1].endOf('month')])
              }
            />
            <Button type="primary" loading={generate.isPending} onClick={() => void run()}>
              {t('stGenerate')}
            </Button>
            <Button onClick={() => setAddingDay(true)}>{t('stAddDay')}</Button>
          </Flex>
        ) : null}
        <Typography.Text type="secondary">{t('stRosterHelp')}</Typography.Text>
        {(roster.data ?? []).length === 0 ? (
          <Empty description={t('stNoDays')} />
        ) : (
          <List
            size="small"
            bordered
            dataSource={roster.data}
            renderItem={(day) => (
              <List.Item
                actions={
                  canEdit
                    ? [
                        <Button key="edit" size="small" type="link" onClick={() => setEditing(day)}>
                          {t('edit')}
                        </Button>,
                      ]
                    : []
                }
              >
                <Flex vertical gap={2}>
                  <span>
                    {day.date}（星期{weekdays[day.weekday - 1]}） {day.startTime}-{day.endTime}
                    {day.source === 'manual' ? (
                      <Tag style={{ marginInlineStart: 6 }}>{t('stManualDay')}</Tag>
                    ) : null}
                  </span>
                  <Typography.Text type="secondary">
                    {day.duties.map((d) => d.deputyName).join('、') || t('stNobodyOnDuty')}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Flex>
      {station ? (
        <FormModal<RuleValues>
          open={ruleOpen}
          title={t('stRuleEdit')}
          width={600}
          initialValues={ruleValues(rule.data)}
          onClose={() => setRuleOpen(false)}
          onSubmit={async (values) => {
            await setRule.mutateAsync({ id: station.id, rule: ruleInput(values) });
            message.success(t('saved'));
          }}
        >
          <RuleFields />
        </FormModal>
      ) : null}
      <AddDayModal
        station={detail.data}
        open={addingDay}
        onClose={() => setAddingDay(false)}
        onAdded={() => {
          message.success(t('saved'));
          void roster.refetch();
        }}
      />
      <FormModal<{ deputyIds: string[] }>
        open={editing !== null}
        title={editing ? `${editing.date} ${t('stOnDuty')}` : ''}
        initialValues={{ deputyIds: editing?.duties.map((d) => d.deputyId) ?? [] }}
        onClose={() => setEditing(null)}
        onSubmit={async (values) => {
          if (!editing) return;
          await api.put(`/stations/roster/days/${encodeURIComponent(editing.id)}/duties`, values);
          await roster.refetch();
          message.success(t('saved'));
        }}
      >
        <Form.Item
          name="deputyIds"
          label={t('stOnDuty')}
          rules={[{ required: true, message: t('fieldRequired', { field: t('stOnDuty') }) }]}
        >
          <Select
            mode="multiple"
            options={(detail.data?.deputies ?? []).map((d) => ({ value: d.deputyId, label: d.name }))}
          />
        </Form.Item>
      </FormModal>
    </Drawer>
  );
}
