import { Checkbox, Flex, InputNumber, Radio, Typography } from 'antd';
import type { BallotPaper } from '../../../shared/schemas/ballots.js';
import type { BallotDetail } from '../../../shared/schemas/ballot-views.js';
import { approveMarkValues, gradeValues, markLabels } from '../../../shared/schemas/ballots.js';
import { useLocale } from '../../i18n/locale.js';

type Mark = NonNullable<BallotPaper['marks']>[string];

interface PaperFormProps {
  ballot: Pick<BallotDetail, 'questionType' | 'items' | 'maxSelections' | 'scoreMax'>;
  value: BallotPaper;
  onChange: (next: BallotPaper) => void;
  /** Tellers may record more than N chosen (the paper then counts as invalid); voters may not. */
  allowOverLimit?: boolean;
  large?: boolean;
}

/** One ballot paper: a mark per item, the chosen items, or a score per item. */
export function PaperForm({
  ballot,
  value,
  onChange,
  allowOverLimit = false,
  large = false,
}: PaperFormProps) {
  const { t, pick } = useLocale();
  const { questionType, items } = ballot;
  if (questionType === 'select') {
    const selected = value.selected ?? [];
    const max = ballot.maxSelections ?? 1;
    return (
      <Flex vertical gap={8}>
        <Typography.Text type={selected.length > max ? 'danger' : 'secondary'}>
          {t('vtChosenOf', { chosen: selected.length, max })}
        </Typography.Text>
        {items.map((item) => {
          const checked = selected.includes(item.id);
          return (
            <label key={item.id} className="minyi-list-row minyi-vote-option">
              <Checkbox
                checked={checked}
                disabled={!checked && !allowOverLimit && selected.length >= max}
                onChange={(event) =>
                  onChange({
                    selected: event.target.checked
                      ? [...selected, item.id]
                      : selected.filter((id) => id !== item.id),
                  })
                }
              >
                <Flex vertical>
                  <Typography.Text strong={large}>{`${item.position}. ${item.title}`}</Typography.Text>
                  {item.description ? (
                    <Typography.Text type="secondary">{item.description}</Typography.Text>
                  ) : null}
                </Flex>
              </Checkbox>
            </label>
          );
        })}
      </Flex>
    );
  }
  if (questionType === 'score') {
    const scores = value.scores ?? {};
    return (
      <Flex vertical gap={8}>
        {items.map((item) => (
          <Flex key={item.id} className="minyi-list-row" justify="space-between" align="center" gap={8} wrap>
            <Typography.Text strong={large}>{`${item.position}. ${item.title}`}</Typography.Text>
            <InputNumber
              min={0}
              max={ballot.scoreMax ?? 100}
              size={large ? 'large' : 'middle'}
              value={scores[item.id]}
              suffix={t('vtPoints', { max: ballot.scoreMax ?? 100 })}
              onChange={(next) => {
                const rest = Object.fromEntries(Object.entries(scores).filter(([id]) => id !== item.id));
                onChange({ scores: next === null ? rest : { ...rest, [item.id]: next } });
              }}
            />
          </Flex>
        ))}
      </Flex>
    );
  }
  const options: readonly Mark[] = questionType === 'approve' ? approveMarkValues : gradeValues;
  const marks = value.marks ?? {};
  return (
    <Flex vertical gap={8}>
      {items.map((item) => (
        <Flex key={item.id} vertical gap={6} className="minyi-list-row">
          <Typography.Text strong={large}>{`${item.position}. ${item.title}`}</Typography.Text>
          {item.description ? <Typography.Text type="secondary">{item.description}</Typography.Text> : null}
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            size={large ? 'large' : 'middle'}
            value={marks[item.id]}
            onChange={(event) => onChange({ marks: { ...marks, [item.id]: event.target.value as Mark } })}
            options={options.map((mark) => ({ value: mark, label: pick(markLabels[mark]) }))}
          />
        </Flex>
      ))}
    </Flex>
  );
}

/** Items left without a mark or a score (they would count as invalid). */
export function unmarkedItems(
  ballot: Pick<BallotDetail, 'questionType' | 'items'>,
  paper: BallotPaper,
): number {
  if (ballot.questionType === 'select') return 0;
  const marked = ballot.questionType === 'score' ? (paper.scores ?? {}) : (paper.marks ?? {});
  return ballot.items.filter((item) => marked[item.id] === undefined).length;
}
