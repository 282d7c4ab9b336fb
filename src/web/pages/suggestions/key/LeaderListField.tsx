import { Button, Flex, Form, Input } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useLocale } from '../../../i18n/locale.js';

/** Editable list of leaders (name, title, group) under `name` in the form. */
export function LeaderListField({ name, label }: { name: 'sponsors' | 'supervisors'; label: string }) {
  const { t } = useLocale();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Form.Item label={label}>
          <Flex vertical gap={8}>
            {fields.map((field) => (
              <Flex key={field.key} gap={6} wrap align="start" className="minyi-list-row">
                <Form.Item
                  name={[field.name, 'name']}
                  rules={[{ required: true, whitespace: true, message: t('keyLeaderNameRequired') }]}
                  style={{ flex: '1 1 90px', marginBottom: 0 }}
                >
                  <Input placeholder={t('keyLeaderName')} maxLength={40} aria-label={t('keyLeaderName')} />
                </Form.Item>
                <Form.Item name={[field.name, 'title']} style={{ flex: '2 1 140px', marginBottom: 0 }}>
                  <Input placeholder={t('keyLeaderTitle')} maxLength={60} aria-label={t('keyLeaderTitle')} />
                </Form.Item>
                {name === 'supervisors' ? (
                  <Form.Item name={[field.name, 'groupName']} style={{ flex: '2 1 140px', marginBottom: 0 }}>
                    <Input
                      placeholder={t('keyLeaderGroup')}
                      maxLength={60}
                      aria-label={t('keyLeaderGroup')}
                    />
                  </Form.Item>
                ) : null}
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('remove')}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
              {t('add')}
            </Button>
          </Flex>
        </Form.Item>
      )}
    </Form.List>
  );
}
