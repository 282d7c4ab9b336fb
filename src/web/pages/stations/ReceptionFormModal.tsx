import { App, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import type { CitizenCategory } from '../../../shared/schemas/receptions.js';
import { citizenCategoryLabels, citizenCategoryValues } from '../../../shared/schemas/receptions.js';
import { FormModal } from '../../components/FormModal.js';
import { useLocale } from '../../i18n/locale.js';
import { useCreateReception, useStations } from './stations.api.js';

interface Values {
  channel: 'visit' | 'phone';
  stationId?: string;
  visitorName?: string;
  visitorContact?: string;
  category: CitizenCategory;
  matter: string;
  receivedOn: Dayjs;
  solvedAnswer?: string;
}

/** Records a visit or call; when it was solved on the spot, the answer closes it at once. */
export function ReceptionFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, pick } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateReception();
  const stations = useStations({ view: 'mine', pageSize: 50 }, open);
  return (
    <FormModal<Values>
      open={open}
      title={t('stRecordVisit')}
      width={640}
      initialValues={{
        channel: 'visit',
        category: 'other',
        receivedOn: dayjs(),
        stationId: stations.data?.items[0]?.id,
      }}
      onClose={onClose}
      onSubmit={async (values) => {
        const created = await create.mutateAsync({
          channel: values.channel,
          stationId: values.stationId ?? null,
          visitorName: values.visitorName?.trim() || null,
          visitorContact: values.visitorContact?.trim() || null,
          category: values.category,
          matter: values.matter,
          receivedOn: values.receivedOn.format('YYYY-MM-DD'),
          solvedAnswer: values.solvedAnswer?.trim() || null,
        });
        message.success(t('saved'));
        navigate(`/stations/receptions/${created.id}`);
      }}
    >
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="channel" label={t('stChannel')}>
            <Radio.Group
              options={[
                { value: 'visit', label: t('stChannelVisit') },
                { value: 'phone', label: t('stChannelPhone') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="receivedOn" label={t('stReceivedOn')} rules={[{ required: true }]}>
            <DatePicker disabledDate={(day) => day.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="stationId" label={t('stStation')} extra={t('stStationHelp')}>
        <Select
          allowClear
          options={(stations.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="visitorName" label={t('stVisitor')}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="visitorContact" label={t('stVisitorContact')}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="category" label={t('stCategory')}>
        <Select
          options={citizenCategoryValues.map((value) => ({
            value,
            label: pick(citizenCategoryLabels[value]),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="matter"
        label={t('stMatter')}
        rules={[{ required: true, min: 4, message: t('fieldRequired', { field: t('stMatter') }) }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="solvedAnswer" label={t('stSolvedAnswer')} extra={t('stSolvedAnswerHelp')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
