/** The rule profile page: one label per field of `ruleProfileSchema`. */
export const rulesMessages = {
  rulesTitle: { zh: '规则设置', en: 'Rule profile' },
  rulesIntro: {
    zh: '各地办理规则不同：期限、议案门槛、答复分类、审查层级等按人大机关设置，下级未设置时沿用上级，均未设置时使用河南省默认规则。',
    en: 'Rules differ by place. Each congress body may set its own; otherwise it inherits from its parent, and by default uses the Henan rules.',
  },
  rulesBody: { zh: '人大机关', en: 'Congress body' },
  rulesSourceOwn: { zh: '本机关自定规则', en: 'This body’s own rules' },
  rulesSourceOwnText: {
    zh: '以下设置由本机关保存。可随时恢复为继承上级（或默认）的规则。',
    en: 'These settings belong to this body. You can go back to inheriting at any time.',
  },
  rulesSourceInherited: { zh: '继承自「{body}」', en: 'Inherited from “{body}”' },
  rulesSourceInheritedText: {
    zh: '本机关未单独设置，沿用上级规则。保存后将成为本机关自己的规则。',
    en: 'This body has no rules of its own. Saving makes these its own rules.',
  },
  rulesSourceDefault: { zh: '默认规则（河南省）', en: 'Default rules (Henan)' },
  rulesSourceDefaultText: {
    zh: '本机关及上级均未设置，使用河南省的默认规则。保存后将成为本机关自己的规则。',
    en: 'Neither this body nor its parents set rules, so the Henan defaults apply. Saving makes them this body’s own.',
  },
  rulesRestore: { zh: '恢复继承', en: 'Restore inheritance' },
  rulesRestoreConfirm: {
    zh: '将删除本机关自己的规则，改为沿用上级或默认规则。确定吗？',
    en: 'This deletes the body’s own rules and inherits again. Continue?',
  },
  rulesRestored: { zh: '已恢复继承', en: 'Inheritance restored' },
  rulesReadOnly: {
    zh: '您不是该机关的管理员或代表工委工作人员，只能查看。',
    en: 'You are not an administrator or office staff of this body: read only.',
  },

  sectionDeadlines: { zh: '办理期限', en: 'Deadlines' },
  sectionDeadlinesHelp: {
    zh: '按民法典计算：起算日不计入，期满日遇节假日顺延至下一个工作日。',
    en: 'Counted per the Civil Code: the start day does not count; a deadline on a rest day moves to the next working day.',
  },
  deadlineReply: { zh: '交办后答复期限', en: 'Reply after assignment' },
  deadlineMaxTotalWithExtension: { zh: '延期后最长期限', en: 'Maximum with extension' },
  deadlineAdjustmentWindow: { zh: '申请调整交办期限', en: 'Adjustment request window' },
  deadlineCoUnitOpinion: { zh: '协办单位提出意见期限', en: 'Co-unit opinion' },
  deadlineFirstContact: { zh: '首次联系代表期限', en: 'First contact with the deputy' },
  deadlineDeputyFeedback: { zh: '代表反馈意见期限', en: 'Deputy feedback' },
  deadlineRehandling: { zh: '不满意重新办理期限', en: 'Re-handling after dissatisfaction' },
  deadlineRecessAssignment: { zh: '闭会期间建议交办期限', en: 'Recess suggestion assignment' },
  periodMonths: { zh: '月', en: 'months' },
  periodDays: { zh: '日', en: 'days' },
  periodWorkingDays: { zh: '工作日', en: 'working days' },

  sectionMotions: { zh: '议案联名人数', en: 'Motion co-signers' },
  sectionMotionsHelp: {
    zh: '代表联名提出议案所需的最少人数，按人大层级。',
    en: 'Fewest deputies needed to table a motion, by level.',
  },

  sectionOutcomes: { zh: '答复分类', en: 'Outcome classes' },
  sectionOutcomesHelp: {
    zh: '答复函的办理结果分类（2 至 8 类），及其计入的统计口径。',
    en: 'Classes of reply outcome (2 to 8) and the statistic each counts towards.',
  },
  outcomeCode: { zh: '代号', en: 'Code' },
  outcomeLabel: { zh: '含义', en: 'Meaning' },
  outcomeCounts: { zh: '统计口径', en: 'Counts as' },
  countsSolved: { zh: '已解决（计入解决率）', en: 'Solved' },
  countsPlanned: { zh: '计划解决（计入解决和计划解决率）', en: 'Planned' },
  countsLater: { zh: '待以后解决', en: 'Later' },
  countsReference: { zh: '留作参考', en: 'For reference' },
  outcomeAdd: { zh: '添加分类', en: 'Add class' },

  sectionTiers: { zh: '审查层级', en: 'Review tiers' },
  sectionTiersHelp: {
    zh: '建议提交后依次经过的审查环节（1 至 6 级）。标识只能用小写字母和下划线。',
    en: 'Review steps a suggestion passes in order (1 to 6). Keys use lower-case letters and underscores.',
  },
  tierKey: { zh: '标识', en: 'Key' },
  tierName: { zh: '名称', en: 'Name' },
  tierRoles: { zh: '审查角色', en: 'Reviewing roles' },
  negativeLabel: { zh: '情形', en: 'Matter' },
  negativeKeywords: {
    zh: '提示词（回车分隔，命中时提交被拦下）',
    en: 'Keywords (Enter to add; a hit blocks submission)',
  },
  tierAdd: { zh: '添加层级', en: 'Add tier' },
  tierKeyRule: { zh: '只能使用小写字母和下划线', en: 'Lower-case letters and underscores only' },

  sectionOther: { zh: '重点建议、满意度与提醒', en: 'Key suggestions, satisfaction and warnings' },
  keySuggestionMinSigners: { zh: '建议列为重点的联名人数', en: 'Co-signers that propose a key suggestion' },
  satisfactionThresholdPercent: { zh: '满意率警戒线', en: 'Satisfaction threshold' },
  satisfactionThresholdHelp: {
    zh: '低于此比例须向常委会报告并整改',
    en: 'Below this rate, report to the standing committee and rectify',
  },
  warningSharePercent: { zh: '期限提醒点', en: 'Deadline warning at' },
  warningShareHelp: {
    zh: '答复期限过去该比例仍未答复时提醒',
    en: 'Warn when this share of the reply period has passed without a reply',
  },
  receptionDayOfMonth: { zh: '每月代表接待日', en: 'Monthly reception day' },
  receptionDayHelp: { zh: '每月第几日，遇节假日顺延', en: 'Day of the month; moves past holidays' },
  backToBackRating: { zh: '背靠背测评', en: 'Back-to-back rating' },
  backToBackHelp: {
    zh: '开启后承办单位看不到代表的逐件评价',
    en: 'Units cannot see individual deputies’ ratings',
  },
  undisclosedOnPortal: { zh: '不公开建议在门户上', en: 'Undisclosed items on the portal' },
  undisclosedHidden: { zh: '完全不显示', en: 'Hidden' },
  undisclosedTitleOnly: { zh: '只显示标题', en: 'Title only' },
  dayOfMonthSuffix: { zh: '日', en: '' },

  sectionNegative: { zh: '不予受理情形（负面清单）', en: 'Negative list' },
  sectionNegativeHelp: {
    zh: '提交时提示代表：属于以下情形的不作为建议受理。',
    en: 'Deputies are told at submission that these matters are not accepted as suggestions.',
  },
  negativeAdd: { zh: '添加情形', en: 'Add item' },
} as const;
