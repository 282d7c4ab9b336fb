import type { HandlingRecord } from '../../shared/schemas/records.js';
import { contactMethodLabels, contactStageLabels, ratingValueLabels } from '../../shared/schemas/handling.js';
import { assignmentRoleLabels, assignmentStatusLabels } from '../../shared/schemas/suggestions.js';
import type { AssignmentStatus } from '../../shared/schemas/suggestions.js';
import { chineseDate, chineseDateOf } from './chinese-date.js';
import { safeFileStem } from './letter.js';

export interface SheetRow {
  label: string;
  text: string;
}
export interface SheetSection {
  heading: string;
  rows: SheetRow[];
}
/** The handling record laid out as a form (全程纪实表): sections of label/text rows, then signatures. */
export interface RecordSheet {
  title: string;
  subtitle: string;
  sections: SheetSection[];
  signatures: { label: string; name: string; date: string; note: string }[];
  statusLine: string;
  fileStem: string;
}

const none = (text: string): SheetRow[] => [{ label: '', text }];

function assignmentRows(record: HandlingRecord): SheetRow[] {
  if (record.units.length === 0) return none('尚未交办。');
  return record.units.map((u) => {
    const parts = [
      `${chineseDate(u.assignedOn)}交办，答复期限${chineseDate(u.replyDueOn)}`,
      u.receivedAt ? `${chineseDateOf(u.receivedAt)}签收` : '',
      `状态：${assignmentStatusLabels[u.status as AssignmentStatus].zh}`,
      u.extension ?? '',
      u.repliedAt ? `${chineseDateOf(u.repliedAt)}答复` : '',
    ];
    return {
      label: `${u.unitName}（${assignmentRoleLabels[u.role].zh}）`,
      text: parts.filter((p) => p.length > 0).join('；'),
    };
  });
}

function planRows(record: HandlingRecord): SheetRow[] {
  const planned = record.units.filter((u) => u.plan !== null);
  if (planned.length === 0) return none('未填报办理方案。');
  return planned.map((u) => ({
    label: u.unitName,
    text: `承办人：${u.handlerName ?? ''}；计划${u.plannedFinishOn ? chineseDate(u.plannedFinishOn) : ''}前办结。\n${u.plan ?? ''}`,
  }));
}

function contactRows(record: HandlingRecord): SheetRow[] {
  if (record.contacts.length === 0) return none('无沟通记录。');
  return record.contacts.map((c) => ({
    label: `${contactStageLabels[c.stage].zh}·${contactMethodLabels[c.method].zh}`,
    text: `${chineseDate(c.contactOn)}，${c.unitName}；参加人员：${c.participants}。\n${c.summary}`,
  }));
}

function opinionRows(record: HandlingRecord): SheetRow[] {
  if (record.opinions.length === 0) return none('无协办单位。');
  return record.opinions.map((o) => ({
    label: o.unitName,
    text: o.lapsed
      ? '逾期未提出协办意见（已记录）。'
      : o.opinion
        ? `${chineseDateOf(o.opinionAt)}提出：${o.opinion}`
        : '尚未提出协办意见。',
  }));
}

function replyRows(record: HandlingRecord): SheetRow[] {
  if (record.replies.length === 0) return none('尚未答复。');
  return record.replies.map((r) => ({
    label: `第${r.round}轮答复`,
    text:
      `${r.unitName}\u3000${r.documentNo}\u3000答复类别：${r.outcomeClass}类（${r.outcomeLabel}）` +
      `${r.faceToFace ? '\u3000当面答复' : ''}；${chineseDateOf(r.sentAt)}签发。\n` +
      `签发流程：${r.signoffs.map((s) => `${s.stepName}${s.userName}（${chineseDateOf(s.signedAt)}）`).join(' → ')}`,
  }));
}

function ratingRows(record: HandlingRecord): SheetRow[] {
  if (record.ratingsHidden) return none('代表评价实行背靠背，承办单位不查看具体评价。');
  if (record.ratings.length === 0) return none('代表尚未评价。');
  return record.ratings.map((r) => ({
    label: `第${r.round}轮评价`,
    text:
      `${r.deputyName}${r.isLead ? '（领衔代表）' : ''}，${chineseDateOf(r.createdAt)}：` +
      `办理态度${ratingValueLabels[r.attitude].zh}，办理结果${ratingValueLabels[r.result].zh}` +
      `${r.reason ? `。理由：${r.reason}` : ''}`,
  }));
}

export function recordSheet(record: HandlingRecord): RecordSheet {
  const basics: SheetRow[] = [
    { label: '建议编号', text: record.serialLabel ?? '（未编号）' },
    { label: '建议标题', text: record.title },
    { label: '领衔代表', text: record.leadDeputyName },
    { label: '联名代表', text: record.coSignerNames.join('、') || '无' },
    { label: '会议', text: record.sessionName ?? '闭会期间' },
    { label: '类别', text: record.categoryName ?? '' },
  ];
  const sections: SheetSection[] = [
    { heading: '一、基本情况', rows: basics },
    { heading: '二、交办情况', rows: assignmentRows(record) },
    { heading: '三、办理方案', rows: planRows(record) },
    { heading: '四、沟通联系', rows: contactRows(record) },
    { heading: '五、协办意见', rows: opinionRows(record) },
    { heading: '六、答复情况', rows: replyRows(record) },
    { heading: '七、代表评价', rows: ratingRows(record) },
  ];
  if (record.returns.length > 0)
    sections.push({
      heading: '八、退回重新办理',
      rows: record.returns.map((r) => ({
        label: chineseDateOf(r.returnedAt),
        text: `${r.returnedByName}退回，限${chineseDate(r.dueOn)}前重新办理。原因：${r.reason}`,
      })),
    });
  return {
    title: '代表建议办理全程纪实表',
    subtitle: `${record.bodyName}\u3000${record.serialLabel ?? ''}`.trim(),
    sections,
    signatures: record.signatures.map((s) => ({
      label: `${s.stepName}签字`,
      name: s.signed
        ? `${s.userName ?? ''}${s.unitName && s.step === 'unit_leader' ? `（${s.unitName}）` : ''}`
        : '',
      date: chineseDateOf(s.signedAt),
      note: s.note ?? '',
    })),
    statusLine: `签字状态：${record.statusLabel.zh}${record.cycle > 1 ? `（第${record.cycle}轮）` : ''}`,
    fileStem: safeFileStem(`全程纪实表-${record.serialLabel ?? ''}${record.title}`),
  };
}
