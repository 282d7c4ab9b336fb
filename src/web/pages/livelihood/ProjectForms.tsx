import { App, Button, DatePicker, Flex, Form, Input, InputNumber } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { ProjectDetail } from '../../../shared/schemas/livelihood.js';
import { showFieldErrors } from '../../api/form-errors.js';
import { showError } from '../../components/error-text.js';
import { dayString } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { DeputiesSelect } from '../ballots/DeputiesSelect.js';
import { useAddProgress, usePutSupervisors } from './livelihood.api.js';

/** A progress report: the day, the share done, what was done. */
export function ProgressForm({ project }: { project: ProjectDetail }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reportedOn: Dayjs; percent: number; summary: string }>();
  const add = useAddProgress();
  const submit = async (values: { reportedOn: Dayjs; percent: number; summary: string }) => {
    try {
      await add.mutateAsync({
        id: project.id,
        input: {
          reportedOn: dayString(values.reportedOn) ?? '',
          percent: values.percent,
          summary: values.summary,
        },
      });
      message.success(t('saved'));
      form.resetFields();
    } catch (error) {
      if (!showFieldErrors(form, error)) showError(message, error, t);
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(values) => void submit(values)}
      initialValues={{ reportedOn: dayjs(), percent: project.progressPercent }}
      style={{ marginBottom: 8 }}
    >
      <Flex gap={12} wrap>
        <Form.Item name="reportedOn" label={t('vtDate')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="percent" label={t('lvPercentDone')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} suffix="%" />
        </Form.Item>
      </Flex>
      <Form.Item name="summary" label={t('lvProgressSummary')} rules={[{ required: true, min: 4 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={add.isPending}>
        {t('lvReportProgress')}
      </Button>
    </Form>
  );
}

/** 监督小组: one deputy group per project, a leader and members. */
export function SupervisorsForm({
  project,
  bodyId,
  termId,
}: {
  project: ProjectDetail;
  bodyId: string | null;
  termId: string | null;
}) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ leader: string[]; members?: string[] }>();
  const put = usePutSupervisors();
  const known = project.supervisors.map((s) => ({ id: s.deputyId, name: s.name }));
  const submit = async (values: { leader: string[]; members?: string[] }) => {
    try {
      await put.mutateAsync({
        id: project.id,
        input: { leaderDeputyId: values.leader[0] ?? '', memberDeputyIds: values.members ?? [] },
      });
      message.success(t('saved'));
    } catch (error) {
      showError(message, error, t);
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ marginTop: 12 }}
      onFinish={(values) => void submit(values)}
      initialValues={{
        leader: project.supervisors.filter((s) => s.leader).map((s) => s.deputyId),
        members: project.supervisors.filter((s) => !s.leader).map((s) => s.deputyId),
      }}
    >
      <Form.Item name="leader" label={t('lvLeader')} rules={[{ required: true }]}>
        <DeputiesSelect bodyId={bodyId} termId={termId} maxCount={1} known={known} />
      </Form.Item>
      <Form.Item name="members" label={t('lvMembers')}>
        <DeputiesSelect bodyId={bodyId} termId={termId} known={known} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={put.isPending}>
        {t('lvSaveSupervisors')}
      </Button>
    </Form>
  );
}
