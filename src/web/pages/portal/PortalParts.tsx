import { Tag } from 'antd';
import type { PublicSuggestionSummary } from '../../../shared/schemas/portal.js';

type Rating = NonNullable<PublicSuggestionSummary['rating']>;
const colors: Record<string, string> = {
  satisfied: 'success',
  basically_satisfied: 'cyan',
  unsatisfied: 'red',
};

/** The lead deputy's final rating as the public sees it (or that no feedback came). */
export function RatingTag({ rating }: { rating: Rating }) {
  return (
    <Tag color={rating.result ? colors[rating.result] : 'default'} data-testid="public-rating">
      {rating.label}
    </Tag>
  );
}
