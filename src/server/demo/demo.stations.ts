import type { Insertable } from 'kysely';
import type { Services } from '../services.js';
import type { Executor } from '../db/executor.js';
import type { BodyRow, Database } from '../db/schema.js';
import { newId } from '../platform/ids.js';
import { shanghaiDate } from '../platform/clock.js';
import { plusDays, plusMonths } from '../calendar/calendar.dates.js';
import { henanDefaults } from '../../shared/schemas/settings.js';
import { defaultRule, randomCode, receptionDates, rotation } from '../stations/roster.rules.js';
import type { DemoRepository } from './demo.repository.js';

type Row<T extends keyof Database> = Insertable<Database[T]>;

/** What the station seed needs from the calendar, read before the seed's one transaction. */
export interface DemoStationPlan {
  today: string;
  /** Reception days (the 20th, moved off rest days) from this month for half a year. */
  receptionDays: string[];
}

const villages = [
  '东岗',
  '西沟',
  '南湾',
  '北坡',
  '中心',
  '新庄',
  '马庄',
  '李营',
  '河口',
  '杨林',
  '张寨',
  '王庄',
  '石门',
  '枣园',
];

export async function planDemoStations(services: Services): Promise<DemoStationPlan> {
  const calendar = await services.calendar.snapshot();
  const today = shanghaiDate(services.clock.now());
  const from = `${today.slice(0, 7)}-01`;
  const rule = { ...defaultRule, day_of_month: henanDefaults.receptionDayOfMonth };
  return { today, receptionDays: receptionDates(rule, from, plusDays(plusMonths(from, 6), -1), calendar) };
}

interface Context {
  county: BodyRow;
  townships: BodyRow[];
  seats: Row<'deputy_seats'>[];
  countyDeputyIds: string[];
  /** The deputy of the `deputy` demo account: they get a QR code, a station, messages. */
  demoDeputyId: string;
  clerkUserId: string | null;
  unitIds: Map<string, string>;
  at: string;
}

/**
 * 30 liaison stations of the demo county (a 代表之家, a 联络站 per township, village 联系点), with
 * deputies grouped in, public codes for their QR codes, half a year of reception days, and a few
 * messages and visits for the demo deputy. Runs inside the demo seed's transaction: `trx` only.
 */
