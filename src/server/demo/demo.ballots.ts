import type { Executor } from '../db/executor.js';
import { newId } from '../platform/ids.js';
import { randomChoiceId, shuffled } from '../ballots/secrecy.js';
import type { DemoRepository } from './demo.repository.js';
import { seededRandom } from './demo.random.js';

const candidates: [title: string, unit: string, wan: number][] = [
  ['城区三所公办幼儿园扩容', '县教育局', 2800],
  ['老旧小区改造（第二批 12 个小区）', '县住房和城乡建设局', 4600],
  ['农村公路提档升级 60 公里', '县交通运输局', 5200],
  ['乡镇卫生院能力提升', '县卫生健康委员会', 1900],
  ['城区新增公共停车泊位 1500 个', '县城市管理局', 1300],
  ['农村饮水安全巩固提升', '县水利局', 2300],
  ['居家养老服务中心建设', '县民政局', 950],
  ['中小学校园安全设施改造', '县教育局', 780],
  ['县城供水管网改造', '县自来水有限公司', 3100],
  ['农贸市场标准化改造', '县市场监督管理局', 640],
  ['背街小巷路灯亮化', '县城市管理局', 420],
  ['新增城乡公交线路 8 条', '县交通运输局', 560],
  ['县人民医院急救能力建设', '县卫生健康委员会', 1500],
  ['农村生活污水治理', '市生态环境局青禾分局', 2700],
  ['青禾河滨河步道建设', '县住房和城乡建设局', 1200],
];

const excluded: [title: string, reason: string][] = [
  ['建设县城大型商业综合体', 'not_livelihood'],
  ['全县农户每户发放取暖补贴', 'beyond_capacity'],
  ['举债新建县体育中心', 'debt_risk'],
  ['按户收取小区改造费用', 'public_burden'],
  ['城东片区整体拆迁安置', 'stability_risk'],
];

interface Context {
  countyId: string;
  termId: string;
  sessionId: string;
  units: { id: string; name: string }[];
  countyDeputyIds: string[];
  /** The demo deputy's account votes live in the demo, so they have not voted yet. */
  demoDeputyId: string;
  at: string;
}

/**
 * A livelihood-project vote in progress at the session: proposals collected and screened, 15
 * candidates for 10 projects, and a secret ballot open with about two thirds of the county's
 * deputies having voted (stored as any vote is: who voted apart from the unlinked papers).
 */
