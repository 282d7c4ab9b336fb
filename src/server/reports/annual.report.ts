import type { CjkFonts } from '../documents/fonts.js';
import { chineseDate } from '../documents/chinese-date.js';
import type { IndicatorRow, IndicatorSet, Rate } from '../../shared/schemas/stats.js';
import type { UnitAppraisal } from '../../shared/schemas/appraisal.js';
import {
  averageDaysDefinition,
  definitionText,
  rateDefinitions,
  rateKeys,
} from '../../shared/stats-definitions.js';
import { barChart, pieChart } from './charts.js';
import type { ReportBlock, ReportDocument } from './report.model.js';

/** A listed item: serial label and title, then the columns of its table. */
export interface ListedItem {
  serialLabel: string;
  title: string;
}

export interface AnnualReportInput {
  bodyName: string;
  year: number;
  /** 「2026年11月21日」 */
  generatedOn: string;
  /** Day the time-dependent figures were taken (YYYY-MM-DD). */
  asOf: string;
  totals: IndicatorSet;
  byUnit: IndicatorRow[];
  keyItems: (ListedItem & { leadDeputy: string; leaders: string; units: string; status: string })[];
  unsatisfied: (ListedItem & { units: string; reason: string; outcome: string })[];
  appraisal: UnitAppraisal[];
}

/** A rate as 「93.5%」, or 「—」 without a denominator (the stats service rounds to one decimal). */
export function rateText(rate: Rate): string {
  return rate.value === null ? '—' : `${rate.value.toFixed(1)}%`;
}

const chartValue = (rate: Rate): number => rate.value ?? 0;

function summary(input: AnnualReportInput): string {
  const { counts, rates } = input.totals;
  return (
    `${input.year}年，${input.bodyName}共交办代表建议${counts.assigned}件，其中撤回${counts.withdrawn}件，应办理${counts.total}件。` +
    `截至${chineseDate(input.asOf)}，已答复${counts.replied}件，办结率${rateText(rates.closure)}；按时办结率${rateText(rates.onTime)}；` +
    `面商率${rateText(rates.faceToFace)}。代表有效反馈${counts.validFeedback}件，满意率${rateText(rates.satisfiedStrict)}` +
    `（含基本满意${rateText(rates.satisfiedInclusive)}）。已解决或基本解决${counts.solved}件，解决率${rateText(rates.solved)}；` +
    `解决和计划解决率${rateText(rates.solvedOrPlanned)}。列入跟踪办理的承诺${counts.promises}件，已兑现${counts.promisesFulfilled}件，` +
    `落实率${rateText(rates.fulfilment)}。目前超期未答复${counts.overdue}件，临近期限预警${counts.warnings}件。`
  );
}

function indicatorTable(totals: IndicatorSet): ReportBlock {
  return {
    type: 'table',
    caption: '表1  主要指标',
    columns: [
      { title: '指标', width: 3 },
      { title: '数值', width: 2, align: 'right' },
      { title: '分子 / 分母（件）', width: 3, align: 'center' },
    ],
    rows: [
      ...rateKeys.map((key) => {
        const rate = totals.rates[key];
        return [rateDefinitions[key].label.zh, rateText(rate), `${rate.numerator} / ${rate.denominator}`];
      }),
      [
        averageDaysDefinition.label.zh,
        totals.averageDaysToReply === null ? '—' : `${totals.averageDaysToReply.toFixed(1)}天`,
        '—',
      ],
    ],
  };
}

function outcomeCharts(totals: IndicatorSet, fonts: CjkFonts): ReportBlock[] {
  const { counts } = totals;
  const planned = counts.solvedOrPlanned - counts.solved;
  const other = counts.replied - counts.solvedOrPlanned;
  const basically = counts.satisfiedOrBasically - counts.satisfied;
  return [
    {
      type: 'chart',
      caption: '图1  答复类别分布',
      image: pieChart(
        '答复类别',
        [
          { name: 'A类 已解决或基本解决', value: counts.solved },
          { name: 'B类 正在解决或计划解决', value: planned },
          { name: 'C、D类 其他', value: other },
        ],
        fonts,
      ),
    },
    {
      type: 'chart',
      caption: '图2  代表评价分布',
      image: pieChart(
        '代表评价',
        [
          { name: '满意', value: counts.satisfied },
          { name: '基本满意', value: basically },
          { name: '不满意', value: counts.unsatisfied },
          { name: '未反馈', value: counts.noFeedback },
        ],
        fonts,
      ),
    },
  ];
}