export async function seedDemoStations(
  trx: Executor,
  repository: DemoRepository,
  plan: DemoStationPlan,
  context: Context,
): Promise<{ stations: number }> {
  const { county, townships, at } = context;
  const stations: Row<'stations'>[] = [];
  const members: Row<'station_deputies'>[] = [];
  const station = (
    body: BodyRow,
    fields: Pick<Row<'stations'>, 'name' | 'kind' | 'level' | 'address'> & Partial<Row<'stations'>>,
    deputyIds: string[],
  ) => {
    const row: Row<'stations'> = {
      id: newId(),
      body_id: body.id,
      directions: null,
      opening_hours: '工作日 8:30-12:00，14:30-17:30；每月20日代表接待日',
      contact_name: null,
      contact_phone: null,
      photo_file_id: null,
      star_rating: null,
      demonstration: 0,
      public_code: randomCode(8),
      active: 1,
      version: 0,
      created_at: at,
      updated_at: at,
      ...fields,
    };
    stations.push(row);
    [...new Set(deputyIds)].forEach((deputyId, index) =>
      members.push({ station_id: row.id, deputy_id: deputyId, sort_order: index, created_at: at }),
    );
    return row;
  };
  const seatsOf = (body: BodyRow) =>
    context.seats.filter((s) => s.body_id === body.id).map((s) => s.deputy_id);

  const home = station(
    county,
    {
      name: '青禾县人大代表之家',
      kind: 'home',
      level: 'county',
      address: '青禾县人民路 1 号县人大常委会一楼',
      directions: '县政府东门向北 50 米',
      contact_name: '周晓梅',
      contact_phone: '0371-6600 1234',
      star_rating: 5,
      demonstration: 1,
    },
    [context.demoDeputyId, ...context.countyDeputyIds.slice(1, 8)],
  );
  townships.forEach((township, index) => {
    const name = township.region_name ?? township.name;
    const local = seatsOf(township);
    station(
      township,
      {
        name: `${name}人大代表联络站`,
        kind: 'station',
        level: 'township',
        address: `青禾县${name}人民政府便民服务中心二楼`,
        contact_phone: `0371-6600 ${String(2000 + index * 11)}`,
        star_rating: 3 + (index % 3),
        demonstration: index < 3 ? 1 : 0,
      },
      local.slice(0, 6),
    );
    const village = villages[index];
    if (village)
      station(
        township,
        {
          name: `${name}${village}村人大代表联系点`,
          kind: 'point',
          level: 'village',
          address: `${name}${village}村党群服务中心`,
        },
        local.slice(6, 9),
      );
  });
  await repository.insertMany('stations', stations, trx);
  await repository.insertMany('station_deputies', members, trx);
  await repository.insertMany(
    'deputy_public_codes',
    [...new Set(members.map((m) => m.deputy_id))].map((deputyId) => ({
      deputy_id: deputyId,
      code: randomCode(8),
      created_at: at,
    })),
    trx,
  );
  await repository.insertMany(
    'station_body_settings',
    [{ body_id: county.id, label_scheme: 'both', updated_at: at }],
    trx,
  );
  const townStation = stations[1];
  if (context.clerkUserId && townStation)
    await repository.insertMany(
      'station_staff',
      [home, townStation].map((s) => ({
        station_id: s.id,
        user_id: context.clerkUserId ?? '',
        created_at: at,
      })),
      trx,
    );

  const days: Row<'reception_days'>[] = [];
  const duties: Row<'roster_duties'>[] = [];
  // The rotation starts at the next reception day, so the first deputies listed (the demo deputy
  // among them) are on duty soon and can be booked.
  const next = Math.max(
    0,
    plan.receptionDays.findIndex((date) => date >= plan.today),
  );
  for (const row of stations) {
    const order = members.filter((m) => m.station_id === row.id).map((m) => m.deputy_id);
    if (order.length === 0) continue;
    plan.receptionDays.forEach((date, position) => {
      const index = ((((position - next) * 2) % order.length) + order.length) % order.length;
      const day = {
        id: newId(),
        station_id: row.id,
        date,
        start_time: '09:00',
        end_time: '12:00',
        source: 'rule',
        slot_minutes: 30,
        created_at: at,
      };
      days.push(day);
      for (const deputyId of rotation(order, index, 2))
        duties.push({
          id: newId(),
          reception_day_id: day.id,
          station_id: row.id,
          deputy_id: deputyId,
          date,
          version: 0,
          created_at: at,
          updated_at: at,
        });
    });
  }
  await repository.insertMany('reception_days', days, trx);
  await repository.insertMany('roster_duties', duties, trx);
  if (townStation) await seedDemoReceptions(trx, repository, plan, context, townStation);
  return { stations: stations.length };
}

