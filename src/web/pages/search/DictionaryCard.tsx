import { useState } from 'react';
import { App, Button, Card, Flex, Input, Popconfirm, Segmented, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { errorText } from '../../components/error-text.js';
import { QueryError } from '../../components/QueryError.js';
import { useLocale } from '../../i18n/locale.js';
import { useDictionary, useDictionaryMutations } from './search.api.js';

/** 分词词库: staff add and remove place names and terms; admins rebuild the index. */
export function DictionaryCard({ canRebuild }: { canRebuild: boolean }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const list = useDictionary(true);
  const { add, remove, rebuild } = useDictionaryMutations();
  const [word, setWord] = useState('');
  const [kind, setKind] = useState<'place' | 'term'>('term');
  const submit = async () => {
    if (!word.trim()) return;
    try {
      await add.mutateAsync({ word: word.trim(), kind });
      setWord('');
    } catch (error) {
      message.error(errorText(error, t));
    }
  };
  const runRebuild = async () => {
    try {
      const result = await rebuild.mutateAsync();
      message.success(t('srchRebuilt', { documents: result.documents, ms: result.milliseconds }));
    } catch (error) {
      message.error(errorText(error, t));
    }
  };
  return (
    <Card
      size="small"
      title={t('srchDictionary')}
      extra={
        canRebuild ? (
          <Button
            size="small"
            icon={<ReloadOutlined />}
            loading={rebuild.isPending}
            onClick={() => void runRebuild()}
          >
            {t('srchRebuild')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('srchDictionaryIntro')}
      </Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Segmented
          size="small"
          value={kind}
          onChange={(value) => setKind(value as 'place' | 'term')}
          options={[
            { value: 'term', label: t('srchWordTerm') },
            { value: 'place', label: t('srchWordPlace') },
          ]}
        />
        <Input
          size="small"
          value={word}
          maxLength={20}
          placeholder={t('srchNewWord')}
          onChange={(e) => setWord(e.target.value)}
          onPressEnter={() => void submit()}
          style={{ flex: '1 1 120px', maxWidth: 200 }}
        />
        <Button size="small" type="primary" loading={add.isPending} onClick={() => void submit()}>
          {t('srchAddWord')}
        </Button>
      </Flex>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Flex gap={4} wrap>
          {(list.data?.items ?? []).map((w) => (
            <Popconfirm
              key={w.id}
              title={`${t('remove')}「${w.word}」？`}
              onConfirm={() =>
                remove.mutateAsync(w.id).catch((error: unknown) => message.error(errorText(error, t)))
              }
            >
              <Tag color={w.kind === 'place' ? 'blue' : 'default'} style={{ cursor: 'pointer' }}>
                {w.word}
              </Tag>
            </Popconfirm>
          ))}
        </Flex>
      )}
    </Card>
  );
}
