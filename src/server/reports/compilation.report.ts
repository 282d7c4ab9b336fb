import { chineseDateOf } from '../documents/chinese-date.js';
import { assignmentRoleLabels } from '../../shared/schemas/suggestions.js';
import type { ReportBlock } from './report.model.js';

/** One item of the compilation with what is printed about it. */
export interface CompiledItem {
  serialLabel: string;
  title: string;
  leadDeputyName: string;
  coSignerNames: string[];
  categoryName: string | null;
  grounds: string;
  proposals: string;
  units: { unitName: string; role: string }[];
  replies: {
    unitName: string;
    round: number;
    outcomeLabel: string;
    documentNo: string;
    body: string;
    sentAt: string | null;
  }[];
}

function unitsText(units: CompiledItem['units']): string {
  return units
    .map((u) => {
      const label = (assignmentRoleLabels as Record<string, { zh: string } | undefined>)[u.role];
      return `${u.unitName}（${label?.zh ?? u.role}）`;
    })
    .join('、');
}

/** The contents table at the front: serial, title, lead deputy, units. */
export function contentsTable(items: CompiledItem[]): ReportBlock {
  return {
    type: 'table',
    caption: '目\u3000录',
    columns: [
      { title: '编号', width: 2.1 },
      { title: '案由', width: 5 },
      { title: '领衔代表', width: 1.5 },
      { title: '承办单位', width: 3 },
    ],
    rows: items.map((i) => [i.serialLabel, i.title, i.leadDeputyName, unitsText(i.units)]),
  };
}

/** One suggestion and its reply letters: facts line, 案据, 建议, then each reply in order. */
export function itemBlocks(item: CompiledItem): ReportBlock[] {
  const facts = [
    `领衔代表：${item.leadDeputyName}`,
    item.coSignerNames.length > 0 ? `联名代表：${item.coSignerNames.join('、')}` : null,
    item.categoryName ? `类别：${item.categoryName}` : null,
    item.units.length > 0 ? `承办单位：${unitsText(item.units)}` : null,
  ].filter((part): part is string => part !== null);
  const blocks: ReportBlock[] = [
    { type: 'heading', level: 2, text: `${item.serialLabel}\u3000${item.title}` },
    { type: 'note', text: facts.join('；') },
    { type: 'paragraph', text: `案据：${item.grounds}` },
    { type: 'paragraph', text: `建议：${item.proposals}` },
  ];
  if (item.replies.length === 0) blocks.push({ type: 'note', text: '（尚未答复）' });
  for (const reply of item.replies) {
    const round = reply.round > 1 ? `，第${reply.round}次办理` : '';
    blocks.push({
      type: 'note',
      text: `【${reply.unitName}答复】${reply.documentNo}，${reply.outcomeLabel}${round}，${chineseDateOf(reply.sentAt)}`,
    });
    // The salutation (「某某代表：」) stands flush left, as in the letter.
    const [first = '', ...rest] = reply.body.split('\n');
    if (/[：:]$/.test(first.trim()) && first.length <= 30) {
      blocks.push({ type: 'paragraph', text: first.trim(), indent: false });
      if (rest.length > 0) blocks.push({ type: 'paragraph', text: rest.join('\n') });
    } else blocks.push({ type: 'paragraph', text: reply.body });
  }
  return blocks;
}
