import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Form, InputNumber, Row, Switch } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SecuritySettings } from '../../../shared/schemas/settings.js';
import { api } from '../../api/client.js';
import { showFieldErrors } from '../../api/form-errors.js';
import { errorText } from '../../components/error-text.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PageSpin } from '../../components/PageSpin.js';
import { QueryError } from '../../components/QueryError.js';
import type { MessageKey } from '../../i18n/dictionary.js';
import { useSession } from '../../auth/session.js';
import { useLocale } from '../../i18n/locale.js';
import { useHoldsRoleAtTop } from '../bodies/bodies.api.js';

const securityKey = ['settings', 'security'] as const;

interface NumberField {
  name: Exclude<keyof SecuritySettings, 'requireTotpForStaff'>;
  label: MessageKey;
  min: number;
  max: number;
  unit: MessageKey;
  help?: MessageKey;
}

// Bounds follow `securitySettingsSchema`; the server checks them again.
const sections: { title: MessageKey; fields: NumberField[] }[] = [
  {
    title: 'securityPassword',
    fields: [
      { name: 'passwordMinLength', label: 'passwordMinLength', min: 8, max: 64, unit: 'unitCharacters' },
      {
        name: 'passwordMinClasses',
        label: 'passwordMinClasses',
        min: 1,
        max: 4,
        unit: 'unitClasses',
        help: 'passwordMinClassesHelp',
      },
    ],
  },
  {
    title: 'securitySessions',
    fields: [
      { name: 'lockAfterFailures', label: 'lockAfterFailures', min: 3, max: 20, unit: 'unitTimes' },
      { name: 'lockMinutes', label: 'lockMinutes', min: 1, max: 1440, unit: 'unitMinutes' },
      { name: 'idleTimeoutMinutes', label: 'idleTimeoutMinutes', min: 5, max: 30, unit: 'unitMinutes' },
    ],
  },
  {
    title: 'securityAudit',
    fields: [
      {
        name: 'auditRetentionMonths',
        label: 'auditRetentionMonths',
        min: 6,
        max: 120,
        unit: 'unitMonthsShort',
      },
    ],
  },
];

/** The deployment-wide security policy (`GET/PUT /settings/security`). */
export function SecurityPage() {
  const { t } = useLocale();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SecuritySettings>();
  const [failure, setFailure] = useState<string | null>(null);
  const { me } = useSession();
  const canEdit = useHoldsRoleAtTop(me, ['admin']);
  const settings = useQuery({
    queryKey: securityKey,
    queryFn: () => api.get<SecuritySettings>('/settings/security'),
  });
  const save = useMutation({
    mutationFn: (input: SecuritySettings) => api.put<SecuritySettings>('/settings/security', input),
    onSuccess: (saved) => queryClient.setQueryData(securityKey, saved),
  });

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  const submit = async (values: SecuritySettings) => {
    setFailure(null);
    try {
      await save.mutateAsync(values);
      message.success(t('saved'));
    } catch (error) {
      if (!showFieldErrors(form, error)) setFailure(errorText(error, t));
    }
  };

  if (settings.isPending) return <PageSpin />;
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;

  return (
    <>
      <PageHeader title={t('securityTitle')} intro={t('securityIntro')} />
      <Form<SecuritySettings>
        form={form}
        layout="vertical"
        disabled={!canEdit}
        onFinish={(values) => void submit(values)}
      >
        <Flex vertical gap={16}>
          {failure ? <Alert type="error" showIcon title={failure} /> : null}
          {sections.map((section) => (
            <Card key={section.title} title={t(section.title)}>
              <Row gutter={16}>
                {section.fields.map((field) => (
                  <Col xs={24} md={12} xl={8} key={field.name}>
                    <Form.Item
                      name={field.name}
                      label={t(field.label)}
                      extra={field.help ? t(field.help) : undefined}
                      rules={[{ required: true, message: t('fieldRequired', { field: t(field.label) }) }]}
                    >
                      <InputNumber
                        min={field.min}
                        max={field.max}
                        precision={0}
                        suffix={t(field.unit)}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                  </Col>
                ))}
                {section.title === 'securitySessions' ? (
                  <Col xs={24} md={12} xl={8}>
                    <Form.Item
                      name="requireTotpForStaff"
                      label={t('requireTotpForStaff')}
                      extra={t('requireTotpForStaffHelp')}
                      valuePropName="checked"
                    >
                      <Switch />
                    </Form.Item>
                  </Col>
                ) : null}
              </Row>
            </Card>
          ))}
          <Flex justify="flex-end">
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>
              {t('save')}
            </Button>
          </Flex>
        </Flex>
      </Form>
    </>
  );
}
