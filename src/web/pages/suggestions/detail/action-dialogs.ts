import type { MessageKey } from '../../../i18n/dictionary.js';

export type DialogField = 'reason' | 'note' | 'target' | 'assign';

/** What each workflow action asks for before it runs. */
export const actionDialogs: Record<string, { fields: DialogField[]; danger?: boolean; help: MessageKey }> = {
  submit: { fields: [], help: 'sgSubmitConfirm' },
  withdraw: { fields: ['reason'], danger: true, help: 'sgWithdrawHelp' },
  review_pass: { fields: ['note'], help: 'sgPassHelp' },
  review_return: { fields: ['reason'], help: 'sgReturnHelp' },
  review_reject: { fields: ['reason'], danger: true, help: 'sgRejectHelp' },
  review_merge: { fields: ['target', 'note'], help: 'sgMergeHelp' },
  review_convert: { fields: ['note'], help: 'sgConvertHelp' },
  assign: { fields: ['assign'], help: 'sgAssignHelp' },
};
