import { App, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import type { BallotKind, QuestionType } from '../../../shared/schemas/ballots.js';
import {
  ballotKindLabels,
  electorateKindLabels,
  electorateKindValues,
  questionTypeLabels,
  questionTypeValues,
} from '../../../shared/schemas/ballots.js';
import { FormModal } from '../../components/FormModal.js';
import { useLocale } from '../../i18n/locale.js';
import { BodyTreeSelect } from '../bodies/BodyTreeSelect.js';
import { useSessions, useTerms } from '../organisations/organisations.api.js';
import { useCreateBallot } from './ballots.api.js';
import { DeputiesSelect } from './DeputiesSelect.js';
import { RuleFieldsForm } from './RuleFieldsForm.js';
import type { RuleFields, RulePreset } from './rule-presets.js';
import { passRuleOf, ruleDefaults } from './rule-presets.js';

interface BallotValues {
  bodyId: string;
  termId: string;
  sessionId?: string;
  title: string;
  description?: string;
  kind: BallotKind;
  questionType: QuestionType;
  maxSelections?: number;
  scoreMax?: number;
  itemsText: string;
  electorateKind: (typeof electorateKindValues)[number];
  attendeeDeputyIds?: string[];
  rule: RuleFields;
  allowChange?: boolean;
  requirePresence?: boolean;
  opensAt?: Dayjs | null;
  closesAt?: Dayjs | null;
}

const presetsFor = (type: QuestionType | undefined): RulePreset[] =>
  type === 'select'
    ? ['plurality']
    : type === 'score'
      ? ['threshold', 'gushi']
      : ['zhenhai', 'threshold', 'gushi'];

function BallotFields() {
  const { t, pick } = useLocale();
  const form = Form.useFormInstance<BallotValues>();
  const bodyId = Form.useWatch('bodyId', form) ?? null;
  const termId = Form.useWatch('termId', form) ?? null;
  const questionType = Form.useWatch('questionType', form);
  const electorateKind = Form.useWatch('electorateKind', form);
  const terms = useTerms(bodyId);
  const sessions = useSessions(termId);
  return (
    <>
      <Flex gap={12} wrap>
        <Form.Item
          name="bodyId"
          label={t('vtBody')}
          rules={[{ required: true }]}
          style={{ flex: '1 1 220px' }}
        >
          <BodyTreeSelect onChange={() => form.setFieldsValue({ termId: undefined, sessionId: undefined })} />
        </Form.Item>
        <Form.Item
          name="termId"
          label={t('termLabel')}
          rules={[{ required: true }]}
          style={{ flex: '1 1 120px' }}
        >
          <Select options={(terms.data ?? []).map((term) => ({ value: term.id, label: term.label }))} />
        </Form.Item>
        <Form.Item name="sessionId" label={t('vtSession')} style={{ flex: '1 1 200px' }}>
          <Select allowClear options={(sessions.data ?? []).map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
      </Flex>
      <Form.Item name="title" label={t('vtTitle')} rules={[{ required: true, min: 2 }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="description" label={t('vtDescription')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={4000} />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="kind" label={t('vtKind')} rules={[{ required: true }]}>
          <Radio.Group
            options={(['secret', 'named'] as const).map((value) => ({
              value,
              label: pick(ballotKindLabels[value]),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="questionType"
          label={t('vtQuestionType')}
          rules={[{ required: true }]}
          style={{ minWidth: 200 }}
        >
          <Select
            options={questionTypeValues.map((value) => ({ value, label: pick(questionTypeLabels[value]) }))}
            onChange={(next: QuestionType) =>
              form.setFieldsValue({ rule: ruleDefaults[presetsFor(next)[0] ?? 'threshold'] })
            }
          />
        </Form.Item>
        {questionType === 'select' ? (
          <Form.Item name="maxSelections" label={t('vtSeats')} rules={[{ required: true }]}>
            <InputNumber min={1} max={500} />
          </Form.Item>
        ) : null}
        {questionType === 'score' ? (
          <Form.Item name="scoreMax" label={t('vtScoreMax')} rules={[{ required: true }]}>
            <InputNumber min={1} max={1000} />
          </Form.Item>
        ) : null}
      </Flex>
      <Form.Item name="itemsText" label={t('vtItems')} extra={t('vtItemsHint')} rules={[{ required: true }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} />
      </Form.Item>
      <Form.Item name="electorateKind" label={t('vtElectorate')} rules={[{ required: true }]}>
        <Select
          options={electorateKindValues.map((value) => ({ value, label: pick(electorateKindLabels[value]) }))}
        />
      </Form.Item>
      {electorateKind === 'members_and_attendees' ? (
        <Form.Item name="attendeeDeputyIds" label={t('vtAttendees')} rules={[{ required: true }]}>
          <DeputiesSelect bodyId={bodyId} termId={termId} />
        </Form.Item>
      ) : null}
      <RuleFieldsForm presets={presetsFor(questionType)} />
      <Flex gap={16} wrap>
        <Form.Item name="allowChange" valuePropName="checked">
          <Checkbox>{t('vtAllowChange')}</Checkbox>
        </Form.Item>
        <Form.Item name="requirePresence" valuePropName="checked">
          <Checkbox>{t('vtRequirePresence')}</Checkbox>
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item name="opensAt" label={t('vtOpensAt')} extra={t('vtScheduleHint')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Form.Item name="closesAt" label={t('vtClosesAt')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
      </Flex>
    </>
  );
}

/** 发起表决: everything a ballot needs; it starts as a draft that staff open at the meeting. */
export function BallotFormModal({
  open,
  bodyId,
  onClose,
}: {
  open: boolean;
  bodyId: string | null;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateBallot();
  const save = async (values: BallotValues) => {
    const items = values.itemsText
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((title) => ({ title }));
    const created = await create.mutateAsync({
      bodyId: values.bodyId,
      termId: values.termId,
      sessionId: values.sessionId ?? null,
      title: values.title,
      description: values.description ?? '',
      kind: values.kind,
      questionType: values.questionType,
      maxSelections: values.questionType === 'select' ? (values.maxSelections ?? 1) : null,
      scoreMax: values.questionType === 'score' ? (values.scoreMax ?? 100) : null,
      items,
      electorate: { kind: values.electorateKind, attendeeDeputyIds: values.attendeeDeputyIds ?? [] },
      passRule: passRuleOf(values.rule),
      allowChange: values.allowChange ?? false,
      requirePresence: values.requirePresence ?? false,
      opensAt: values.opensAt ? values.opensAt.toISOString() : null,
      closesAt: values.closesAt ? values.closesAt.toISOString() : null,
    });
    message.success(t('saved'));
    navigate(`/ballots/${created.id}`);
  };
  return (
    <FormModal<BallotValues>
      open={open}
      title={t('vtCreate')}
      width={760}
      onSubmit={save}
      onClose={onClose}
      initialValues={{
        bodyId: bodyId ?? undefined,
        kind: 'secret',
        questionType: 'grade',
        electorateKind: 'standing_committee',
        rule: ruleDefaults.zhenhai,
      }}
    >
      <BallotFields />
    </FormModal>
  );
}
