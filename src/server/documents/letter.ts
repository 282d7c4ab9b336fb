import type { Reply } from '../../shared/schemas/handling.js';
import { chineseDateOf } from './chinese-date.js';

/** The reply letter (答复函) as laid out on paper; renderers draw it as PDF or Word. */
export interface ReplyLetter {
  /** 发文机关标志 (the letterhead), also the signature below the text. */
  unitName: string;
  documentNo: string;
  title: string;
  addressee: string;
  opening: string;
  paragraphs: string[];
  outcomeLine: string;
  date: string;
  /** 经办人：林静\u3000科室负责人：…\u3000单位负责人：… */
  signoffLine: string;
  contactLine: string | null;
  copyLine: string;
  /** The download's name, e.g. 答复函-青教函〔2025〕12号.pdf without the extension. */
  fileStem: string;
}

export interface LetterSource {
  reply: Reply;
  title: string;
  serialLabel: string | null;
  sessionName: string | null;
  leadDeputyName: string;
  coSignerNames: string[];
  bodyLevel: string;
  handlerName: string | null;
  handlerPhone: string | null;
}

/** Who gets a copy (抄送): the congress office and the government supervision office of the level. */
const copiesByLevel: Record<string, string> = {
  national: '全国人大常委会代表工作委员会、国务院办公厅督查室',
  province: '省人大常委会代表工委、省政府督查室',
  city: '市人大常委会代表工委、市政府督查室',
  county: '县人大常委会代表工委、县政府督查室',
  township: '乡（镇）人大主席团、乡（镇）人民政府办公室',
};

/** Characters a Windows or macOS file name may not hold. */
export function safeFileStem(text: string): string {
  return text.replace(/[\\/:*?"<>|\r\n\t]+/g, '-').slice(0, 80);
}

export function replyLetter(source: LetterSource): ReplyLetter {
  const { reply } = source;
  const others = source.coSignerNames;
  const many = others.length > 0;
  const title = many
    ? `关于对${source.leadDeputyName}等${others.length + 1}位代表建议的答复`
    : `关于对${source.leadDeputyName}代表建议的答复`;
  const names = [source.leadDeputyName, ...others];
  const addressee =
    names.length <= 3
      ? `尊敬的${names.join('、')}代表：`
      : `尊敬的${source.leadDeputyName}等${names.length}位代表：`;
  const where = source.sessionName ? `在${source.sessionName}期间` : '';
  const serial = source.serialLabel ? `（${source.serialLabel}）` : '';
  const subject = `《${source.title}》`;
  const opening = `${many ? '你们' : '您'}${where}提出的${subject}${serial}收悉。现答复如下：`;
  const paragraphs = reply.body
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const signoffLine = reply.signoffs.map((s) => `${s.stepName}：${s.userName}`).join('\u3000');
  const contact =
    source.handlerName || source.handlerPhone
      ? `联系人：${source.handlerName ?? ''}${source.handlerPhone ? `\u3000联系电话：${source.handlerPhone}` : ''}`
      : null;
  return {
    unitName: reply.unitName,
    documentNo: reply.documentNo,
    title,
    addressee,
    opening,
    paragraphs,
    outcomeLine: `答复类别：${reply.outcomeClass}类（${reply.outcomeLabel}）`,
    date: chineseDateOf(reply.sentAt),
    signoffLine,
    contactLine: contact,
    copyLine: `抄送：${copiesByLevel[source.bodyLevel] ?? copiesByLevel.county ?? ''}。`,
    fileStem: safeFileStem(`答复函-${reply.unitName}-${reply.documentNo}`),
  };
}
