import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Flex, Form, List, Select, Typography } from 'antd';
import type { BallotPaper } from '../../../shared/schemas/ballots.js';
import type { BallotDetail, Elector } from '../../../shared/schemas/ballot-views.js';
import { showError } from '../../components/error-text.js';
import { useLocale } from '../../i18n/locale.js';
import { usePaperBatch } from './ballots.api.js';
import { PaperForm, unmarkedItems } from './PaperForm.js';

type Paper = BallotPaper & { spoiled: boolean };

/**
 * 计票人录入纸质票: the deputies who handed in paper, then each paper as read out. On a secret
 * ballot the papers are stored shuffled and never matched to the deputies.
 */
export function PaperEntryCard({ ballot, electors }: { ballot: BallotDetail; electors: Elector[] }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const batch = usePaperBatch();
  const [deputyIds, setDeputyIds] = useState<string[]>([]);
  const [papers, setPapers] = useState<Paper[]>([]);
  const [current, setCurrent] = useState<Paper>({ spoiled: false });
  const waiting = electors.filter((e) => !e.voted && (!ballot.requirePresence || e.present));
  const submit = async () => {
    try {
      const result = await batch.mutateAsync({ id: ballot.id, input: { deputyIds, papers } });
      message.success(t('vtPaperEntered', { count: result.entered }));
      setDeputyIds([]);
      setPapers([]);
    } catch (error) {
      showError(message, error, t);
    }
  };
  const describe = (paper: Paper) => {
    if (paper.spoiled) return t('vtSpoiled');
    if (ballot.questionType === 'select')
      return (
        (paper.selected ?? [])
          .map((id) => ballot.items.find((item) => item.id === id)?.position)
          .join('、') || t('vtBlank')
      );
    const missing = unmarkedItems(ballot, paper);
    return missing > 0 ? t('vtUnmarked', { count: missing }) : t('vtMarked');
  };
  return (
    <Card title={t('vtPaperTitle')}>
      <Alert
        type="info"
        showIcon
        title={ballot.kind === 'secret' ? t('vtPaperSecretHint') : t('vtPaperNamedHint')}
        style={{ marginBottom: 12 }}
      />
      <Form layout="vertical">
        <Form.Item label={t('vtPaperDeputies', { count: deputyIds.length })}>
          <Select
            mode="multiple"
            value={deputyIds}
            onChange={setDeputyIds}
            showSearch={{ optionFilterProp: 'label' }}
            options={waiting.map((e) => ({ value: e.deputyId, label: e.name }))}
            maxTagCount="responsive"
          />
        </Form.Item>
      </Form>
      <Typography.Title level={5}>{t('vtPaperNumber', { number: papers.length + 1 })}</Typography.Title>
      <PaperForm
        ballot={ballot}
        value={current}
        onChange={(next) => setCurrent({ ...next, spoiled: current.spoiled })}
        allowOverLimit
      />
      <Flex gap={8} wrap style={{ marginTop: 12 }}>
        <Checkbox
          checked={current.spoiled}
          onChange={(e) => setCurrent({ ...current, spoiled: e.target.checked })}
        >
          {t('vtSpoiled')}
        </Checkbox>
        <Button
          onClick={() => {
            setPapers([...papers, current]);
            setCurrent({ spoiled: false });
          }}
        >
          {t('vtPaperAdd')}
        </Button>
      </Flex>
      {papers.length > 0 ? (
        <List
          size="small"
          style={{ marginTop: 12 }}
          dataSource={papers.map((paper, index) => ({ paper, index }))}
          renderItem={({ paper, index }) => (
            <List.Item
              actions={[
                <Button
                  key="remove"
                  type="link"
                  size="small"
                  onClick={() => setPapers(papers.filter((_, i) => i !== index))}
                >
                  {t('remove')}
                </Button>,
              ]}
            >
              {t('vtPaperNumber', { number: index + 1 })}：{describe(paper)}
            </List.Item>
          )}
        />
      ) : null}
      <Flex justify="end" style={{ marginTop: 12 }}>
        <Button
          type="primary"
          disabled={deputyIds.length === 0 || deputyIds.length !== papers.length}
          loading={batch.isPending}
          onClick={() => void submit()}
        >
          {t('vtPaperSubmit', { count: papers.length })}
        </Button>
      </Flex>
    </Card>
  );
}
