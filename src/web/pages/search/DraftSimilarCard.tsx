import { Form } from 'antd';
import type { FormInstance } from 'antd';
import { useDebounced } from '../suggestions/components/use-debounced.js';
import { SimilarSuggestionsCard } from './SimilarSuggestionsCard.js';

interface DraftFields {
  bodyId: string;
  title: string;
  grounds: string;
  proposals: string;
}

/** Similar suggestions of the draft being typed (asked 600 ms after typing stops). */
export function DraftSimilarCard<Values extends DraftFields>({ form }: { form: FormInstance<Values> }) {
  const title = (Form.useWatch('title', form) as string | undefined) ?? '';
  const grounds = (Form.useWatch('grounds', form) as string | undefined) ?? '';
  const proposals = (Form.useWatch('proposals', form) as string | undefined) ?? '';
  const bodyId = (Form.useWatch('bodyId', form) as string | undefined) ?? '';
  // A string, so the debounce compares by value and settles once typing stops.
  const settled = useDebounced(JSON.stringify([title, `${grounds}\n${proposals}`.trim(), bodyId]), 600);
  const [draftTitle = '', text = '', draftBody = ''] = JSON.parse(settled) as string[];
  return <SimilarSuggestionsCard draft={{ title: draftTitle, text, bodyId: draftBody }} />;
}
