import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { ProjectDetail } from '../../../shared/schemas/livelihood.js';
import { showFieldErrors } from '../../api/form-errors.js';
import { showError } from '../../components/error-text.js';
import { dayString, dayValue } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { UnitSelect } from '../units/UnitSelect.js';
import { fenFromWan, formatWan, usePutPlan, wanFromFen } from './livelihood.api.js';

interface PlanValues {
  unitId: string;
  targets: string;
  fundsWan: number;
  fundingSource?: string;
  milestones: { title: string; dueOn: Dayjs; done?: boolean }[];
}

/** 实施计划: the implementing unit's targets, milestones and funds. */
export function PlanCard({ project, bodyId }: { project: ProjectDetail; bodyId: string | null }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanValues>();
  const [editing, setEditing] = useState(false);
  const put = usePutPlan();
  const plan = project.plan;
  const save = async (values: PlanValues) => {
    try {
      await put.mutateAsync({
        id: project.id,
        input: {
          unitId: values.unitId,
          targets: values.targets,
          fundsFen: fenFromWan(values.fundsWan),
          fundingSource: values.fundingSource ?? '',
          milestones: values.milestones.map((m) => ({
            title: m.title,
            dueOn: dayString(m.dueOn) ?? '',
            done: m.done ?? false,
          })),
        },
      });
      message.success(t('saved'));
      setEditing(false);
    } catch (error) {
      if (!showFieldErrors(form, error)) showError(message, error, t);
    }
  };
  return (
    <Card
      title={t('lvPlan')}
      extra={
        project.canReport && !editing ? (
          <Button onClick={() => setEditing(true)}>{plan ? t('edit') : t('lvWritePlan')}</Button>
        ) : null
      }
    >
      {editing ? (
        <Form<PlanValues>
          form={form}
          layout="vertical"
          onFinish={(values) => void save(values)}
          initialValues={{
            unitId: plan?.unitId ?? project.unitId,
            targets: plan?.targets ?? '',
            fundsWan: wanFromFen(plan?.fundsFen ?? project.investmentFen),
            fundingSource: plan?.fundingSource ?? '',
            milestones: (plan?.milestones ?? [{ title: '', dueOn: project.completionDate, done: false }]).map(
              (m) => ({ ...m, dueOn: dayValue(m.dueOn) }),
            ),
          }}
        >
          <Form.Item name="unitId" label={t('lvUnit')} rules={[{ required: true }]}>
            <UnitSelect bodyId={bodyId} />
          </Form.Item>
          <Form.Item name="targets" label={t('lvTargets')} rules={[{ required: true, min: 4 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name="fundsWan" label={t('lvFundsWan')} rules={[{ required: true }]}>
              <InputNumber min={0} precision={2} />
            </Form.Item>
            <Form.Item name="fundingSource" label={t('lvFundingSource')} style={{ flex: '1 1 200px' }}>
              <Input maxLength={200} />
            </Form.Item>
          </Flex>
          <Typography.Text strong>{t('lvMilestones')}</Typography.Text>
          <Form.List name="milestones">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} align="baseline" wrap>
                    <Form.Item
                      name={[field.name, 'title']}
                      rules={[{ required: true, min: 2 }]}
                      style={{ flex: '1 1 200px' }}
                    >
                      <Input placeholder={t('lvMilestoneTitle')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'dueOn']} rules={[{ required: true }]}>
                      <DatePicker />
                    </Form.Item>
                    <Form.Item name={[field.name, 'done']} valuePropName="checked">
                      <Checkbox>{t('lvDone')}</Checkbox>
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('remove')} />
                  </Flex>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ title: '', done: false })}
                  style={{ marginBottom: 12 }}
                >
                  {t('lvAddMilestone')}
                </Button>
              </>
            )}
          </Form.List>
          <Flex gap={8} justify="end">
            <Button onClick={() => setEditing(false)}>{t('cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={put.isPending}>
              {t('save')}
            </Button>
          </Flex>
        </Form>
      ) : plan ? (
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'unit', label: t('lvUnit'), children: plan.unitName },
              { key: 'targets', label: t('lvTargets'), children: plan.targets },
              {
                key: 'funds',
                label: t('lvFunds'),
                children: `${formatWan(plan.fundsFen)}${plan.fundingSource ? `（${plan.fundingSource}）` : ''}`,
              },
            ]}
          />
          <List
            size="small"
            header={t('lvMilestones')}
            dataSource={plan.milestones}
            renderItem={(m) => (
              <List.Item>
                <Checkbox checked={m.done} disabled /> {m.title} · {m.dueOn}
              </List.Item>
            )}
          />
        </>
      ) : (
        <Typography.Text type="secondary">{t('lvNoPlan')}</Typography.Text>
      )}
    </Card>
  );
}