function unitBlocks(rows: IndicatorRow[], fonts: CjkFonts): ReportBlock[] {
  if (rows.length === 0) return [{ type: 'paragraph', text: '本年度没有交办承办单位办理的建议。' }];
  const top = rows.slice(0, 20);
  return [
    {
      type: 'table',
      caption: '表2  各承办单位办理情况',
      columns: [
        { title: '承办单位', width: 4 },
        { title: '应办', width: 1.3, align: 'right' },
        { title: '已答复', width: 1.4, align: 'right' },
        { title: '办结率', width: 1.7, align: 'right' },
        { title: '按时办结率', width: 1.9, align: 'right' },
        { title: '满意率', width: 1.7, align: 'right' },
        { title: '解决率', width: 1.7, align: 'right' },
      ],
      rows: rows.map((r) => [
        r.label,
        String(r.indicators.counts.total),
        String(r.indicators.counts.replied),
        rateText(r.indicators.rates.closure),
        rateText(r.indicators.rates.onTime),
        rateText(r.indicators.rates.satisfiedStrict),
        rateText(r.indicators.rates.solved),
      ]),
    },
    {
      type: 'chart',
      caption: `图3  各承办单位按时办结率和满意率${rows.length > top.length ? `（前${top.length}个单位）` : ''}`,
      image: barChart(
        '按时办结率和满意率',
        top.map((r) => r.label),
        [
          { name: '按时办结率', values: top.map((r) => chartValue(r.indicators.rates.onTime)) },
          { name: '满意率', values: top.map((r) => chartValue(r.indicators.rates.satisfiedStrict)) },
        ],
        fonts,
        '%',
      ),
    },
  ];
}

function keyBlocks(items: AnnualReportInput['keyItems']): ReportBlock[] {
  if (items.length === 0) return [{ type: 'paragraph', text: '本年度未确定重点建议。' }];
  return [
    {
      type: 'paragraph',
      text: `主任会议确定重点建议${items.length}件，由领导领衔督办，办理情况如下。`,
    },
    {
      type: 'table',
      caption: '表3  重点建议办理情况',
      columns: [
        { title: '编号', width: 2.1 },
        { title: '案由', width: 4.2 },
        { title: '领衔代表', width: 1.9 },
        { title: '领办、督办领导', width: 2.6 },
        { title: '承办单位', width: 2.6 },
        { title: '办理状态', width: 1.5 },
      ],
      rows: items.map((i) => [i.serialLabel, i.title, i.leadDeputy, i.leaders, i.units, i.status]),
    },
  ];
}

function unsatisfiedBlocks(items: AnnualReportInput['unsatisfied']): ReportBlock[] {
  if (items.length === 0) return [{ type: 'paragraph', text: '本年度没有代表评价为不满意的建议。' }];
  return [
    {
      type: 'paragraph',
      text: `代表对${items.length}件建议的办理结果表示不满意，重新办理情况如下。`,
    },
    {
      type: 'table',
      caption: '表4  代表不满意事项及重新办理情况',
      columns: [
        { title: '编号', width: 2.1 },
        { title: '案由', width: 4.2 },
        { title: '承办单位', width: 2.4 },
        { title: '不满意理由', width: 3.4 },
        { title: '重新办理结果', width: 2.4 },
      ],
      rows: items.map((i) => [i.serialLabel, i.title, i.units, i.reason, i.outcome]),
    },
  ];
}

function appraisalBlocks(units: UnitAppraisal[]): ReportBlock[] {
  if (units.length === 0) return [{ type: 'paragraph', text: '本年度没有参加考评的承办单位。' }];
  const criteria = units[0]?.criteria ?? [];
  return [
    {
      type: 'paragraph',
      text: '按照按时答复、答复前联系代表、代表满意度、全程纪实表签字和承诺事项落实等项目对承办单位加权计分，各单位的逐项扣分明细可在系统中查看或导出。',
    },
    {
      type: 'table',
      caption: '表5  承办单位考评得分',
      columns: [
        { title: '名次', width: 1.3, align: 'center' },
        { title: '承办单位', width: 3.6 },
        { title: '总分', width: 1.3, align: 'right' },
        ...criteria.map((c) => ({ title: `${c.label}（${c.weight}）`, width: 1.9, align: 'right' as const })),
      ],
      rows: units.map((u) => [
        String(u.rank),
        u.unitName,
        u.score.toFixed(1),
        ...u.criteria.map((c) => c.points.toFixed(1)),
      ]),
    },
  ];
}

/** The annual handling report for the standing committee (DBF art. 51). */
export function annualReport(input: AnnualReportInput, fonts: CjkFonts): ReportDocument {
  const blocks: ReportBlock[] = [
    { type: 'heading', level: 1, text: '一、基本情况' },
    { type: 'paragraph', text: summary(input) },
    indicatorTable(input.totals),
    ...outcomeCharts(input.totals, fonts),
    { type: 'heading', level: 1, text: '二、各承办单位办理情况' },
    ...unitBlocks(input.byUnit, fonts),
    { type: 'heading', level: 1, text: '三、重点建议办理情况' },
    ...keyBlocks(input.keyItems),
    { type: 'heading', level: 1, text: '四、代表不满意事项办理情况' },
    ...unsatisfiedBlocks(input.unsatisfied),
    { type: 'heading', level: 1, text: '五、承办单位考评情况' },
    ...appraisalBlocks(input.appraisal),
    { type: 'heading', level: 1, text: '附：指标口径' },
    ...rateKeys.map((key): ReportBlock => ({ type: 'note', text: definitionText(rateDefinitions[key]) })),
    { type: 'note', text: definitionText(averageDaysDefinition) },
  ];
  return {
    title: `关于${input.year}年度代表建议、批评和意见办理情况的报告`,
    subtitle: `${input.bodyName}\u3000${input.generatedOn}`,
    author: input.bodyName,
    fileStem: `${input.bodyName}${input.year}年度代表建议办理情况报告`,
    fallbackStem: `annual-report-${input.year}`,
    blocks,
  };
}
