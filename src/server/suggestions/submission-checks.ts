import type { RuleProfile } from '../../shared/schemas/settings.js';
import type { LocalisedText } from '../platform/errors.js';

export interface SubmissionProblem {
  field: string;
  message: LocalisedText;
}

export interface SubmissionCheck {
  ok: boolean;
  problems: SubmissionProblem[];
  /** Advice that does not block submission. */
  hints: LocalisedText[];
  negativeListHits: { item: string; words: string[] }[];
}

interface Content {
  title: string;
  grounds: string;
  proposals: string;
  categoryId: string | null;
}

const minimum = { title: 4, grounds: 20, proposals: 10 };

/** Numbered points like "一、…二、…" or "1. … 2. …" in the proposals, as a sign of several matters. */
function countNumberedPoints(text: string): number {
  const chinese = text.match(/(^|\n|\s|[。；;：:])[一二三四五六七八九十]+[、.．]/g)?.length ?? 0;
  const arabic = text.match(/(^|\n|\s|[。；;：:])[0-9]{1,2}[、.．)）]/g)?.length ?? 0;
  return Math.max(chinese, arabic);
}

/**
 * The checks before a suggestion may be submitted (`DOMAIN.md` §4.1): the three parts present, a
 * category chosen, nothing on the negative list; and a hint when the text may hold several matters
 * (一事一议).
 */
export function checkSubmission(content: Content, profile: RuleProfile): SubmissionCheck {
  const problems: SubmissionProblem[] = [];
  const part = (field: keyof typeof minimum, zh: string, en: string) => {
    const length = content[field].trim().length;
    if (length === 0)
      problems.push({ field, message: { zh: `「${zh}」不能为空`, en: `"${en}" is required` } });
    else if (length < minimum[field])
      problems.push({
        field,
        message: {
          zh: `「${zh}」至少 ${minimum[field]} 个字`,
          en: `"${en}" needs at least ${minimum[field]} characters`,
        },
      });
  };
  part('title', '案由', 'Title');
  part('grounds', '案据', 'Grounds');
  part('proposals', '建议', 'Proposals');
  if (!content.categoryId)
    problems.push({ field: 'categoryId', message: { zh: '请选择「分类」', en: 'Choose a "Category"' } });

  const text = `${content.title}\n${content.grounds}\n${content.proposals}`;
  const negativeListHits = profile.negativeList
    .map((entry) => ({
      item: entry.label,
      words: entry.keywords.filter((word) => word && text.includes(word)),
    }))
    .filter((hit) => hit.words.length > 0);
  for (const hit of negativeListHits)
    problems.push({
      field: 'grounds',
      message: {
        zh: `内容可能属于不作为代表建议的事项「${hit.item}」（涉及：${hit.words.join('、')}）`,
        en: `The text may fall under the excluded matter "${hit.item}" (words: ${hit.words.join(', ')})`,
      },
    });

  const hints: LocalisedText[] = [];
  const points = countNumberedPoints(content.proposals);
  if (points >= 4)
    hints.push({
      zh: `建议部分列出了 ${points} 条，请确认属于同一事项（一事一议），不同事项请分别提出。`,
      en: `The proposals list ${points} points; make sure they concern one matter, or submit them separately.`,
    });
  return { ok: problems.length === 0, problems, hints, negativeListHits };
}
