/**
 * The indicators of DOMAIN.md §5 and the counts beside them, with their definitions in Chinese and
 * English. This is the one place the texts live: the API docs (`.describe()` in
 * `schemas/stats.ts`), the hover tooltips of the web pages, the Excel header notes and the annual
 * report all read them from here.
 */

export const rateKeys = [
  'closure',
  'onTime',
  'faceToFace',
  'satisfiedStrict',
  'satisfiedInclusive',
  'solved',
  'solvedOrPlanned',
  'fulfilment',
] as const;
export type RateKey = (typeof rateKeys)[number];

export const countKeys = [
  'assigned',
  'withdrawn',
  'total',
  'replied',
  'onTime',
  'faceToFace',
  'validFeedback',
  'noFeedback',
  'satisfied',
  'satisfiedOrBasically',
  'unsatisfied',
  'solved',
  'solvedOrPlanned',
  'promises',
  'promisesFulfilled',
  'overdue',
  'warnings',
] as const;
export type CountKey = (typeof countKeys)[number];

export interface Definition {
  label: { zh: string; en: string };
  /** How the figure is counted, shown on hover and printed under tables. */
  text: { zh: string; en: string };
}

export interface RateDefinition extends Definition {
  /** The counts this rate divides: numerator ÷ denominator. */
  numerator: CountKey;
  denominator: CountKey;
}

const common = {
  zh: '撤回的建议不计；并案的建议只按并入后的一件计；重新办理的建议只计一次，以最后一轮答复和评价为准。',
  en: 'Withdrawn items are left out; merged items count once (as the item they were merged into); a re-handled item counts once, by its last round of reply and rating.',
};

export const rateDefinitions: Record<RateKey, RateDefinition> = {
  closure: {
    label: { zh: '办结率', en: 'Closure rate' },
    numerator: 'replied',
    denominator: 'total',
    text: {
      zh: `已答复件数 ÷（交办件数 − 撤回件数）。正在重新办理的建议在重新答复前不计为已答复。${common.zh}`,
      en: `Replied ÷ (assigned − withdrawn). An item being re-handled does not count as replied until its new reply is sent. ${common.en}`,
    },
  },
  onTime: {
    label: { zh: '按时办结率', en: 'On-time rate' },
    numerator: 'onTime',
    denominator: 'total',
    text: {
      zh: `在答复期限内（经批准延期的按延长后的期限，重新办理的按重新办理期限）答复的件数 ÷（交办件数 − 撤回件数）。多个分办单位的，须各单位均按时答复。${common.zh}`,
      en: `Items replied by the deadline (the extended deadline when an extension was approved, the re-handling deadline when re-handled) ÷ (assigned − withdrawn). With several separate units, every unit must reply on time. ${common.en}`,
    },
  },
  faceToFace: {
    label: { zh: '面商率', en: 'Face-to-face rate' },
    numerator: 'faceToFace',
    denominator: 'total',
    text: {
      zh: `至少有一次当面沟通、座谈或现场察看（或答复函注明已面商）的件数 ÷（交办件数 − 撤回件数）。${common.zh}`,
      en: `Items with at least one face-to-face contact, meeting or site visit (or a reply letter stating face-to-face contact) ÷ (assigned − withdrawn). ${common.en}`,
    },
  },
  satisfiedStrict: {
    label: { zh: '满意率', en: 'Satisfaction rate (strict)' },
    numerator: 'satisfied',
    denominator: 'validFeedback',
    text: {
      zh: `领衔代表对办理结果评价「满意」的件数 ÷ 有效反馈件数。提醒后仍未反馈的不计入有效反馈。以最后一轮评价为准。`,
      en: `Items the lead deputy rated "satisfied" on the result ÷ items with valid feedback. Items closed without feedback after a reminder are left out. The last round's rating counts.`,
    },
  },
  satisfiedInclusive: {
    label: { zh: '满意率（含基本满意）', en: 'Satisfaction rate (incl. basically)' },
    numerator: 'satisfiedOrBasically',
    denominator: 'validFeedback',
    text: {
      zh: `（满意 + 基本满意）件数 ÷ 有效反馈件数。未反馈的不计入；以最后一轮评价为准。`,
      en: `(Satisfied + basically satisfied) ÷ items with valid feedback. Items without feedback are left out; the last round's rating counts.`,
    },
  },
  solved: {
    label: { zh: '解决率', en: 'Solved rate' },
    numerator: 'solved',
    denominator: 'replied',
    text: {
      zh: `答复为「已解决或基本解决」（A 类，按本级答复类别设置）的件数 ÷ 已答复件数。多个分办单位的，须各单位均为 A 类。`,
      en: `Items replied as solved or basically solved (class A, per the body's outcome classes) ÷ replied items. With several separate units, every unit's reply must be class A.`,
    },
  },
  solvedOrPlanned: {
    label: { zh: '解决和计划解决率', en: 'Solved or planned rate' },
    numerator: 'solvedOrPlanned',
    denominator: 'replied',
    text: {
      zh: `答复为 A 类或 B 类（正在解决或列入计划解决）的件数 ÷ 已答复件数。`,
      en: `Items replied as class A or B (being solved or planned) ÷ replied items.`,
    },
  },
  fulfilment: {
    label: { zh: '落实率', en: 'Fulfilment rate' },
    numerator: 'promisesFulfilled',
    denominator: 'promises',
    text: {
      zh: `跟踪办理台账中已兑现的承诺数 ÷ 承诺总数（被后续答复取代的承诺不计）。`,
      en: `Promises on the follow-up ledger fulfilled ÷ all promises (promises superseded by a later reply are left out).`,
    },
  },
};

