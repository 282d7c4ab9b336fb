import { App, Col, Form, Input, Rate, Row, Select, Switch } from 'antd';
import type { Station, StationKind, StationLevel } from '../../../shared/schemas/stations.js';
import {
  stationKindLabels,
  stationKindValues,
  stationLevelLabels,
  stationLevelValues,
} from '../../../shared/schemas/stations.js';
import { FormModal } from '../../components/FormModal.js';
import { useLocale } from '../../i18n/locale.js';
import { useCreateStation, useUpdateStation } from './stations.api.js';

export type StationDialog = { mode: 'create'; bodyId: string } | { mode: 'edit'; station: Station } | null;

interface StationValues {
  name: string;
  kind: StationKind;
  level: StationLevel;
  address: string;
  directions?: string;
  openingHours?: string;
  contactName?: string;
  contactPhone?: string;
  starRating?: number;
  demonstration?: boolean;
  active?: boolean;
}

/** A station's details: kind (家/站/室/点), level, address and directions, hours, contact, labels. */
export function StationFormModal({ dialog, onClose }: { dialog: StationDialog; onClose: () => void }) {
  const { t, pick } = useLocale();
  const { message } = App.useApp();
  const create = useCreateStation();
  const update = useUpdateStation();
  const station = dialog?.mode === 'edit' ? dialog.station : null;

  const save = async (values: StationValues) => {
    const fields = {
      name: values.name,
      kind: values.kind,
      level: values.level,
      address: values.address,
      directions: values.directions ?? '',
      openingHours: values.openingHours ?? '',
      contactName: values.contactName ?? '',
      contactPhone: values.contactPhone ?? '',
      starRating: values.starRating ? values.starRating : null,
      demonstration: values.demonstration ?? false,
    };
    if (station)
      await update.mutateAsync({
        id: station.id,
        input: { ...fields, active: values.active ?? true, version: station.version },
      });
    else if (dialog?.mode === 'create') await create.mutateAsync({ ...fields, bodyId: dialog.bodyId });
    message.success(t('saved'));
  };
  const required = (field: string) => [
    { required: true, whitespace: true, message: t('fieldRequired', { field }) },
  ];

  return (
    <FormModal<StationValues>
      open={dialog !== null}
      title={station ? `${t('edit')}：${station.name}` : t('stCreate')}
      width={680}
      initialValues={
        station
          ? {
              name: station.name,
              kind: station.kind,
              level: station.level,
              address: station.address,
              directions: station.directions ?? '',
              openingHours: station.openingHours ?? '',
              contactName: station.contactName ?? '',
              contactPhone: station.contactPhone ?? '',
              starRating: station.starRating ?? 0,
              demonstration: station.demonstration,
              active: station.active,
            }
          : { kind: 'station', level: 'township', openingHours: t('stDefaultHours') }
      }
      onSubmit={save}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('stName')} rules={required(t('stName'))}>
        <Input maxLength={60} placeholder={t('stNamePlaceholder')} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="kind" label={t('stKind')} rules={[{ required: true }]}>
            <Select
              options={stationKindValues.map((kind) => ({
                value: kind,
                label: pick(stationKindLabels[kind]),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="level" label={t('stLevel')} rules={[{ required: true }]}>
            <Select
              options={stationLevelValues.map((level) => ({
                value: level,
                label: pick(stationLevelLabels[level]),
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="address" label={t('stAddress')} rules={required(t('stAddress'))}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="directions" label={t('stDirections')} extra={t('stDirectionsHelp')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="openingHours" label={t('stOpeningHours')}>
        <Input maxLength={100} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="contactName" label={t('unitContactPerson')}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="contactPhone" label={t('stContactPhone')} extra={t('stContactPhoneHelp')}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="starRating" label={t('stStars')}>
            <Rate />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="demonstration" label={t('stDemonstration')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        {station ? (
          <Col xs={12} sm={6}>
            <Form.Item name="active" label={t('unitActive')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
    </FormModal>
  );
}
