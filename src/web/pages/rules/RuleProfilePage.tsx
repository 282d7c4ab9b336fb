import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Empty, Flex, Form, Popconfirm, Typography } from 'antd';
import { RollbackOutlined, SaveOutlined } from '@ant-design/icons';
import type { RuleProfileView } from '../../../shared/schemas/bodies.js';
import type { RuleProfile } from '../../../shared/schemas/settings.js';
import { showFieldErrors } from '../../api/form-errors.js';
import { useSession } from '../../auth/session.js';
import { errorText, showError } from '../../components/error-text.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PageSpin } from '../../components/PageSpin.js';
import { QueryError } from '../../components/QueryError.js';
import { useLocale } from '../../i18n/locale.js';
import type { LocaleContextValue } from '../../i18n/locale.js';
import { coversBody, useBodies } from '../bodies/bodies.api.js';
import { BodyTreeSelect } from '../bodies/BodyTreeSelect.js';
import { useChosenBody } from '../bodies/useChosenBody.js';
import { DeadlinesSection } from './DeadlinesSection.js';
import { NegativeListSection, OutcomeClassesSection, ReviewTiersSection } from './ListSections.js';
import { MotionThresholdsSection, OtherRulesSection } from './NumbersSection.js';
import { useResetRuleProfile, useRuleProfile, useSaveRuleProfile } from './rules.api.js';

const managers = ['admin', 'office_staff'] as const;

function SourceAlert({
  view,
  bodyName,
  t,
}: {
  view: RuleProfileView;
  bodyName: string;
  t: LocaleContextValue['t'];
}) {
  if (view.source === 'own')
    return (
      <Alert type="success" showIcon title={t('rulesSourceOwn')} description={t('rulesSourceOwnText')} />
    );
  if (view.source === 'inherited')
    return (
      <Alert
        type="info"
        showIcon
        title={t('rulesSourceInherited', { body: bodyName })}
        description={t('rulesSourceInheritedText')}
      />
    );
  return (
    <Alert
      type="warning"
      showIcon
      title={t('rulesSourceDefault')}
      description={t('rulesSourceDefaultText')}
    />
  );
}

/** A body's rules: where they come from, every setting, save as its own or restore inheritance. */
export function RuleProfilePage() {
  const { t } = useLocale();
  const { message } = App.useApp();
  const { me } = useSession();
  const { bodyId, choose } = useChosenBody(managers);
  const bodies = useBodies();
  const profile = useRuleProfile(bodyId);
  const save = useSaveRuleProfile();
  const reset = useResetRuleProfile();
  const [form] = Form.useForm<RuleProfile>();
  const [failure, setFailure] = useState<string | null>(null);

  const body = useMemo(
    () => bodies.data?.find((candidate) => candidate.id === bodyId),
    [bodies.data, bodyId],
  );
  const sourceName =
    bodies.data?.find((candidate) => candidate.id === profile.data?.sourceBodyId)?.name ?? '';
  const canEdit = me !== null && body !== undefined && coversBody(me, managers, body);

  useEffect(() => {
    if (profile.data) {
      form.resetFields();
      form.setFieldsValue(profile.data.settings);
      setFailure(null);
    }
  }, [profile.data, form]);

  const submit = async (settings: RuleProfile) => {
    if (!bodyId) return;
    setFailure(null);
    try {
      await save.mutateAsync({ bodyId, settings });
      message.success(t('saved'));
    } catch (error) {
      if (!showFieldErrors(form, error)) setFailure(errorText(error, t));
    }
  };

  const restore = async () => {
    if (!bodyId) return;
    try {
      await reset.mutateAsync(bodyId);
      message.success(t('rulesRestored'));
    } catch (error) {
      showError(message, error, t);
    }
  };

  const actions = (
    <Flex gap={8} wrap>
      <Popconfirm
        title={t('rulesRestoreConfirm')}
        okText={t('confirm')}
        okButtonProps={{ danger: true }}
        cancelText={t('cancel')}
        onConfirm={restore}
        disabled={!canEdit || profile.data?.source !== 'own'}
      >
        <Button
          icon={<RollbackOutlined />}
          disabled={!canEdit || profile.data?.source !== 'own'}
          loading={reset.isPending}
        >
          {t('rulesRestore')}
        </Button>
      </Popconfirm>
      <Button
        type="primary"
        icon={<SaveOutlined />}
        disabled={!canEdit}
        loading={save.isPending}
        onClick={() => form.submit()}
      >
        {t('save')}
      </Button>
    </Flex>
  );

  return (
    <>
      <PageHeader title={t('rulesTitle')} intro={t('rulesIntro')} />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} align="center" wrap>
          <Typography.Text strong>{t('rulesBody')}</Typography.Text>
          <BodyTreeSelect value={bodyId} onChange={choose} style={{ flex: '1 1 240px', maxWidth: 480 }} />
        </Flex>
      </Card>
      {bodyId === null ? (
        <Empty description={t('bodySelectPlaceholder')} />
      ) : profile.isPending ? (
        <PageSpin />
      ) : profile.isError ? (
        <QueryError error={profile.error} onRetry={() => void profile.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          <SourceAlert view={profile.data} bodyName={sourceName} t={t} />
          {canEdit ? null : <Alert type="info" title={t('rulesReadOnly')} />}
          {failure ? <Alert type="error" showIcon title={failure} /> : null}
          <Form<RuleProfile>
            form={form}
            layout="vertical"
            disabled={!canEdit}
            onFinish={(values) => void submit(values)}
            scrollToFirstError={{ block: 'center' }}
          >
            <Flex vertical gap={16}>
              <DeadlinesSection />
              <MotionThresholdsSection />
              <OutcomeClassesSection />
              <ReviewTiersSection />
              <OtherRulesSection />
              <NegativeListSection />
            </Flex>
          </Form>
          <div className="minyi-sticky-actions">{actions}</div>
        </Flex>
      )}
    </>
  );
}
