import { Form, Input, Typography } from 'antd';
import { FormModal } from '../../../components/FormModal.js';
import { useLocale } from '../../../i18n/locale.js';

/** Names the assignment meeting (交办会) before the batch is sent. */
export function BatchDialog({
  open,
  count,
  assignedOn,
  onSubmit,
  onClose,
}: {
  open: boolean;
  count: number;
  assignedOn: string;
  onSubmit: (name: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useLocale();
  return (
    <FormModal<{ name: string }>
      open={open}
      title={t('asgBatchTitle')}
      okText={t('asgBatchSend')}
      initialValues={{ name: t('asgBatchDefaultName', { date: assignedOn }) }}
      onSubmit={(values) => onSubmit(values.name)}
      onClose={onClose}
    >
      <Typography.Paragraph>{t('asgBatchSummary', { count, date: assignedOn })}</Typography.Paragraph>
      <Form.Item
        name="name"
        label={t('asgBatchName')}
        rules={[{ required: true, whitespace: true, min: 2, message: t('asgBatchNameRequired') }]}
      >
        <Input maxLength={60} showCount />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('asgBatchAllOrNothing')}
      </Typography.Paragraph>
    </FormModal>
  );
}
