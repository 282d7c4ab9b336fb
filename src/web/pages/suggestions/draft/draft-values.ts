import type { SuggestionDetail } from '../../../../shared/schemas/suggestions.js';
import type { SuggestionDraftInput } from '../api/suggestions.api.js';
import type { DraftValues } from './DraftFields.js';

/** The form's starting values: the saved item, or an empty draft in the first body. */
export function initialDraftValues(detail: SuggestionDetail | undefined, bodyId: string): DraftValues {
  if (!detail)
    return {
      bodyId,
      timing: 'session',
      sessionId: null,
      kind: 'suggestion',
      categoryId: null,
      title: '',
      grounds: '',
      proposals: '',
      disclose: true,
      nondisclosureReason: null,
    };
  return {
    bodyId: detail.bodyId,
    timing: detail.timing,
    sessionId: detail.sessionId,
    kind: detail.kind,
    categoryId: detail.categoryId,
    title: detail.title,
    grounds: detail.grounds,
    proposals: detail.proposals,
    disclose: detail.disclose,
    nondisclosureReason: detail.nondisclosureReason,
  };
}

/** What the API takes: a recess item has no session; a disclosed one no reason. */
export function draftInput(values: DraftValues): SuggestionDraftInput {
  return {
    bodyId: values.bodyId,
    timing: values.timing,
    sessionId: values.timing === 'recess' ? null : (values.sessionId ?? null),
    kind: values.kind,
    categoryId: values.categoryId ?? null,
    title: values.title,
    grounds: values.grounds ?? '',
    proposals: values.proposals ?? '',
    disclose: values.disclose !== false,
    nondisclosureReason: values.disclose === false ? (values.nondisclosureReason ?? null) : null,
  };
}

/** The reason of the last return for revision, shown above a returned draft. */
export function returnReason(detail: SuggestionDetail | undefined): string | null {
  if (detail?.status !== 'returned') return null;
  const event = [...detail.timeline].reverse().find((e) => e.action === 'review_return');
  return event?.note ?? null;
}
