import { Button, Flex, Tooltip, Typography } from 'antd';
import type { IndicatorSet } from '../../../shared/schemas/stats.js';
import type { RateKey } from '../../../shared/stats-definitions.js';
import {
  averageDaysDefinition,
  countDefinitions,
  rateDefinitions,
} from '../../../shared/stats-definitions.js';
import { useStatsText } from './use-stats-text.js';

/** `75.0%`, or a dash when nothing was there to divide. */
export const percentText = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)}%`);

/** A rate with its definition on hover; a click opens the items behind its numerator. */
export function RateCell({
  set,
  rate,
  onDrill,
}: {
  set: IndicatorSet;
  rate: RateKey;
  onDrill?: (rate: RateKey, part: 'numerator' | 'denominator') => void;
}) {
  const { pick } = useStatsText();
  const value = set.rates[rate];
  const definition = rateDefinitions[rate];
  return (
    <Tooltip title={`${pick(definition.label)}：${pick(definition.text)}`}>
      <Flex vertical gap={0} align="flex-end" data-testid={`rate-${rate}`}>
        {onDrill ? (
          <Button
            type="link"
            size="small"
            style={{ padding: 0, height: 'auto' }}
            onClick={() => onDrill(rate, 'numerator')}
          >
            {percentText(value.value)}
          </Button>
        ) : (
          <span>{percentText(value.value)}</span>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {onDrill ? (
            <>
              <a onClick={() => onDrill(rate, 'numerator')}>{value.numerator}</a>/
              <a onClick={() => onDrill(rate, 'denominator')}>{value.denominator}</a>
            </>
          ) : (
            `${value.numerator}/${value.denominator}`
          )}
        </Typography.Text>
      </Flex>
    </Tooltip>
  );
}

/** A count with its definition on hover (and a drill-down for overdue and warnings). */
export function CountCell({
  set,
  count,
  onDrill,
}: {
  set: IndicatorSet;
  count: 'overdue' | 'warnings' | 'total' | 'noFeedback';
  onDrill?: () => void;
}) {
  const { pick } = useStatsText();
  const definition = countDefinitions[count];
  const value = set.counts[count];
  return (
    <Tooltip title={`${pick(definition.label)}：${pick(definition.text)}`}>
      {onDrill && value > 0 ? (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={onDrill}>
          {value}
        </Button>
      ) : (
        <span>{value}</span>
      )}
    </Tooltip>
  );
}

export function AverageDaysCell({ set }: { set: IndicatorSet }) {
  const { pick } = useStatsText();
  return (
    <Tooltip title={`${pick(averageDaysDefinition.label)}：${pick(averageDaysDefinition.text)}`}>
      <span>{set.averageDaysToReply === null ? '—' : set.averageDaysToReply.toFixed(1)}</span>
    </Tooltip>
  );
}
