import type { ReceptionStatus } from '../../../shared/schemas/receptions.js';
import type { AgencyStatus, AppointmentStatus } from '../../../shared/schemas/appointments.js';
import type { SwapStatus } from '../../../shared/schemas/stations.js';

export const receptionStatusColors: Record<ReceptionStatus, string> = {
  new: 'red',
  open: 'processing',
  referred: 'purple',
  escalated: 'gold',
  closed: 'success',
};

export const appointmentStatusColors: Record<AppointmentStatus, string> = {
  requested: 'red',
  proposed: 'gold',
  accepted: 'processing',
  declined: 'default',
  cancelled: 'default',
  held: 'success',
  missed: 'default',
};

export const agencyStatusColors: Record<AgencyStatus, string> = {
  requested: 'red',
  scheduled: 'processing',
  held: 'cyan',
  follow_up: 'gold',
  closed: 'success',
  withdrawn: 'default',
};

export const swapStatusColors: Record<SwapStatus, string> = {
  requested: 'gold',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

/** Timeline entries of the station workflows, by action name. */
export const eventLabels: Record<string, { zh: string; en: string }> = {
  submit: { zh: '群众留言', en: 'Message left' },
  photo: { zh: '补充照片', en: 'Photo added' },
  record: { zh: '登记接待', en: 'Recorded' },
  accept: { zh: '受理', en: 'Accepted' },
  answer: { zh: '答复群众', en: 'Answered' },
  refer: { zh: '转交有关部门', en: 'Referred' },
  unit_answer: { zh: '部门答复', en: 'Agency answered' },
  escalate: { zh: '转上级代表', en: 'Passed up' },
  assign: { zh: '分派代表', en: 'Assigned' },
  to_suggestion: { zh: '转为代表建议', en: 'Turned into a suggestion' },
  dismiss: { zh: '不予处理', en: 'Dismissed' },
  book: { zh: '群众预约', en: 'Booked' },
  propose: { zh: '提议改期', en: 'New time proposed' },
  decline: { zh: '婉拒', en: 'Declined' },
  confirm: { zh: '群众同意新时间', en: 'Confirmed' },
  cancel: { zh: '群众取消', en: 'Cancelled' },
  hold: { zh: '已见面', en: 'Held' },
  miss: { zh: '未到场', en: 'Missed' },
  request: { zh: '提出申请', en: 'Requested' },
  schedule: { zh: '安排', en: 'Scheduled' },
  postpone: { zh: '推迟', en: 'Postponed' },
  follow_up: { zh: '跟踪落实', en: 'Follow-up' },
  close: { zh: '办结', en: 'Closed' },
  withdraw: { zh: '撤回', en: 'Withdrawn' },
  approve: { zh: '同意', en: 'Approved' },
  reject: { zh: '不同意', en: 'Rejected' },
};

export function eventLabel(action: string): { zh: string; en: string } {
  return eventLabels[action] ?? { zh: action, en: action };
}
