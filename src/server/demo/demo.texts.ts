/** Texts of the demo history: plans, contacts, co-unit opinions, replies, ratings, supervision. */

export const contactSummaries: Record<'before' | 'during' | 'after', string[]> = {
  before: [
    '登门拜访代表，听取代表对建议的具体想法，共同商定办理思路和时间安排。',
    '电话联系代表，说明办理分工和初步打算，代表表示认可。',
    '邀请代表到现场察看，共同确认问题点位和整改范围。',
    '召开座谈会，代表、相关股室和镇村干部参加，逐条研究建议内容。',
  ],
  during: [
    '向代表通报办理进展，听取代表对实施方案的意见。',
    '陪同代表现场查看施工进度，代表提出的补充意见已纳入方案。',
  ],
  after: [
    '答复后回访代表，代表对办理态度表示满意，希望持续跟进。',
    '电话回访代表，介绍后续工作安排，代表表示理解。',
  ],
};

export const planTexts = [
  '成立由分管领导牵头的办理专班，明确责任股室，先开展实地调研，再制定实施方案，按期答复代表。',
  '列入本单位年度重点工作，责任到股室和个人，办理前与代表沟通，办理中通报进展，办理后回访。',
  '会同相关乡镇和部门联合调研，摸清底数后提出解决方案，确需跨年度实施的列入计划跟踪办理。',
];

export const coOpinions = [
  '我单位职责范围内的事项已研究，同意主办单位的办理意见，将在资金和政策上予以配合。',
  '经研究，我单位将结合年度工作计划做好配合，具体意见已书面提交主办单位。',
  '该事项涉及我单位的部分已安排专人对接，建议主办单位统筹推进，我单位全力配合。',
];

export const extensionReasons = [
  '该建议涉及多个部门和乡镇，需要联合调研论证，无法在三个月内办结，申请延期。',
  '涉及项目立项和资金安排，须待县政府常务会议研究，申请延期答复。',
];

const outcomeSentences: Record<string, string[]> = {
  A: [
    '经认真研究和实地调研，您提出的问题已基本解决：{action}相关工作已于{date}前完成，群众反映良好。',
    '我单位高度重视，已按您的建议落实：{action}目前已全部完成，后续将加强日常管理，巩固成效。',
  ],
  B: [
    '您的建议很有针对性，我单位已将相关事项列入{year}年度工作计划：{action}预计{target}前完成，届时将及时向您报告。',
    '目前该事项正在推进中：{action}已完成前期调研和方案编制，计划于{target}前全部实施到位。',
  ],
  C: [
    '您反映的问题确实存在，但受资金和规划条件限制，暂时难以全面解决。我们将积极争取上级项目支持，待条件成熟时优先安排。',
    '经研究，该事项需纳入上级规划统筹实施，目前条件尚不具备。我单位已向上级主管部门汇报，条件具备后抓紧落实。',
  ],
  D: [
    '您的建议对改进我县相关工作很有参考价值，我单位将在制定相关政策和规划时认真研究吸收。',
    '经研究，该事项涉及面广、情况复杂，我单位将您的建议留作参考，在今后工作中统筹考虑。',
  ],
};

/** A reply letter's body: salutation, the outcome in the unit's words, the closing. */
export function replyBody(input: {
  deputyName: string;
  title: string;
  proposals: string;
  outcome: string;
  pick: <T>(items: readonly T[]) => T;
  date: string;
  target: string;
}): string {
  const year = input.date.slice(0, 4);
  const sentence = input
    .pick(outcomeSentences[input.outcome] ?? outcomeSentences.D ?? [])
    .replaceAll('{action}', input.proposals.replace(/[。；]$/, '，'))
    .replaceAll('{date}', input.date)
    .replaceAll('{target}', input.target)
    .replaceAll('{year}', year);
  return `${input.deputyName}代表：\n您提出的《${input.title}》收悉。现答复如下：\n${sentence}\n感谢您对我县工作的关心和支持，欢迎继续提出宝贵意见。`;
}

export const unsatisfiedReasons = [
  '答复内容笼统，没有明确的解决时限，问题至今没有实质性变化。',
  '承办单位没有与本人沟通就作出答复，现场情况与答复不符。',
  '答复只讲困难，没有提出可行的解决办法，群众意见仍然很大。',
  '答复中承诺的事项没有落实，希望重新办理并明确责任人。',
];

export const progressReports = [
  '已完成项目前期调研和方案设计，正在履行审批程序。',
  '项目已开工建设，完成工程量约一半。',
  '主体工程已完工，正在进行附属设施建设和验收准备。',
  '资金已落实，正在组织招标。',
];

export const supervisionSummaries: Record<'meeting' | 'site_visit' | 'report_heard', string[]> = {
  meeting: ['召开督办座谈会，听取承办单位办理情况汇报，协调解决资金和用地问题。'],
  site_visit: ['带领督办组到现场察看项目推进情况，要求承办单位倒排工期、按期完成。'],
  report_heard: ['听取承办单位专题汇报，对下一步办理提出明确要求。'],
};

export const fulfilledNotes = [
  '经现场核查，承诺事项已全部落实。',
  '项目已竣工验收，代表回访表示认可。',
  '承办单位报送完成情况，经核实已落实。',
];
