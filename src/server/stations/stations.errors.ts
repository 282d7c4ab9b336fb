import { DomainError, conflict, forbidden, invalidField, notFound } from '../platform/errors.js';
import type { LocalisedText } from '../platform/errors.js';

export const stationNoun = { zh: '代表联络站', en: 'Station' };
export const receptionNoun = { zh: '接待记录', en: 'Reception record' };
export const appointmentNoun = { zh: '约见', en: 'Appointment' };
export const agencyAppointmentNoun = { zh: '约见国家机关负责人', en: 'Agency appointment' };
export const swapNoun = { zh: '调班申请', en: 'Swap request' };
export const dutyNoun = { zh: '值班安排', en: 'Duty' };
export const trackingNoun = { zh: '查询码对应的记录', en: 'Record for this tracking code' };
export const publicCodeNoun = { zh: '二维码对应的页面', en: 'Page of this code' };

const rateLimited = (code: string, text: LocalisedText) => new DomainError('rate_limited', code, text);

export const stationErrors = {
  notWriter: () =>
    forbidden({
      zh: '只有该人大的管理员或代表工委工作人员可以管理代表联络站。',
      en: "Only administrators or office staff of the station's body may manage it.",
    }),
  notReader: () => forbidden({ zh: '您的角色无权查看代表联络站。', en: 'Your role may not read stations.' }),
  staleStation: () =>
    conflict('station.concurrent_change', {
      zh: '联络站信息已在别处修改，请刷新后再编辑。',
      en: 'The station was changed elsewhere; reload before editing.',
    }),
  deputyNotEligible: (name: string) =>
    invalidField(
      'deputyIds',
      {
        zh: `代表「${name}」在本级及上下级人大均无在任席位，不能编入本站`,
        en: `Deputy "${name}" has no active seat in this body, above or below it`,
      },
      'deputy_not_eligible',
    ),
  unknownDeputy: (field: string) =>
    invalidField(field, { zh: '「代表」不存在', en: '"Deputy" does not exist' }, 'deputy_not_found'),
  unknownUser: () =>
    invalidField('userIds', { zh: '「登录账号」不存在', en: '"Account" does not exist' }, 'user_not_found'),
  notStaffCandidate: () =>
    invalidField(
      'userIds',
      {
        zh: '工作人员须是本级、上级或下级人大的工作人员、领导或信息采集员账号',
        en: 'station staff must hold an office, committee, leader or collector role in this body, above or below it',
      },
      'staff_not_eligible',
    ),
  photoType: () =>
    invalidField(
      'file',
      { zh: '照片只能是 JPEG、PNG 或 WebP 格式的图片', en: 'a photo must be a JPEG, PNG or WebP image' },
      'photo_type_invalid',
    ),
  photoTooLarge: (maxBytes: number): LocalisedText => ({
    zh: `照片不能超过 ${maxBytes / 1024 / 1024} MB。`,
    en: `A photo must not exceed ${maxBytes / 1024 / 1024} MB.`,
  }),
  noPhoto: (id: string) => notFound({ zh: '照片', en: 'Photo' }, id),
};

export const rosterErrors = {
  rangeTooLong: () =>
    invalidField(
      'to',
      { zh: '一次最多生成 12 个月的排班', en: 'at most 12 months can be generated at once' },
      'roster_range_too_long',
    ),
  rangeReversed: () =>
    invalidField('to', { zh: '结束日期不能早于开始日期', en: 'the end must not be before the start' }),
  notOnStation: (field: string) =>
    invalidField(
      field,
      { zh: '该代表未编入本站', en: 'this deputy is not assigned to the station' },
      'deputy_not_on_station',
    ),
  dutyTaken: () =>
    conflict('roster.duty_taken', {
      zh: '该代表当天已在本站值班。',
      en: 'This deputy is already on duty at the station that day.',
    }),
  dayExists: () =>
    conflict('roster.day_exists', {
      zh: '该站当天已有接待日。',
      en: 'The station already has a reception day on that date.',
    }),
  swapExchangeInvalid: () =>
    invalidField(
      'exchangeDutyId',
      {
        zh: '交换的班次须是替班代表在同一联络站尚未到来的值班',
        en: "the exchanged duty must be the replacement's own future duty at the same station",
      },
      'swap_exchange_invalid',
    ),
  swapPast: () =>
    invalidField(
      'dutyId',
      { zh: '只能调换尚未到来的值班', en: 'only future duties can be swapped' },
      'swap_past_duty',
    ),
  staleDuty: () =>
    conflict('roster.concurrent_change', {
      zh: '值班安排刚刚已被调整，请刷新后查看。',
      en: 'The roster has just changed; reload to see it.',
    }),
};

