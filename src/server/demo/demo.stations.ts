import type { Insertable } from 'kysely';
import type { Services } from '../services.js';
import type { Executor } from '../db/executor.js';
import type { BodyRow, Database } from '../db/schema.js';
import { newId } from '../platform/ids.js';
import { shanghaiDate } from '../platform/clock.js';
import { plusDays, plusMonths } from '../calendar/calendar.dates.js';
import { henanDefaults } from '../../shared/schemas/settings.js';
import { defaultRule, randomCode, receptionDates, rotationAvoiding } from '../stations/roster.rules.js';
import type { DemoRepository } from './demo.repository.js';
import { seedDemoReceptions } from './demo.station-matters.js';

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

export interface DemoStationContext {
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
  context: DemoStationContext,
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
  const busy = new Set<string>();
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
      for (const deputyId of rotationAvoiding(order, index, 2, date, busy))
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
