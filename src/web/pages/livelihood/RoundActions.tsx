import { useState } from 'react';
import { App, Button, Checkbox, Flex, Form, Modal, Popconfirm, Radio, Typography } from 'antd';
import type { RoundDetail } from '../../../shared/schemas/livelihood.js';
import { showError } from '../../components/error-text.js';
import { useLocale } from '../../i18n/locale.js';
import { useRoundAction } from './livelihood.api.js';

const ballotActions = new Set(['start_vote', 'runoff', 'start_evaluation']);

/** Actions of other stages are left out; those of this stage show why they wait. */
const outOfState = (reason: string | null) => reason !== null && /^(当前状态为|Cannot )/.test(reason);

/** The round's next steps, each with why it is not possible yet. */
export function RoundActions({ round }: { round: RoundDetail }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const act = useRoundAction();
  const [ballotFor, setBallotFor] = useState<string | null>(null);
  const [form] = Form.useForm<{ electorate: 'deputies' | 'standing_committee'; requirePresence: boolean }>();
  const run = async (action: string, body?: object) => {
    try {
      await act.mutateAsync({ id: round.id, action, body });
      message.success(t('saved'));
      return true;
    } catch (error) {
      showError(message, error, t);
      return false;
    }
  };
  return (
    <Flex gap={8} wrap>
      {round.actions
        .filter((action) => action.allowed || !outOfState(action.reason))
        .map((action) => {
          const button = (
            <Button
              key={action.action}
              type="primary"
              disabled={!action.allowed}
              title={action.reason ?? undefined}
              onClick={ballotActions.has(action.action) ? () => setBallotFor(action.action) : undefined}
            >
              {action.label}
            </Button>
          );
          if (!action.allowed || ballotActions.has(action.action)) return button;
          return (
            <Popconfirm
              key={action.action}
              title={t('lvConfirmAction', { action: action.label })}
              onConfirm={() => void run(action.action)}
            >
              {button}
            </Popconfirm>
          );
        })}
      {round.actions
        .filter((action) => !action.allowed && action.reason && !outOfState(action.reason))
        .map((action) => (
          <Typography.Text key={action.action} type="secondary" style={{ alignSelf: 'center' }}>
            {action.reason}
          </Typography.Text>
        ))}
      <Modal
        open={ballotFor !== null}
        title={t('lvBallotOptions')}
        confirmLoading={act.isPending}
        onCancel={() => setBallotFor(null)}
        onOk={() =>
          void form.validateFields().then(async (values) => {
            if (ballotFor && (await run(ballotFor, values))) setBallotFor(null);
          })
        }
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ electorate: 'deputies', requirePresence: false }}
        >
          <Form.Item name="electorate" label={t('vtElectorate')}>
            <Radio.Group
              options={[
                { value: 'deputies', label: t('lvElectorateDeputies') },
                { value: 'standing_committee', label: t('lvElectorateCommittee') },
              ]}
            />
          </Form.Item>
          <Form.Item name="requirePresence" valuePropName="checked">
            <Checkbox>{t('vtRequirePresence')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
