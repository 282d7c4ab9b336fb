import { App, Form, Input, Select, Switch } from 'antd';
import type { Reply, ReplyDraft } from '../../../shared/schemas/handling.js';
import type { Assignment } from '../../../shared/schemas/suggestions.js';
import { FormModal } from '../../components/FormModal.js';
import { useLocale } from '../../i18n/locale.js';
import { useRuleProfile } from '../rules/rules.api.js';
import { useSaveReply } from './handling.api.js';

/** 答复函 of a lead or separate unit: 答复类别 (from the body's rule profile), 文号, 正文, 是否面商. */
export function ReplyDialog({
  assignment,
  bodyId,
  draft,
  open,
  onClose,
}: {
  assignment: Assignment;
  bodyId: string;
  /** The unit's current draft of this round, if any. */
  draft: Reply | undefined;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const profile = useRuleProfile(open ? bodyId : null);
  const save = useSaveReply();
  const classes = profile.data?.settings.outcomeClasses ?? [];

  const submit = async (values: ReplyDraft) => {
    await save.mutateAsync({ id: assignment.id, input: { ...values, faceToFace: values.faceToFace } });
    message.success(t('hdReplySaved'));
  };

  return (
    <FormModal<ReplyDraft>
      open={open}
      title={`${draft ? t('hdReplyEdit') : t('hdReplyWrite')} · ${assignment.unitName}`}
      width={720}
      initialValues={
        draft
          ? {
              outcomeClass: draft.outcomeClass,
              documentNo: draft.documentNo,
              body: draft.body,
              faceToFace: draft.faceToFace,
            }
          : { faceToFace: false }
      }
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item
        name="outcomeClass"
        label={t('hdOutcomeClass')}
        rules={[{ required: true, message: t('hdRequired') }]}
      >
        <Select
          loading={profile.isPending && open}
          options={classes.map((c) => ({
            value: c.code,
            label: t('hdOutcomeOption', { code: c.code, label: c.label }),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="documentNo"
        label={t('hdDocumentNo')}
        rules={[{ required: true, whitespace: true, min: 2, message: t('hdMinChars', { count: 2 }) }]}
      >
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item
        name="body"
        label={t('hdReplyBody')}
        rules={[{ required: true, whitespace: true, min: 20, message: t('hdMinChars', { count: 20 }) }]}
      >
        <Input.TextArea autoSize={{ minRows: 8, maxRows: 24 }} maxLength={20000} showCount />
      </Form.Item>
      <Form.Item name="faceToFace" label={t('hdFaceToFace')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