export async function seedDemoBallots(repository: DemoRepository, trx: Executor, c: Context): Promise<void> {
  const { at } = c;
  // Its own sequence, so the rest of the demo county stays as it was.
  const random = seededRandom(20260113);
  const roundId = newId();
  const ballotId = newId();
  const unitId = (name: string) => c.units.find((u) => u.name === name)?.id ?? c.units[0]?.id ?? '';
  // About two thirds have voted; the demo deputy has not, so their account can vote in the demo.
  const voters = c.countyDeputyIds.filter((id) => id !== c.demoDeputyId && random.next() < 0.68);
  await repository.insertMany(
    'ballots',
    [
      {
        id: ballotId,
        body_id: c.countyId,
        term_id: c.termId,
        session_id: c.sessionId,
        title: '2026 年青禾县民生实事项目（代表票决）',
        description: '应选 10 项，每张选票最多选 10 项，多选无效。',
        kind: 'secret',
        question_type: 'select',
        max_selections: 10,
        score_max: null,
        electorate_json: JSON.stringify({ kind: 'deputies', attendeeDeputyIds: [] }),
        pass_rule_json: JSON.stringify({ kind: 'plurality', tieRule: 'runoff', requireMajorityOfAll: true }),
        allow_change: 0,
        require_presence: 0,
        opens_at: null,
        closes_at: null,
        purpose: 'livelihood_vote',
        purpose_id: roundId,
        status: 'open',
        electorate_size: c.countyDeputyIds.length,
        ballots_cast: voters.length,
        results_json: null,
        opened_at: at,
        closed_at: null,
        version: 1,
        created_by: null,
        created_at: at,
        updated_at: at,
      },
    ],
    trx,
  );
  await repository.insertMany(
    'livelihood_rounds',
    [
      {
        id: roundId,
        body_id: c.countyId,
        term_id: c.termId,
        session_id: c.sessionId,
        year: 2026,
        title: '2026 年青禾县民生实事项目',
        description:
          '面向全县群众公开征集，经筛选论证提出 15 个候选项目，提交县十八届人大五次会议票决 10 个。',
        nomination_starts_on: '2025-10-08',
        nomination_ends_on: '2025-11-15',
        seats: 10,
        candidate_ratio_percent: 150,
        tie_rule: 'runoff',
        require_majority: 1,
        satisfaction_rule_json: JSON.stringify({ kind: 'threshold', percent: 80, countBasic: true }),
        status: 'voting',
        vote_ballot_id: ballotId,
        satisfaction_ballot_id: null,
        published_at: null,
        version: 4,
        created_by: null,
        created_at: at,
        updated_at: at,
      },
    ],
    trx,
  );
  const projects = candidates.map(([title, unit, wan], index) => ({
    id: newId(),
    round_id: roundId,
    body_id: c.countyId,
    position: index + 1,
    title,
    description: `${title}，惠及群众，由${unit}组织实施。`,
    investment_fen: wan * 1_000_000,
    unit_id: unitId(unit),
    completion_date: '2026-12-31',
    status: 'candidate',
    votes: null,
    vote_rank: null,
    progress_percent: 0,
    satisfaction_json: null,
    version: 0,
    created_at: at,
    updated_at: at,
  }));
  await repository.insertMany('livelihood_projects', projects, trx);
  const nomination = (
    title: string,
    index: number,
    status: string,
    reason: string | null,
    projectId: string | null,
  ) => ({
    id: newId(),
    round_id: roundId,
    title,
    description: `建议${title}，解决群众急难愁盼问题。`,
    location: null,
    nominator_name: random.personName(),
    nominator_phone: random.phone(),
    contact_key: `demo-contact-${index}`,
    address_key: null,
    content_key: `demo-content-${index}`,
    status,
    exclusion_reason: reason,
    screening_note: null,
    screened_by: null,
    screened_at: at,
    project_id: projectId,
    created_at: at,
  });
  await repository.insertMany(
    'livelihood_nominations',
    [
      ...projects.map((p, i) => nomination(p.title, i, 'accepted', null, p.id)),
      ...excluded.map(([title, reason], i) => nomination(title, 100 + i, 'excluded', reason, null)),
    ],
    trx,
  );
  const items = projects.map((p, index) => ({
    id: newId(),
    ballot_id: ballotId,
    position: index + 1,
    title: p.title,
    description: `${candidates[index]?.[1] ?? ''}承办，计划投资 ${candidates[index]?.[2] ?? 0} 万元，2026-12-31 前完成`,
    ref_id: p.id,
  }));
  await repository.insertMany('ballot_items', items, trx);
  await repository.insertMany(
    'ballot_electors',
    c.countyDeputyIds.map((deputyId) => ({
      ballot_id: ballotId,
      deputy_id: deputyId,
      group_key: 'all',
      present: 0,
    })),
    trx,
  );
  const papers = voters.map(() => {
    if (random.next() < 0.03) return { selected: items.slice(0, 11).map((i) => i.id) };
    const weighted = items.map((item, index) => ({ id: item.id, key: random.next() ** (1 / (24 - index)) }));
    return {
      selected: weighted
        .sort((a, b) => b.key - a.key)
        .slice(0, 10)
        .map((w) => w.id),
    };
  });
  await repository.insertMany(
    'ballot_participations',
    [...voters].sort().map((deputyId) => ({ ballot_id: ballotId, deputy_id: deputyId, receipt_check: null })),
    trx,
  );
  await repository.insertMany(
    'ballot_choices',
    shuffled(papers).map((paper) => ({
      id: randomChoiceId(),
      ballot_id: ballotId,
      group_key: 'all',
      source: 'online',
      deputy_id: null,
      valid: paper.selected.length <= 10 ? 1 : 0,
      content_json: JSON.stringify(paper),
      receipt_hash: null,
    })),
    trx,
  );
}
