import { useState } from 'react';
import { App, Button, DatePicker, Descriptions, Drawer, Flex, Form, Input, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { Deputy, DeputySeat } from '../../../shared/schemas/deputies.js';
import { seatStatusLabels } from '../../../shared/schemas/deputies.js';
import { chineseOrdinal } from '../../../shared/schemas/organisations.js';
import { FormModal } from '../../components/FormModal.js';
import { dayString } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { useAddSeat, useTerminateSeat, useUpdateSeat } from './deputies.api.js';
import type { SeatCreateInput } from './deputies.api.js';
import { SeatFields } from './SeatFields.js';

type Dialog =
  { mode: 'add' } | { mode: 'edit'; seat: DeputySeat } | { mode: 'terminate'; seat: DeputySeat } | null;

/** 第十七届 from a seat's term number. */
export function termLabelOf(seat: DeputySeat): string {
  return `第${chineseOrdinal(seat.termNumber)}届`;
}

/** A deputy's seats (one per body and term): add, change placement, terminate (confirmed, with reason). */
export function SeatsDrawer({
  deputy,
  canEdit,
  onClose,
}: {
  deputy: Deputy | null;
  canEdit: boolean;
  onClose: () => void;
}) {
  const { t, pick } = useLocale();
  const { message } = App.useApp();
  const add = useAddSeat();
  const update = useUpdateSeat();
  const terminate = useTerminateSeat();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [shown, setShown] = useState<Deputy | null>(null);
  // Keep showing the latest answer of a write; fall back to the row the drawer was opened for.
  const current = shown && deputy && shown.id === deputy.id ? shown : deputy;

  const seatSave = async (values: Partial<SeatCreateInput>) => {
    if (!current) return;
    const placement = {
      delegationId: values.delegationId ?? null,
      groupId: values.groupId ?? null,
      electoralDistrict: values.electoralDistrict ?? '',
    };
    if (dialog?.mode === 'edit')
      setShown(await update.mutateAsync({ id: current.id, seatId: dialog.seat.id, input: placement }));
    else
      setShown(
        await add.mutateAsync({
          id: current.id,
          input: { bodyId: values.bodyId ?? '', termId: values.termId ?? '', ...placement },
        }),
      );
    message.success(t('saved'));
  };

  const doTerminate = async (values: { terminatedOn: Dayjs; reason: string }) => {
    if (!current || dialog?.mode !== 'terminate') return;
    const input = { terminatedOn: dayString(values.terminatedOn) ?? '', reason: values.reason };
    setShown(await terminate.mutateAsync({ id: current.id, seatId: dialog.seat.id, input }));
    message.success(t('saved'));
  };

  const editing = dialog?.mode === 'edit' ? dialog.seat : null;
  return (
    <Drawer
      open={deputy !== null}
      onClose={onClose}
      title={current ? `${current.name} · ${t('seatsTitle')}` : ''}
      size="min(520px, 100vw)"
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        {current?.seats.map((seat) => (
          <div key={seat.id} className="minyi-grant">
            <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
              <strong>
                {seat.bodyName} · {termLabelOf(seat)}
              </strong>
              <Tag color={seat.status === 'active' ? 'success' : 'default'}>
                {pick(seatStatusLabels[seat.status])}
              </Tag>
            </Flex>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('delegationsTitle')}>
                {seat.delegationName ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('groupsTitle')}>{seat.groupName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('seatDistrict')}>{seat.electoralDistrict ?? '—'}</Descriptions.Item>
              {seat.terminatedOn ? (
                <Descriptions.Item label={t('seatTerminatedOn')}>{seat.terminatedOn}</Descriptions.Item>
              ) : null}
            </Descriptions>
            {canEdit && seat.status === 'active' ? (
              <Flex gap={8} justify="flex-end">
                <Button size="small" onClick={() => setDialog({ mode: 'edit', seat })}>
                  {t('edit')}
                </Button>
                <Button size="small" danger onClick={() => setDialog({ mode: 'terminate', seat })}>
                  {t('seatTerminate')}
                </Button>
              </Flex>
            ) : null}
          </div>
        ))}
        {canEdit ? (
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'add' })} block>
            {t('seatAdd')}
          </Button>
        ) : null}
      </Flex>
      <FormModal<Partial<SeatCreateInput>>
        open={dialog?.mode === 'add' || dialog?.mode === 'edit'}
        title={editing ? `${editing.bodyName} · ${termLabelOf(editing)}` : t('seatAdd')}
        initialValues={
          editing
            ? {
                delegationId: editing.delegationId,
                groupId: editing.groupId,
                electoralDistrict: editing.electoralDistrict ?? '',
              }
            : {}
        }
        onSubmit={seatSave}
        onClose={() => setDialog(null)}
      >
        {(form) => (
          <SeatFields
            form={form}
            prefix={[]}
            fixed={editing ? { bodyId: editing.bodyId, termId: editing.termId } : undefined}
          />
        )}
      </FormModal>
      <FormModal<{ terminatedOn: Dayjs; reason: string }>
        open={dialog?.mode === 'terminate'}
        title={t('seatTerminate')}
        okText={t('seatTerminate')}
        onSubmit={doTerminate}
        onClose={() => setDialog(null)}
      >
        <p>{t('seatTerminateWarning')}</p>
        <Form.Item
          name="terminatedOn"
          label={t('seatTerminatedOn')}
          rules={[{ required: true, message: t('fieldRequired', { field: t('seatTerminatedOn') }) }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('seatTerminateReason')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('fieldRequired', { field: t('seatTerminateReason') }),
            },
          ]}
        >
          <Input.TextArea
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 5 }}
            placeholder={t('seatTerminateReasonPlaceholder')}
          />
        </Form.Item>
      </FormModal>
    </Drawer>
  );
}
