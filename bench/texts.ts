/**
 * Texts of the synthetic province, composed from the demo's vocabulary of real matters
 * (`src/server/demo/demo.matters.ts` and their other wordings), place names and a few
 * connecting sentences, so full-text search and similarity see realistic Chinese.
 */
import { demoCategories, demoMatters } from '../src/server/demo/demo.matters.js';
import { matterVariants } from '../src/server/demo/demo.matter-variants.js';
import { replyBody } from '../src/server/demo/demo.texts.js';
import { surnames, givenNameCharacters } from '../src/server/demo/demo.data.js';
import type { seededRandom } from '../src/server/demo/demo.random.js';
import { must } from './lib/must.js';

type Random = ReturnType<typeof seededRandom>;

export const categoryNames = demoCategories.map((c) => c.name);

const placeHeads =
  '青柳石白东南北梨凤云双金桃新龙清安永兴长丰和平宁福华阳泉河山湖岭溪川桥林松竹梅兰荷杏枫'.split('');
const placeTails = '水口坪岗营集店寨庄湾沟塘坡庙堡关铺坝洲'.split('');

/** A place name from two characters and a kind, e.g. 柳口镇 (fictional, like the demo's). */
export function placeName(random: Random, kind: '镇' | '乡' | '街道' | '县' | '市'): string {
  return random.pick(placeHeads) + random.pick(placeTails) + kind;
}

export function personName(random: Random): string {
  return (
    random.pick(surnames) +
    random.pick(givenNameCharacters) +
    (random.next() < 0.7 ? random.pick(givenNameCharacters) : '')
  );
}

const openers = [
  '近年来，',
  '据群众反映，',
  '经走访调研发现，',
  '在代表联络站接待中，多位群众反映，',
  '',
  '',
];
const closers = [
  '群众对此意见较大，希望有关部门尽快研究解决。',
  '这一问题已连续多年被代表提出，至今仍未得到根本解决。',
  '该问题关系群众切身利益，社会关注度高。',
  '据不完全统计，涉及群众{n}余户。',
  '',
];
const proposalTails = ['', '同时建立长效管理机制，定期向代表通报进展。', '建议明确责任单位和完成时限。'];

/** A rare matter (about 1 item in 20,000): the "rare word" of the search scenario is 银杏. */
const rareMatter = {
  title: '关于保护{place}古银杏群落的建议',
  grounds: '{place}境内有树龄三百年以上的古银杏十余株，近年周边施工频繁，部分古树根系受损、长势衰弱。',
  proposals: '建议对古银杏挂牌建档，划定保护范围，聘请专业机构开展复壮养护。',
};
export const rareWord = '银杏';
export const commonWord = '停车';

export interface ComposedMatter {
  matterIndex: number;
  category: string;
  title: string;
  grounds: string;
  proposals: string;
}

/** Title, grounds and proposals of one item about `place`. */
export function composeMatter(random: Random, place: string): ComposedMatter {
  const fill = (s: string) =>
    s.replaceAll('{place}', place).replaceAll('{n}', String(random.int(2, 90) * 10));
  if (random.next() < 1 / 20_000)
    return {
      matterIndex: -1,
      category: '生态环境',
      title: fill(rareMatter.title),
      grounds: fill(rareMatter.grounds),
      proposals: fill(rareMatter.proposals),
    };
  const matterIndex = Math.floor(random.next() * demoMatters.length);
  const matter = must(demoMatters[matterIndex], 'matter');
  const variant = matterVariants[matterIndex];
  const useVariant = variant !== undefined && random.next() < 0.5;
  const title = useVariant ? random.pick(variant.titles) : matter.title;
  const grounds = useVariant ? random.pick(variant.grounds) : matter.grounds;
  const proposals = useVariant ? random.pick(variant.proposals) : matter.proposals;
  return {
    matterIndex,
    category: matter.category,
    title: fill(title),
    grounds: fill(random.pick(openers) + grounds + random.pick(closers)),
    proposals: fill(proposals + random.pick(proposalTails)),
  };
}

export function replyLetter(
  random: Random,
  deputyName: string,
  title: string,
  proposals: string,
  outcome: string,
  date: string,
): string {
  return replyBody({
    deputyName,
    title,
    proposals,
    outcome,
    pick: random.pick,
    date,
    target: `${Number(date.slice(0, 4)) + 1}年${random.pick(['6', '9', '12'])}月底`,
  });
}

/** What citizens bring to a liaison station, by category. */
export const receptionMatters: { category: string; matter: string }[] = [
  {
    category: 'infrastructure',
    matter: '{place}东街小区门口的路灯坏了一个多月，晚上老人孩子出行很不安全，希望尽快修好。',
  },
  { category: 'infrastructure', matter: '{place}村里的通村公路坑洼严重，雨天积水，农产品运不出去。' },
  {
    category: 'education',
    matter: '{place}中心小学放学时校门口车辆乱停，建议设置临时停车区并安排交通引导。',
  },
  {
    category: 'social_security',
    matter: '咨询城乡居民养老保险缴费档次和政府补贴，{place}不少老人不清楚政策。',
  },
  { category: 'environment', matter: '{place}河上游有养殖场污水直排，河水发黑发臭，请求有关部门查处。' },
  { category: 'health', matter: '{place}卫生院缺少儿科医生，孩子看病要跑到县城，希望增加儿科门诊。' },
  { category: 'agriculture', matter: '{place}今年小麦受灾，询问农业保险理赔办理流程。' },
  { category: 'public_safety', matter: '{place}集镇十字路口没有红绿灯，赶集日车辆人员混行，容易出事故。' },
  { category: 'economy', matter: '{place}农贸市场摊位费上涨，商户经营困难，希望规范收费。' },
  { category: 'other', matter: '反映{place}小区物业服务差、收费不透明，业主委员会成立难。' },
];