/** A few matters for the demo deputy, in different states, so the inbox is not empty. */
async function seedDemoReceptions(
  trx: Executor,
  repository: DemoRepository,
  plan: DemoStationPlan,
  context: Context,
  townStation: Row<'stations'>,
) {
  const now = Date.parse(context.at);
  const daysAgo = (n: number) => new Date(now - n * 86_400_000).toISOString();
  const base = {
    body_id: townStation.body_id,
    station_id: townStation.id ?? null,
    deputy_id: context.demoDeputyId,
    escalated_to_deputy_id: null,
    contact_key: null,
    address_key: null,
    outcome: null,
    answer: null,
    answered_at: null,
    answered_by_name: null,
    response_minutes: null,
    referred_unit_id: null,
    referral_note: null,
    referral_answer: null,
    referral_answered_at: null,
    suggestion_id: null,
    appointment_id: null,
    recorded_by: null,
    version: 0,
  };
  const matters = [
    {
      channel: 'message',
      status: 'new',
      category: 'infrastructure',
      ago: 1,
      name: '刘女士',
      matter: '青禾镇东街小区门口的三盏路灯坏了一个多月，晚上老人孩子出行很不安全，希望尽快修好。',
    },
    {
      channel: 'message',
      status: 'open',
      category: 'education',
      ago: 4,
      name: null,
      matter: '镇中心小学放学时校门口车辆乱停，建议设置临时停车区并安排交通引导。',
    },
    {
      channel: 'visit',
      status: 'closed',
      category: 'social_security',
      ago: 9,
      name: '赵大爷',
      matter: '咨询城乡居民养老保险缴费档次和政府补贴。',
      outcome: 'solved',
      answer: '已当场讲解缴费档次和补贴政策，并告知可在手机上缴费。',
    },
    {
      channel: 'message',
      status: 'referred',
      category: 'environment',
      ago: 12,
      name: '陈先生',
      matter: '柳溪河上游有养殖场污水直排，河水发黑发臭，请求有关部门查处。',
      unit: '市生态环境局青禾分局',
    },
    {
      channel: 'phone',
      status: 'closed',
      category: 'agriculture',
      ago: 20,
      name: '孙师傅',
      matter: '反映今年小麦种子补贴何时发放。',
      outcome: 'explained',
      answer: '已向县农业农村局了解，补贴将于下月底前发放到一卡通。',
    },
  ] as const;
  const receptions: Row<'receptions'>[] = [];
  const events: Row<'station_events'>[] = [];
  const activities: Row<'duty_activities'>[] = [];
  for (const item of matters) {
    const created = daysAgo(item.ago);
    const closed = item.status === 'closed';
    const row: Row<'receptions'> = {
      ...base,
      id: newId(),
      tracking_code: `${item.channel === 'message' ? 'M' : 'V'}${randomCode(11)}`,
      channel: item.channel,
      visitor_name: item.name,
      visitor_contact: item.channel === 'visit' ? null : `139${String(item.ago).padStart(8, '0')}`,
      category: item.category,
      matter: item.matter,
      received_on: shanghaiDate(new Date(created)),
      status: item.status,
      created_at: created,
      updated_at: created,
      ...(closed && 'answer' in item
        ? {
            outcome: item.outcome,
            answer: item.answer,
            answered_at: created,
            answered_by_name: '代表',
            response_minutes: 60,
          }
        : {}),
      ...('unit' in item
        ? { referred_unit_id: context.unitIds.get(item.unit) ?? null, referral_note: '请核查处理' }
        : {}),
    };
    receptions.push(row);
    events.push({
      id: newId(),
      item_type: 'reception',
      item_id: row.id,
      at: created,
      actor_id: null,
      actor_name: item.channel === 'message' ? '群众' : '代表',
      action: item.channel === 'message' ? 'submit' : 'record',
      from_status: null,
      to_status: item.channel === 'message' ? 'new' : 'open',
      note: null,
    });
    if (item.channel !== 'message')
      activities.push({
        id: newId(),
        deputy_id: context.demoDeputyId,
        body_id: row.body_id,
        kind: 'reception',
        source_type: 'reception',
        source_id: row.id,
        occurred_on: row.received_on,
        points: null,
        created_at: created,
      });
  }
  await repository.insertMany('receptions', receptions, trx);
  await repository.insertMany('station_events', events, trx);
  await repository.insertMany('duty_activities', activities, trx);
  const transport = context.unitIds.get('县交通运输局');
  const agencyId = newId();
  if (transport) {
    await repository.insertMany(
      'agency_appointments',
      [
        {
          id: agencyId,
          body_id: context.county.id,
          deputy_id: context.demoDeputyId,
          unit_id: transport,
          official_title: '局长',
          official_name: null,
          matter: '农村公路养护资金使用情况',
          reasons: '多个乡镇群众反映农村公路坑洼，需当面了解今年养护资金安排和重点路段修补计划。',
          status: 'requested',
          scheduled_on: null,
          scheduled_time: null,
          place: null,
          first_scheduled_on: null,
          postponed_count: 0,
          postpone_reason: null,
          minutes: null,
          held_on: null,
          follow_up: null,
          closing_note: null,
          closed_at: null,
          created_by: null,
          version: 0,
          created_at: daysAgo(2),
          updated_at: daysAgo(2),
        },
      ],
      trx,
    );
    await repository.insertMany(
      'station_events',
      [
        {
          id: newId(),
          item_type: 'agency_appointment',
          item_id: agencyId,
          at: daysAgo(2),
          actor_id: null,
          actor_name: '代表',
          action: 'request',
          from_status: null,
          to_status: 'requested',
          note: '农村公路养护资金使用情况',
        },
      ],
      trx,
    );
  }
  return plan.today;
}
