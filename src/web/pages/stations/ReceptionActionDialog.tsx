import { useState } from 'react';
import { App, Form, Input, Radio, Select } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { ReceptionDetail } from '../../../shared/schemas/receptions.js';
import { FormModal } from '../../components/FormModal.js';
import { useLocale } from '../../i18n/locale.js';
import { useBodies } from '../bodies/bodies.api.js';
import { BodyTreeSelect } from '../bodies/BodyTreeSelect.js';
import { UnitSelect } from '../units/UnitSelect.js';
import { useDeputies } from '../deputies/deputies.api.js';
import { useReceptionAction, useStation } from './stations.api.js';

export type ReceptionAction =
  'accept' | 'answer' | 'refer' | 'unit_answer' | 'escalate' | 'assign' | 'to_suggestion' | 'dismiss';

interface Values {
  answer?: string;
  outcome?: 'solved' | 'explained';
  unitId?: string;
  deputyId?: string;
  note?: string;
  reason?: string;
  title?: string;
}

/** The dialog of one reception action, asking only what that action needs. */
export function ReceptionActionDialog({
  detail,
  action,
  label,
  onClose,
}: {
  detail: ReceptionDetail;
  action: ReceptionAction | null;
  label: string;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const perform = useReceptionAction();
  const bodies = useBodies();
  const ownBody = bodies.data?.find((b) => b.id === detail.bodyId);
  const [unitBodyId, setUnitBodyId] = useState<string | null>(null);
  const station = useStation(action === 'assign' ? detail.stationId : null);
  const [typed, setTyped] = useState('');
  const deputies = useDeputies(
    { q: typed.trim() || undefined, status: 'active', page: 1, pageSize: 20 },
    action === 'escalate',
  );
  const required = (field: string) => [
    { required: true, whitespace: true, message: t('fieldRequired', { field }) },
  ];

  const submit = async (values: Values) => {
    const input: Record<string, unknown> = { version: detail.version };
    if (action === 'answer') Object.assign(input, { answer: values.answer, outcome: values.outcome });
    if (action === 'unit_answer') input.answer = values.answer;
    if (action === 'refer') Object.assign(input, { unitId: values.unitId, note: values.note || undefined });
    if (action === 'escalate')
      Object.assign(input, { deputyId: values.deputyId, note: values.note || undefined });
    if (action === 'assign') input.deputyId = values.deputyId;
    if (action === 'dismiss') input.reason = values.reason;
    if (action === 'to_suggestion' && values.title?.trim()) input.title = values.title.trim();
    const updated = await perform.mutateAsync({ id: detail.id, action: action ?? '', input });
    message.success(t('stDone'));
    if (action === 'to_suggestion' && updated.suggestionId)
      navigate(`/suggestions/${updated.suggestionId}/edit`);
  };

  return (
    <FormModal<Values>
      open={action !== null}
      title={label}
      okText={label}
      initialValues={{ outcome: 'solved' }}
      onClose={onClose}
      onSubmit={submit}
    >
      {action === 'accept' ? <p>{t('stAcceptHelp')}</p> : null}
      {action === 'answer' || action === 'unit_answer' ? (
        <>
          <Form.Item
            name="answer"
            label={t('stAnswer')}
            rules={required(t('stAnswer'))}
            extra={action === 'answer' ? t('stAnswerHelp') : undefined}
          >
            <Input.TextArea rows={5} maxLength={2000} showCount />
          </Form.Item>
          {action === 'answer' &&
          !detail.suggestionId &&
          !detail.referredUnitId &&
          !detail.escalatedToDeputyId ? (
            <Form.Item name="outcome" label={t('stOutcome')}>
              <Radio.Group
                options={[
                  { value: 'solved', label: t('stOutcomeSolved') },
                  { value: 'explained', label: t('stOutcomeExplained') },
                ]}
              />
            </Form.Item>
          ) : null}
        </>
      ) : null}
      {action === 'refer' ? (
        <>
          <Form.Item label={t('stBody')} extra={t('stReferBodyHelp')}>
            <BodyTreeSelect
              value={unitBodyId ?? detail.bodyId}
              onChange={setUnitBodyId}
              selectable={(body) => ownBody !== undefined && ownBody.path.startsWith(body.path)}
            />
          </Form.Item>
          <Form.Item
            name="unitId"
            label={t('unitName')}
            rules={[{ required: true, message: t('fieldRequired', { field: t('unitName') }) }]}
          >
            <UnitSelect bodyId={unitBodyId ?? detail.bodyId} />
          </Form.Item>
          <Form.Item name="note" label={t('stNote')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </>
      ) : null}
      {action === 'escalate' || action === 'assign' ? (
        <Form.Item
          name="deputyId"
          label={t('stDeputy')}
          extra={action === 'escalate' ? t('stEscalateHelp') : undefined}
          rules={[{ required: true, message: t('fieldRequired', { field: t('stDeputy') }) }]}
        >
          {action === 'assign' ? (
            <Select
              options={(station.data?.deputies ?? []).map((d) => ({ value: d.deputyId, label: d.name }))}
            />
          ) : (
            <Select
              showSearch={{ filterOption: false, onSearch: setTyped }}
              loading={deputies.isFetching}
              options={(deputies.data?.items ?? []).map((d) => ({
                value: d.id,
                label: `${d.name}（${d.seats
                  .filter((s) => s.status === 'active')
                  .map((s) => s.bodyName)
                  .join('、')}）`,
              }))}
            />
          )}
        </Form.Item>
      ) : null}
      {action === 'escalate' ? (
        <Form.Item name="note" label={t('stNote')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      ) : null}
      {action === 'dismiss' ? (
        <Form.Item name="reason" label={t('stReason')} rules={required(t('stReason'))}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      ) : null}
      {action === 'to_suggestion' ? (
        <>
          <p>{t('stToSuggestionHelp')}</p>
          <Form.Item name="title" label={t('stSuggestionTitle')} extra={t('stSuggestionTitleHelp')}>
            <Input maxLength={80} />
          </Form.Item>
        </>
      ) : null}
    </FormModal>
  );
}
