import { App, Col, Divider, Form, Input, InputNumber, Radio, Row } from 'antd';
import type { Deputy, Gender } from '../../../shared/schemas/deputies.js';
import { genderLabels, genderValues } from '../../../shared/schemas/deputies.js';
import { FormModal } from '../../components/FormModal.js';
import { useLocale } from '../../i18n/locale.js';
import { useCreateDeputy, useUpdateDeputy } from './deputies.api.js';
import type { SeatCreateInput } from './deputies.api.js';
import { SeatFields } from './SeatFields.js';

export type DeputyDialog =
  { mode: 'create'; bodyId: string | null } | { mode: 'edit'; deputy: Deputy } | null;

interface DeputyValues {
  name: string;
  gender: Gender;
  ethnicity?: string;
  birthYear?: number | null;
  occupation?: string;
  phone?: string;
  email?: string;
  address?: string;
  seat?: Partial<SeatCreateInput>;
}

/** A deputy's personal details; when creating, also their first seat. */
export function DeputyFormModal({ dialog, onClose }: { dialog: DeputyDialog; onClose: () => void }) {
  const { t, pick } = useLocale();
  const { message } = App.useApp();
  const create = useCreateDeputy();
  const update = useUpdateDeputy();
  const deputy = dialog?.mode === 'edit' ? dialog.deputy : null;

  const save = async (values: DeputyValues) => {
    const person = {
      name: values.name,
      gender: values.gender,
      ethnicity: values.ethnicity ?? '',
      birthYear: values.birthYear ?? null,
      occupation: values.occupation ?? '',
      phone: values.phone ?? '',
      email: values.email?.trim() ? values.email.trim() : null,
      address: values.address ?? '',
    };
    if (deputy) await update.mutateAsync({ id: deputy.id, input: person });
    else {
      const seat = values.seat ?? {};
      await create.mutateAsync({
        ...person,
        seat: {
          bodyId: seat.bodyId ?? '',
          termId: seat.termId ?? '',
          delegationId: seat.delegationId ?? null,
          groupId: seat.groupId ?? null,
          electoralDistrict: seat.electoralDistrict ?? '',
        },
      });
    }
    message.success(t('saved'));
  };

  const required = (field: string) => [
    { required: true, whitespace: true, message: t('fieldRequired', { field }) },
  ];
  return (
    <FormModal<DeputyValues>
      open={dialog !== null}
      title={deputy ? `${t('edit')}：${deputy.name}` : t('deputyCreate')}
      width={720}
      initialValues={
        deputy
          ? {
              name: deputy.name,
              gender: deputy.gender,
              ethnicity: deputy.ethnicity ?? '',
              birthYear: deputy.birthYear,
              occupation: deputy.occupation ?? '',
              phone: deputy.phone ?? '',
              email: deputy.email ?? '',
              address: deputy.address ?? '',
            }
          : {
              gender: 'male',
              ethnicity: '汉族',
              seat: { bodyId: dialog?.mode === 'create' ? (dialog.bodyId ?? undefined) : undefined },
            }
      }
      onSubmit={save}
      onClose={onClose}
    >
      {(form) => (
        <>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="name" label={t('deputyName')} rules={required(t('deputyName'))}>
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="gender" label={t('deputyGender')} rules={[{ required: true }]}>
                <Radio.Group
                  optionType="button"
                  options={genderValues.map((gender) => ({
                    value: gender,
                    label: pick(genderLabels[gender]),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="ethnicity" label={t('deputyEthnicity')}>
                <Input maxLength={20} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="birthYear" label={t('deputyBirthYear')}>
                <InputNumber min={1900} max={2100} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="phone" label={t('userPhone')}>
                <Input maxLength={20} inputMode="tel" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="occupation" label={t('deputyOccupation')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="email"
                label={t('userEmail')}
                rules={[{ type: 'email', message: t('emailInvalid') }]}
              >
                <Input maxLength={100} inputMode="email" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="address" label={t('deputyAddress')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
          {deputy ? null : (
            <>
              <Divider titlePlacement="start">{t('deputyFirstSeat')}</Divider>
              <SeatFields form={form} prefix={['seat']} />
            </>
          )}
        </>
      )}
    </FormModal>
  );
}
