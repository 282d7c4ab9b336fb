import { Flex, Tag, Typography } from 'antd';
import { contactMethodLabels, contactStageLabels } from '../../../shared/schemas/handling.js';
import type { SuggestionDetail } from '../../../shared/schemas/suggestions.js';
import { useLocale } from '../../i18n/locale.js';

type Contact = SuggestionDetail['contacts'][number];

/** 沟通记录: newest first, stage and method as tags. */
export function ContactsList({ contacts }: { contacts: Contact[] }) {
  const { t, pick } = useLocale();
  if (contacts.length === 0) return <Typography.Text type="secondary">{t('hdContactsNone')}</Typography.Text>;
  const sorted = [...contacts].sort((a, b) => b.contactOn.localeCompare(a.contactOn));
  return (
    <Flex vertical gap={8} data-testid="contacts-list">
      {sorted.map((c) => (
        <div key={c.id} className="minyi-list-row">
          <Flex gap={6} wrap align="center">
            <Typography.Text>{c.contactOn}</Typography.Text>
            <Tag>{pick(contactStageLabels[c.stage])}</Tag>
            <Tag color="blue">{pick(contactMethodLabels[c.method])}</Tag>
            <Typography.Text type="secondary">{c.participants}</Typography.Text>
          </Flex>
          <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
            {c.summary}
          </Typography.Paragraph>
        </div>
      ))}
    </Flex>
  );
}
