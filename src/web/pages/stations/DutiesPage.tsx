import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { QrcodeOutlined, SwapOutlined } from '@ant-design/icons';
import type { Swap } from '../../../shared/schemas/stations.js';
import { swapStatusLabels } from '../../../shared/schemas/stations.js';
import { dutyActivityKindLabels } from '../../../shared/schemas/receptions.js';
import { useSession } from '../../auth/session.js';
import { showError } from '../../components/error-text.js';
import { FormModal } from '../../components/FormModal.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useLocale } from '../../i18n/locale.js';
import {
  useDutyActivities,
  useMyDuties,
  useRequestSwap,
  useStation,
  useSwapAction,
  useSwaps,
} from './stations.api.js';
import type { MyDuty } from './stations.api.js';
import { QrModal } from './QrModal.js';
import { swapStatusColors } from './reception-labels.js';

const weekdays = ['日', '一', '二', '三', '四', '五', '六'];
const weekdayOf = (date: string) => weekdays[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? '';

/** A deputy's reception duties, QR code, swap requests and duty record; staff approve swaps here. */
export function DutiesPage() {
  const { t, pick } = useLocale();
  const { me } = useSession();
  const { message } = App.useApp();
  const deputyId = me?.deputyId ?? null;
  const duties = useMyDuties(deputyId !== null);
  const swaps = useSwaps({});
  const activities = useDutyActivities(deputyId);
  const swapAction = useSwapAction();
  const [qrOpen, setQrOpen] = useState(false);
  const [swapping, setSwapping] = useState<MyDuty | null>(null);

  const act = async (swap: Swap, action: string) => {
    try {
      await swapAction.mutateAsync({
        id: swap.id,
        action,
        input: action === 'reject' ? { note: t('stRejectedNote') } : {},
      });
      message.success(t('stDone'));
    } catch (error) {
      showError(message, error, t);
    }
  };

  return (
    <>
      <PageHeader
        title={t('stDutiesTitle')}
        intro={t('stDutiesIntro')}
        extra={
          deputyId ? (
            <Button type="primary" icon={<QrcodeOutlined />} onClick={() => setQrOpen(true)}>
              {t('stMyQr')}
            </Button>
          ) : null
        }
      />
      <Row gutter={[16, 16]}>
        {deputyId ? (
          <Col xs={24} lg={12}>
            <Card title={t('stMyDuties')}>
              {(duties.data ?? []).length === 0 ? (
                <Empty description={t('stNoDuties')} />
              ) : (
                <List
                  dataSource={duties.data}
                  renderItem={(duty) => (
                    <List.Item
                      actions={[
                        duty.pendingSwapId ? (
                          <Tag key="pending" color="gold">
                            {t('stSwapPending')}
                          </Tag>
                        ) : (
                          <Button
                            key="swap"
                            size="small"
                            icon={<SwapOutlined />}
                            onClick={() => setSwapping(duty)}
                          >
                            {t('stSwap')}
                          </Button>
                        ),
                      ]}
                    >
                      <List.Item.Meta
                        title={`${duty.date}（星期${weekdayOf(duty.date)}） ${duty.startTime}-${duty.endTime}`}
                        description={`${duty.stationName} · ${duty.stationAddress}`}
                      />
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </Col>
        ) : null}
        <Col xs={24} lg={deputyId ? 12 : 24}>
          <Flex vertical gap={16}>
            <Card title={t('stSwaps')}>
              {(swaps.data ?? []).length === 0 ? (
                <Empty description={t('stNoSwaps')} />
              ) : (
                <List
                  dataSource={swaps.data}
                  renderItem={(swap) => (
                    <List.Item
                      actions={swap.actions
                        .filter((a) => a.allowed)
                        .map((a) => (
                          <Button
                            key={a.action}
                            size="small"
                            type={a.action === 'approve' ? 'primary' : 'default'}
                            onClick={() => void act(swap, a.action)}
                          >
                            {a.label}
                          </Button>
                        ))}
                    >
                      <List.Item.Meta
                        title={
                          <Space wrap>
                            <span>
                              {swap.date} {swap.stationName}
                            </span>
                            <Tag color={swapStatusColors[swap.status]}>
                              {pick(swapStatusLabels[swap.status])}
                            </Tag>
                          </Space>
                        }
                        description={`${swap.requesterName} → ${swap.replacementName}：${swap.reason}`}
                      />
                    </List.Item>
                  )}
                />
              )}
            </Card>
            {deputyId ? (
              <Card title={t('stDutyRecord')}>
                {(activities.data ?? []).length === 0 ? (
                  <Empty description={t('stNoActivities')} />
                ) : (
                  <List
                    size="small"
                    dataSource={activities.data}
                    renderItem={(activity) => (
                      <List.Item>
                        <Typography.Text>
                          {activity.occurredOn} · {pick(dutyActivityKindLabels[activity.kind])}
                        </Typography.Text>
                      </List.Item>
                    )}
                  />
                )}
              </Card>
            ) : null}
          </Flex>
        </Col>
      </Row>
      {deputyId ? (
        <QrModal
          target={qrOpen ? { kind: 'deputies', id: deputyId, name: me?.displayName ?? '' } : null}
          onClose={() => setQrOpen(false)}
        />
      ) : null}
      <SwapDialog duty={swapping} onClose={() => setSwapping(null)} />
    </>
  );
}

function SwapDialog({ duty, onClose }: { duty: MyDuty | null; onClose: () => void }) {
  const { t } = useLocale();
  const { me } = useSession();
  const { message } = App.useApp();
  const station = useStation(duty?.stationId ?? null);
  const request = useRequestSwap();
  return (
    <FormModal<{ replacementDeputyId: string; reason: string }>
      open={duty !== null}
      title={duty ? `${t('stSwap')}：${duty.date} ${duty.stationName}` : ''}
      onClose={onClose}
      onSubmit={async (values) => {
        if (!duty) return;
        await request.mutateAsync({ dutyId: duty.id, input: values });
        message.success(t('stSwapRequested'));
      }}
    >
      <Form.Item
        name="replacementDeputyId"
        label={t('stReplacement')}
        rules={[{ required: true, message: t('fieldRequired', { field: t('stReplacement') }) }]}
      >
        <Select
          options={(station.data?.deputies ?? [])
            .filter((d) => d.deputyId !== me?.deputyId)
            .map((d) => ({ value: d.deputyId, label: d.name }))}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('stReason')}
        rules={[{ required: true, whitespace: true, message: t('fieldRequired', { field: t('stReason') }) }]}
      >
        <Input.TextArea rows={3} maxLength={300} />
      </Form.Item>
    </FormModal>
  );
}
