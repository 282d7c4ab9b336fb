import type { IndicatorSet } from '../../shared/schemas/stats.js';
import type { UnitAppraisalDetail } from '../../shared/schemas/appraisal.js';
import { rateDefinitions, rateKeys } from '../../shared/stats-definitions.js';
import { rateText } from './annual.report.js';
import type { ReportBlock, ReportDocument } from './report.model.js';

export interface UnitReportInput {
  bodyName: string;
  unitName: string;
  /** 「第十八届人民代表大会第三次会议」 or 「2025年度」. */
  scopeText: string;
  generatedOn: string;
  indicators: IndicatorSet;
  appraisal: UnitAppraisalDetail;
  items: {
    serialLabel: string;
    title: string;
    role: string;
    status: string;
    dueOn: string;
    repliedOn: string;
  }[];
}

/** A unit's handling report: its numbers, its appraisal with every deduction, its items. */
export function unitReport(input: UnitReportInput): ReportDocument {
  const { unit, deductions } = input.appraisal;
  const { counts } = input.indicators;
  const blocks: ReportBlock[] = [
    { type: 'heading', level: 1, text: '一、办理情况' },
    {
      type: 'paragraph',
      text:
        `${input.scopeText}，${input.unitName}承办代表建议${counts.total}件（主办、分办），已答复${counts.replied}件，` +
        `超期未答复${counts.overdue}件。`,
    },
    {
      type: 'table',
      caption: '表1  主要指标',
      columns: [
        { title: '指标', width: 3 },
        { title: '数值', width: 2, align: 'right' },
        { title: '分子 / 分母（件）', width: 3, align: 'center' },
      ],
      rows: rateKeys.map((key) => {
        const rate = input.indicators.rates[key];
        return [rateDefinitions[key].label.zh, rateText(rate), `${rate.numerator} / ${rate.denominator}`];
      }),
    },
    { type: 'heading', level: 1, text: '二、考评得分' },
    {
      type: 'paragraph',
      text: `考评总分${unit.score.toFixed(1)}分${unit.rank > 0 ? `，在参加考评的承办单位中列第${unit.rank}位` : ''}。`,
    },
    {
      type: 'table',
      caption: '表2  考评项目得分',
      columns: [
        { title: '考评项目', width: 3 },
        { title: '权重', width: 1.2, align: 'right' },
        { title: '考核件数', width: 1.4, align: 'right' },
        { title: '扣分', width: 1.2, align: 'right' },
        { title: '得分', width: 1.2, align: 'right' },
      ],
      rows: unit.criteria.map((c) => [
        c.label,
        String(c.weight),
        String(c.itemCount),
        c.deducted.toFixed(1),
        c.points.toFixed(1),
      ]),
    },
    ...(deductions.length === 0
      ? [{ type: 'paragraph', text: '无扣分事项。' } as ReportBlock]
      : [
          {
            type: 'table',
            caption: '表3  扣分明细',
            columns: [
              { title: '编号', width: 2.1 },
              { title: '案由', width: 3.8 },
              { title: '扣分原因', width: 4.2 },
              { title: '扣分', width: 1, align: 'right' },
            ],
            rows: deductions.map((d) => [
              d.serialLabel ?? '—',
              d.title ?? '—',
              d.reason,
              d.points.toFixed(1),
            ]),
          } as ReportBlock,
        ]),
    { type: 'heading', level: 1, text: '三、承办建议清单' },
    input.items.length === 0
      ? { type: 'paragraph', text: '没有承办的建议。' }
      : {
          type: 'table',
          caption: '表4  承办建议清单',
          columns: [
            { title: '编号', width: 2.1 },
            { title: '案由', width: 4.4 },
            { title: '方式', width: 1 },
            { title: '状态', width: 1.4 },
            { title: '答复期限', width: 1.8 },
            { title: '答复日期', width: 1.8 },
          ],
          rows: input.items.map((i) => [i.serialLabel, i.title, i.role, i.status, i.dueOn, i.repliedOn]),
        },
  ];
  return {
    title: `${input.unitName}代表建议办理情况报告`,
    subtitle: `（${input.scopeText}\u3000${input.generatedOn}）`,
    author: input.bodyName,
    fileStem: `${input.unitName}代表建议办理情况报告-${input.scopeText}`,
    fallbackStem: 'unit-report',
    blocks,
  };
}
