import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect/dialect.js';

type AnyDb = Kysely<unknown>;
const text = 'text' as const;
const integer = 'integer' as const;

/**
 * Liaison stations (issue 7): stations and their deputies and staff, reception rules and rosters,
 * public codes for QR codes, citizen messages and visits (receptions), citizen appointments,
 * deputy → agency head appointments, their timelines, and duty activities for the duty record.
 */
export async function up(db: AnyDb, _dialect: DialectHelpers): Promise<void> {
  await db.schema
    .createTable('stations')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('body_id', text, (c) => c.notNull().references('bodies.id'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('level', text, (c) => c.notNull())
    .addColumn('address', text, (c) => c.notNull())
    .addColumn('directions', text)
    .addColumn('opening_hours', text)
    .addColumn('contact_name', text)
    .addColumn('contact_phone', text)
    .addColumn('photo_file_id', text, (c) => c.references('files.id'))
    .addColumn('star_rating', integer)
    .addColumn('demonstration', integer, (c) => c.notNull().defaultTo(0))
    .addColumn('public_code', text, (c) => c.notNull().unique())
    .addColumn('active', integer, (c) => c.notNull().defaultTo(1))
    .addColumn('version', integer, (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stations_body')
    .on('stations')
    .columns(['body_id', 'active', 'name'])
    .execute();

  await db.schema
    .createTable('station_deputies')
    .addColumn('station_id', text, (c) => c.notNull().references('stations.id'))
    .addColumn('deputy_id', text, (c) => c.notNull().references('deputies.id'))
    .addColumn('sort_order', integer, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('station_deputies_pk', ['station_id', 'deputy_id'])
    .execute();
  await db.schema.createIndex('station_deputies_deputy').on('station_deputies').column('deputy_id').execute();

  await db.schema
    .createTable('station_staff')
    .addColumn('station_id', text, (c) => c.notNull().references('stations.id'))
    .addColumn('user_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('station_staff_pk', ['station_id', 'user_id'])
    .execute();
  await db.schema.createIndex('station_staff_user').on('station_staff').column('user_id').execute();

  await db.schema
    .createTable('station_body_settings')
    .addColumn('body_id', text, (c) => c.primaryKey().references('bodies.id'))
    .addColumn('label_scheme', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('deputy_public_codes')
    .addColumn('deputy_id', text, (c) => c.primaryKey().references('deputies.id'))
    .addColumn('code', text, (c) => c.notNull().unique())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();

  // One rule per body (the default) or per station; `scope_key` makes "one per scope" a unique key.
  await db.schema
    .createTable('reception_rules')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('scope_key', text, (c) => c.notNull().unique())
    .addColumn('body_id', text, (c) => c.notNull().references('bodies.id'))
    .addColumn('station_id', text, (c) => c.references('stations.id'))
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('day_of_month', integer)
    .addColumn('week_number', integer)
    .addColumn('weekday', integer)
    .addColumn('rest_day_rule', text, (c) => c.notNull())
    .addColumn('start_time', text, (c) => c.notNull())
    .addColumn('end_time', text, (c) => c.notNull())
    .addColumn('deputies_per_day', integer, (c) => c.notNull())
    .addColumn('slot_minutes', integer, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('reception_days')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('station_id', text, (c) => c.notNull().references('stations.id'))
    .addColumn('date', text, (c) => c.notNull())
    .addColumn('start_time', text, (c) => c.notNull())
    .addColumn('end_time', text, (c) => c.notNull())
    .addColumn('source', text, (c) => c.notNull())
    .addColumn('slot_minutes', integer, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('reception_days_station_date', ['station_id', 'date'])
    .execute();
  await db.schema.createIndex('reception_days_date').on('reception_days').column('date').execute();

  await db.schema
    .createTable('roster_duties')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('reception_day_id', text, (c) => c.notNull().references('reception_days.id'))
    .addColumn('station_id', text, (c) => c.notNull().references('stations.id'))
    .addColumn('deputy_id', text, (c) => c.notNull().references('deputies.id'))
    .addColumn('date', text, (c) => c.notNull())
    .addColumn('version', integer, (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addUniqueConstraint('roster_duties_day_deputy', ['reception_day_id', 'deputy_id'])
    .execute();
  await db.schema
    .createIndex('roster_duties_deputy')
    .on('roster_duties')
    .columns(['deputy_id', 'date'])
    .execute();
  await db.schema
    .createIndex('roster_duties_station')
    .on('roster_duties')
    .columns(['station_id', 'date'])
    .execute();

  await db.schema
    .createTable('roster_swaps')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('duty_id', text, (c) => c.notNull().references('roster_duties.id'))
    .addColumn('station_id', text, (c) => c.notNull().references('stations.id'))
    .addColumn('requester_deputy_id', text, (c) => c.notNull().references('deputies.id'))
    .addColumn('replacement_deputy_id', text, (c) => c.notNull().references('deputies.id'))
    .addColumn('exchange_duty_id', text, (c) => c.references('roster_duties.id'))
    .addColumn('reason', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('decision_note', text)
    .addColumn('decided_by', text)
    .addColumn('decided_at', text)
    .addColumn('version', integer, (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('roster_swaps_station')
    .on('roster_swaps')
    .columns(['station_id', 'status'])
    .execute();
  await db.schema
    .createIndex('roster_swaps_requester')
    .on('roster_swaps')
    .columns(['requester_deputy_id', 'status'])
    .execute();

  await db.schema
    .createTable('receptions')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('tracking_code', text, (c) => c.notNull().unique())
    .addColumn('channel', text, (c) => c.notNull())
    .addColumn('body_id', text, (c) => c.notNull().references('bodies.id'))
    .addColumn('station_id', text, (c) => c.references('stations.id'))
    .addColumn('deputy_id', text, (c) => c.references('deputies.id'))
    .addColumn('escalated_to_deputy_id', text, (c) => c.references('deputies.id'))
    .addColumn('visitor_name', text)
    .addColumn('visitor_contact', text)
    .addColumn('contact_key', text)
    .addColumn('address_key', text)
    .addColumn('category', text, (c) => c.notNull())
    .addColumn('matter', text, (c) => c.notNull())
    .addColumn('received_on', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('outcome', text)
    .addColumn('answer', text)
    .addColumn('answered_at', text)
    .addColumn('answered_by_name', text)
    .addColumn('response_minutes', integer)
    .addColumn('referred_unit_id', text, (c) => c.references('units.id'))
    .addColumn('referral_note', text)
    .addColumn('referral_answer', text)
    .addColumn('referral_answered_at', text)
    .addColumn('suggestion_id', text, (c) => c.references('suggestions.id'))
    .addColumn('appointment_id', text)
    .addColumn('recorded_by', text)
    .addColumn('version', integer, (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  for (const [name, columns] of [
    ['receptions_deputy', ['deputy_id', 'status', 'created_at']],
    ['receptions_escalated', ['escalated_to_deputy_id', 'status']],
    ['receptions_station', ['station_id', 'status', 'created_at']],
    ['receptions_body', ['body_id', 'status', 'created_at']],
    ['receptions_contact', ['contact_key', 'created_at']],
    ['receptions_address', ['address_key', 'created_at']],
    ['receptions_unit', ['referred_unit_id', 'status']],
    ['receptions_suggestion', ['suggestion_id']],
  ] as const)
    await db.schema
      .createIndex(name)
      .on('receptions')
      .columns([...columns])
      .execute();

  await db.schema
    .createTable('appointments')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('tracking_code', text, (c) => c.notNull().unique())
    .addColumn('body_id', text, (c) => c.notNull().references('bodies.id'))
    .addColumn('station_id', text, (c) => c.notNull().references('stations.id'))
    .addColumn('deputy_id', text, (c) => c.notNull().references('deputies.id'))
    .addColumn('reception_day_id', text, (c) => c.notNull().references('reception_days.id'))
    .addColumn('date', text, (c) => c.notNull())
    .addColumn('start_time', text, (c) => c.notNull())
    .addColumn('proposed_date', text)
    .addColumn('proposed_time', text)
    .addColumn('visitor_name', text)
    .addColumn('visitor_contact', text, (c) => c.notNull())
    .addColumn('contact_key', text, (c) => c.notNull())
    .addColumn('address_key', text)
    .addColumn('matter', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('deputy_note', text)
    .addColumn('reception_id', text, (c) => c.references('receptions.id'))
    .addColumn('version', integer, (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  // A slot holds one live booking; declined and cancelled bookings free it again.
  await db.schema
    .createIndex('appointments_live_slot')
    .on('appointments')
    .columns(['deputy_id', 'date', 'start_time'])
    .unique()
    .where(sql.ref('status'), 'in', sql`('requested', 'accepted')`)
    .execute();
  for (const [name, columns] of [
    ['appointments_deputy', ['deputy_id', 'status', 'date']],
    ['appointments_station', ['station_id', 'date']],
    ['appointments_contact', ['contact_key', 'created_at']],
    ['appointments_address', ['address_key', 'created_at']],
  ] as const)
    await db.schema
      .createIndex(name)
      .on('appointments')
      .columns([...columns])
      .execute();

  await db.schema
    .createTable('agency_appointments')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('body_id', text, (c) => c.notNull().references('bodies.id'))
    .addColumn('deputy_id', text, (c) => c.notNull().references('deputies.id'))
    .addColumn('unit_id', text, (c) => c.notNull().references('units.id'))
    .addColumn('official_title', text, (c) => c.notNull())
    .addColumn('official_name', text)
    .addColumn('matter', text, (c) => c.notNull())
    .addColumn('reasons', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('scheduled_on', text)
    .addColumn('scheduled_time', text)
    .addColumn('place', text)
    .addColumn('first_scheduled_on', text)
    .addColumn('postponed_count', integer, (c) => c.notNull().defaultTo(0))
    .addColumn('postpone_reason', text)
    .addColumn('minutes', text)
    .addColumn('held_on', text)
    .addColumn('follow_up', text)
    .addColumn('closing_note', text)
    .addColumn('closed_at', text)
    .addColumn('created_by', text)
    .addColumn('version', integer, (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  for (const [name, columns] of [
    ['agency_appointments_body', ['body_id', 'status', 'created_at']],
    ['agency_appointments_deputy', ['deputy_id', 'status']],
    ['agency_appointments_unit', ['unit_id', 'status']],
  ] as const)
    await db.schema
      .createIndex(name)
      .on('agency_appointments')
      .columns([...columns])
      .execute();

  await db.schema
    .createTable('station_events')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('item_type', text, (c) => c.notNull())
    .addColumn('item_id', text, (c) => c.notNull())
    .addColumn('at', text, (c) => c.notNull())
    .addColumn('actor_id', text)
    .addColumn('actor_name', text)
    .addColumn('action', text, (c) => c.notNull())
    .addColumn('from_status', text)
    .addColumn('to_status', text)
    .addColumn('note', text)
    .execute();
  await db.schema
    .createIndex('station_events_item')
    .on('station_events')
    .columns(['item_type', 'item_id', 'at'])
    .execute();

  await db.schema
    .createTable('duty_activities')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('deputy_id', text, (c) => c.notNull().references('deputies.id'))
    .addColumn('body_id', text, (c) => c.references('bodies.id'))
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('source_type', text, (c) => c.notNull())
    .addColumn('source_id', text, (c) => c.notNull())
    .addColumn('occurred_on', text, (c) => c.notNull())
    .addColumn('points', integer)
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('duty_activities_source', ['deputy_id', 'kind', 'source_type', 'source_id'])
    .execute();
  await db.schema
    .createIndex('duty_activities_deputy')
    .on('duty_activities')
    .columns(['deputy_id', 'occurred_on'])
    .execute();

  // Single-use challenge tokens: a token is burned on its first use, right or wrong.
  await db.schema
    .createTable('citizen_challenges')
    .addColumn('nonce', text, (c) => c.primaryKey())
    .addColumn('expires_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('citizen_challenges_expiry')
    .on('citizen_challenges')
    .column('expires_at')
    .execute();
}

export async function down(db: AnyDb, _dialect: DialectHelpers): Promise<void> {
  for (const table of [
    'citizen_challenges',
    'duty_activities',
    'station_events',
    'agency_appointments',
    'appointments',
    'receptions',
    'roster_swaps',
    'roster_duties',
    'reception_days',
    'reception_rules',
    'deputy_public_codes',
    'station_body_settings',
    'station_staff',
    'station_deputies',
    'stations',
  ])
    await db.schema.dropTable(table).execute();
}