export const countDefinitions: Record<CountKey, Definition> = {
  assigned: {
    label: { zh: '交办件数', en: 'Assigned' },
    text: {
      zh: '已交办的建议件数（含其后撤回的）。',
      en: 'Items assigned to units (including those later withdrawn).',
    },
  },
  withdrawn: {
    label: { zh: '撤回件数', en: 'Withdrawn' },
    text: {
      zh: '交办后由领衔代表撤回的件数，不计入各项比率。',
      en: 'Items withdrawn by the lead deputy after assignment; left out of every rate.',
    },
  },
  total: {
    label: { zh: '应办件数', en: 'To handle' },
    text: { zh: '交办件数 − 撤回件数。', en: 'Assigned − withdrawn.' },
  },
  replied: {
    label: { zh: '已答复（办结）', en: 'Replied' },
    text: {
      zh: '所有主办、分办单位均已签发答复的件数（重新办理中的不计）。',
      en: 'Items every lead or separate unit has replied to (items being re-handled do not count).',
    },
  },
  onTime: {
    label: { zh: '按时答复', en: 'Replied on time' },
    text: { zh: '在（延期后的）答复期限内答复的件数。', en: 'Items replied by the (extended) deadline.' },
  },
  faceToFace: {
    label: { zh: '面商件数', en: 'Face to face' },
    text: {
      zh: '至少一次当面沟通、座谈或现场察看的件数。',
      en: 'Items with at least one face-to-face contact.',
    },
  },
  validFeedback: {
    label: { zh: '有效反馈', en: 'Valid feedback' },
    text: {
      zh: '领衔代表已评价的件数（未反馈办结的不计）。',
      en: 'Items the lead deputy has rated (items closed without feedback are not).',
    },
  },
  noFeedback: {
    label: { zh: '未反馈', en: 'No feedback' },
    text: {
      zh: '提醒后仍未评价、按未反馈办结的件数，不计入满意率。',
      en: 'Items closed without feedback after a reminder; left out of satisfaction.',
    },
  },
  satisfied: {
    label: { zh: '满意', en: 'Satisfied' },
    text: { zh: '最后一轮评价为「满意」的件数。', en: 'Items whose last rating is "satisfied".' },
  },
  satisfiedOrBasically: {
    label: { zh: '满意和基本满意', en: 'Satisfied or basically' },
    text: {
      zh: '最后一轮评价为「满意」或「基本满意」的件数。',
      en: 'Items whose last rating is satisfied or basically satisfied.',
    },
  },
  unsatisfied: {
    label: { zh: '不满意', en: 'Unsatisfied' },
    text: { zh: '最后一轮评价为「不满意」的件数。', en: 'Items whose last rating is "unsatisfied".' },
  },
  solved: {
    label: { zh: 'A 类（已解决）', en: 'Class A (solved)' },
    text: {
      zh: '最后一轮答复为已解决或基本解决的件数。',
      en: 'Items whose last reply is solved or basically solved.',
    },
  },
  solvedOrPlanned: {
    label: { zh: 'A + B 类', en: 'Class A + B' },
    text: { zh: '最后一轮答复为 A 类或 B 类的件数。', en: 'Items whose last reply is class A or B.' },
  },
  promises: {
    label: { zh: '承诺事项', en: 'Promises' },
    text: {
      zh: '跟踪办理台账中的承诺数（被取代的不计）。',
      en: 'Promises on the follow-up ledger (superseded ones left out).',
    },
  },
  promisesFulfilled: {
    label: { zh: '已兑现', en: 'Fulfilled' },
    text: { zh: '已兑现的承诺数。', en: 'Promises fulfilled.' },
  },
  overdue: {
    label: { zh: '超期件数', en: 'Overdue' },
    text: {
      zh: '今天已过（延期后的）答复期限仍未答复的件数。',
      en: 'Items still unreplied after the (extended) deadline, as of today.',
    },
  },
  warnings: {
    label: { zh: '预警件数', en: 'Warnings' },
    text: {
      zh: '未超期、但已过答复期限预警点（本级设置的期限比例，默认 80%）仍未答复的件数。',
      en: 'Items not yet overdue but past the warning point of the reply period (the body’s share setting, 80 % by default) and still unreplied.',
    },
  },
};

export const averageDaysDefinition: Definition = {
  label: { zh: '平均答复天数', en: 'Average days to reply' },
  text: {
    zh: '已答复建议从交办之日到最后一次答复签发之日的自然日平均数，保留一位小数。',
    en: 'Calendar days from assignment to the last reply sent, averaged over replied items, one decimal.',
  },
};

/** `label：text` in the requested language, for `.describe()` and Excel notes. */
export function definitionText(definition: Definition, language: 'zh' | 'en' = 'zh'): string {
  return `${definition.label[language]}：${definition.text[language]}`;
}
