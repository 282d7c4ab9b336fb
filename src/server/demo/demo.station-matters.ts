import type { Insertable } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { Database } from '../db/schema.js';
import { newId } from '../platform/ids.js';
import { shanghaiDate } from '../platform/clock.js';
import { randomCode } from '../stations/roster.rules.js';
import type { DemoRepository } from './demo.repository.js';
import type { DemoStationContext, DemoStationPlan } from './demo.stations.js';

type Row<T extends keyof Database> = Insertable<Database[T]>;

/** A few matters for the demo deputy, in different states, so the inbox is not empty. */
export async function seedDemoReceptions(
  trx: Executor,
  repository: DemoRepository,
  plan: DemoStationPlan,
  context: DemoStationContext,
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
