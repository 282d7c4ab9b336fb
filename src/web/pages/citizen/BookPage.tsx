import { useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Form, Input, Radio, Skeleton, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { Slot } from '../../../shared/schemas/appointments.js';
import { showFieldErrors } from '../../api/form-errors.js';
import { errorText } from '../../components/error-text.js';
import { useLocale } from '../../i18n/locale.js';
import { book, useChallenge, useSlots } from './citizen.api.js';
import type { Target } from './citizen.api.js';
import { ChallengeField } from './ChallengeField.js';
import { Receipt } from './Receipt.js';

interface Values {
  slot: string;
  name?: string;
  contact: string;
  matter: string;
  challengeAnswer: number;
}

const weekdays = ['日', '一', '二', '三', '四', '五', '六'];
const slotKey = (slot: Slot) => `${slot.receptionDayId}|${slot.startTime}|${slot.deputyCode}`;

/** Book a meeting (约见卡) in a slot of a reception day when the deputy is on duty. */
export function BookPage({ target }: { target: Target }) {
  const { t } = useLocale();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const slots = useSlots(target);
  const challenge = useChallenge();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<{ code: string; text: string } | null>(null);

  const byDate = new Map<string, Slot[]>();
  for (const slot of slots.data ?? []) byDate.set(slot.date, [...(byDate.get(slot.date) ?? []), slot]);

  const submit = async (values: Values) => {
    const slot = slots.data?.find((s) => slotKey(s) === values.slot);
    if (!slot || !challenge.data) return;
    setBusy(true);
    setFailure(null);
    try {
      const result = await book({
        deputyCode: slot.deputyCode,
        receptionDayId: slot.receptionDayId,
        startTime: slot.startTime,
        name: values.name?.trim() || null,
        contact: values.contact,
        matter: values.matter,
        challengeToken: challenge.data.token,
        challengeAnswer: values.challengeAnswer,
      });
      setDone({
        code: result.trackingCode,
        text: t('czBooked', {
          date: result.date,
          time: result.startTime,
          station: result.stationName,
          deputy: result.deputyName,
        }),
      });
    } catch (error) {
      if (!showFieldErrors(form, error)) setFailure(errorText(error, t));
      form.setFieldValue('challengeAnswer', undefined);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['public', 'challenge'] }),
        queryClient.invalidateQueries({ queryKey: ['public', 'slots'] }),
      ]);
    } finally {
      setBusy(false);
    }
  };

  if (done) return <Receipt title={t('czBookSent')} trackingCode={done.code} extra={done.text} />;
  return (
    <Card title={t('czBook')}>
      <Typography.Paragraph type="secondary">{t('czBookIntro')}</Typography.Paragraph>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} /> : null}
      {slots.isPending ? (
        <Skeleton active />
      ) : byDate.size === 0 ? (
        <Empty description={t('czNoSlots')} />
      ) : (
        <Form<Values> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
          <Form.Item
            name="slot"
            label={t('czChooseSlot')}
            rules={[{ required: true, message: t('czChooseSlotRequired') }]}
          >
            <Radio.Group style={{ width: '100%' }}>
              <Flex vertical gap={12}>
                {[...byDate.entries()].map(([date, list]) => (
                  <div key={date}>
                    <Typography.Text strong>
                      {date}（星期{weekdays[new Date(`${date}T00:00:00Z`).getUTCDay()]}）{' '}
                      {list[0]?.stationName}
                    </Typography.Text>
                    <Flex gap={6} wrap style={{ marginTop: 6 }}>
                      {list.map((slot) => (
                        <Radio.Button key={slotKey(slot)} value={slotKey(slot)}>
                          {slot.startTime} {target.kind === 'station' ? slot.deputyName : ''}
                        </Radio.Button>
                      ))}
                    </Flex>
                  </div>
                ))}
              </Flex>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="matter"
            label={t('czBookMatter')}
            rules={[{ required: true, min: 10, message: t('czMatterTooShort', { min: 10 }) }]}
          >
            <Input.TextArea rows={4} maxLength={1000} showCount />
          </Form.Item>
          <Form.Item name="name" label={t('czName')}>
            <Input maxLength={40} autoComplete="name" />
          </Form.Item>
          <Form.Item
            name="contact"
            label={t('czContact')}
            extra={t('czContactHelp')}
            rules={[{ required: true, message: t('czContactRequired') }]}
          >
            <Input maxLength={60} inputMode="tel" autoComplete="tel" />
          </Form.Item>
          <ChallengeField challenge={challenge.data} />
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={busy}
            disabled={!challenge.data}
          >
            {t('czBookSubmit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