export const citizenErrors = {
  challengeFailed: () =>
    new DomainError(
      'validation',
      'challenge_failed',
      {
        zh: '验证题答案不正确或已过期，请重新作答（每道题只能使用一次）。',
        en: 'The check answer is wrong or expired; please answer a new question (each is single-use).',
      },
      [{ field: 'challengeAnswer', message: { zh: '「验证题」答案不正确', en: '"Check" answer is wrong' } }],
    ),
  tooManyFromContact: (limit: number) =>
    rateLimited('citizen.contact_limit', {
      zh: `同一联系方式 24 小时内最多提交 ${limit} 次，请明天再试，或到代表联络站当面反映。`,
      en: `At most ${limit} submissions per contact in 24 hours; please try tomorrow or visit a station.`,
    }),
  tooManyFromAddress: (limit: number) =>
    rateLimited('citizen.address_limit', {
      zh: `本网络 1 小时内提交已达 ${limit} 次，请稍后再试。`,
      en: `${limit} submissions from this network in the past hour; please try later.`,
    }),
  blocked: (field: string) =>
    invalidField(
      field,
      {
        zh: '内容含有广告、链接过多或不文明用语，请修改后再提交',
        en: 'the text looks like advertising, has too many links or abusive words',
      },
      'content_blocked',
    ),
  repetitive: (field: string) =>
    invalidField(
      field,
      {
        zh: '内容过于重复，请具体说明您反映的问题',
        en: 'the text is too repetitive; please describe the matter',
      },
      'content_repetitive',
    ),
  targetRequired: () =>
    invalidField(
      'deputyCode',
      { zh: '请通过代表或联络站的二维码进入留言', en: "open the form from a deputy's or station's QR code" },
      'target_required',
    ),
  photoWindowClosed: () =>
    new DomainError('invalid_transition', 'citizen.photo_window_closed', {
      zh: '只能在提交后 30 分钟内补充照片。',
      en: 'Photos can be added only within 30 minutes of submitting.',
    }),
  tooManyPhotos: (max: number) =>
    new DomainError(
      'validation',
      'citizen.too_many_photos',
      { zh: `每条留言最多 ${max} 张照片。`, en: `At most ${max} photos per message.` },
      [{ field: 'file', message: { zh: `「照片」最多 ${max} 张`, en: `at most ${max} photos` } }],
    ),
  slotUnavailable: () =>
    conflict('appointment.slot_unavailable', {
      zh: '该时段已被预约或不在代表的接待时间内，请选择其他时段。',
      en: 'This slot is taken or not within the deputy’s reception hours; choose another.',
    }),
  bookingTooLate: () =>
    invalidField(
      'receptionDayId',
      { zh: '最早只能预约明天及以后的接待时段', en: 'only slots from tomorrow on can be booked' },
      'booking_too_late',
    ),
};

export const receptionErrors = {
  notRecorder: () =>
    forbidden({
      zh: '只有人大代表、联络站工作人员或代表工委工作人员可以登记接待记录。',
      en: 'Only deputies, station staff or office staff record receptions.',
    }),
  unitNotEligible: () =>
    invalidField(
      'unitId',
      {
        zh: '「承办单位」须为本级或上级人大所联系的在用单位',
        en: '"Unit" must be an active unit of this body or a body above it',
      },
      'unit_not_eligible',
    ),
  notHigherDeputy: () =>
    invalidField(
      'deputyId',
      {
        zh: '只能转给在上级人大有在任席位的代表',
        en: 'the deputy must hold an active seat in a body above this one',
      },
      'deputy_not_higher',
    ),
  suggestionBody: () =>
    invalidField(
      'bodyId',
      { zh: '请选择您有在任席位的人大', en: 'choose a body in which you hold an active seat' },
      'suggestion_body_invalid',
    ),
};

export const agencyErrors = {
  postponeTooLate: (latest: string) =>
    invalidField(
      'scheduledOn',
      {
        zh: `推迟后的日期不能晚于首次安排日期一个月后（${latest}）`,
        en: `the new date must not be later than one month after the first date (${latest})`,
      },
      'postpone_too_late',
    ),
  postponeNotLater: () =>
    invalidField(
      'scheduledOn',
      { zh: '推迟后的日期须晚于原定日期', en: 'the new date must be after the scheduled one' },
      'postpone_not_later',
    ),
  notRequester: () =>
    forbidden({
      zh: '只有人大代表本人可以申请约见国家机关负责人。',
      en: 'Only a deputy may request to meet an agency head.',
    }),
};
