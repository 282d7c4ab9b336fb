import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect/dialect.js';

type AnyDb = Kysely<unknown>;

const text = 'text' as const;

/** Bodies, organisation, people, auth, audit chain, calendar overrides and files. */
export async function up(db: AnyDb, dialect: DialectHelpers): Promise<void> {
  await db.schema
    .createTable('bodies')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('level', text, (c) => c.notNull())
    .addColumn('parent_id', text, (c) => c.references('bodies.id'))
    .addColumn('path', text, (c) => c.notNull().unique())
    .addColumn('region_code', text)
    .addColumn('region_name', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bodies_parent').on('bodies').column('parent_id').execute();

  await db.schema
    .createTable('rule_profiles')
    .addColumn('body_id', text, (c) => c.primaryKey().references('bodies.id'))
    .addColumn('settings', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('system_settings')
    .addColumn('key', text, (c) => c.primaryKey())
    .addColumn('value', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('terms')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('body_id', text, (c) => c.notNull().references('bodies.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('start_date', text, (c) => c.notNull())
    .addColumn('end_date', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('terms_body_number', ['body_id', 'number'])
    .execute();

  await db.schema
    .createTable('congress_sessions')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('body_id', text, (c) => c.notNull().references('bodies.id'))
    .addColumn('term_id', text, (c) => c.notNull().references('terms.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('start_date', text, (c) => c.notNull())
    .addColumn('end_date', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('congress_sessions_term_number', ['term_id', 'number'])
    .execute();

  await db.schema
    .createTable('delegations')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('body_id', text, (c) => c.notNull().references('bodies.id'))
    .addColumn('term_id', text, (c) => c.notNull().references('terms.id'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('delegations_term_name', ['term_id', 'name'])
    .execute();

  await db.schema
    .createTable('deputy_groups')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('body_id', text, (c) => c.notNull().references('bodies.id'))
    .addColumn('term_id', text, (c) => c.references('terms.id'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deputy_groups_body').on('deputy_groups').column('body_id').execute();

  await db.schema
    .createTable('committees')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('body_id', text, (c) => c.notNull().references('bodies.id'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('committees_body_name', ['body_id', 'name'])
    .execute();

  await db.schema
    .createTable('units')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('body_id', text, (c) => c.notNull().references('bodies.id'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('short_name', text)
    .addColumn('contact_person', text)
    .addColumn('contact_phone', text)
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addUniqueConstraint('units_body_name', ['body_id', 'name'])
    .execute();

  await db.schema
    .createTable('unit_departments')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('unit_id', text, (c) => c.notNull().references('units.id'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('unit_departments_unit_name', ['unit_id', 'name'])
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('username', text, (c) => c.notNull().unique())
    .addColumn('display_name', text, (c) => c.notNull())
    .addColumn('password_hash', text, (c) => c.notNull())
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', text)
    .addColumn('totp_secret', text)
    .addColumn('totp_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('phone', text)
    .addColumn('email', text)
    .addColumn('locale', text)
    .addColumn('last_login_at', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('user_roles')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('user_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('role', text, (c) => c.notNull())
    .addColumn('body_id', text, (c) => c.notNull().references('bodies.id'))
    .addColumn('unit_id', text, (c) => c.references('units.id'))
    .addColumn('committee_id', text, (c) => c.references('committees.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('user_roles_user').on('user_roles').column('user_id').execute();
  await db.schema.createIndex('user_roles_unit').on('user_roles').column('unit_id').execute();

  await db.schema
    .createTable('deputies')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('user_id', text, (c) => c.references('users.id').unique())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('gender', text, (c) => c.notNull())
    .addColumn('ethnicity', text)
    .addColumn('birth_year', 'integer')
    .addColumn('occupation', text)
    .addColumn('phone', text)
    .addColumn('email', text)
    .addColumn('address', text)
    .addColumn('photo_file_id', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deputies_name').on('deputies').column('name').execute();

  await db.schema
    .createTable('deputy_seats')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('deputy_id', text, (c) => c.notNull().references('deputies.id'))
    .addColumn('body_id', text, (c) => c.notNull().references('bodies.id'))
    .addColumn('term_id', text, (c) => c.notNull().references('terms.id'))
    .addColumn('level', text, (c) => c.notNull())
    .addColumn('delegation_id', text, (c) => c.references('delegations.id'))
    .addColumn('group_id', text, (c) => c.references('deputy_groups.id'))
    .addColumn('electoral_district', text)
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('terminated_on', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addUniqueConstraint('deputy_seats_deputy_term', ['deputy_id', 'term_id'])
    .execute();
  await db.schema
    .createIndex('deputy_seats_body')
    .on('deputy_seats')
    .columns(['body_id', 'status'])
    .execute();
  await db.schema.createIndex('deputy_seats_delegation').on('deputy_seats').column('delegation_id').execute();
  await db.schema.createIndex('deputy_seats_group').on('deputy_seats').column('group_id').execute();

  await db.schema
    .createTable('standing_committee_members')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('body_id', text, (c) => c.notNull().references('bodies.id'))
    .addColumn('term_id', text, (c) => c.notNull().references('terms.id'))
    .addColumn('deputy_id', text, (c) => c.notNull().references('deputies.id'))
    .addColumn('position', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('standing_committee_members_term_deputy', ['term_id', 'deputy_id'])
    .execute();

  await db.schema
    .createTable('login_sessions')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('token_hash', text, (c) => c.notNull().unique())
    .addColumn('user_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('csrf_token', text, (c) => c.notNull())
    .addColumn('stage', text, (c) => c.notNull())
    .addColumn('ip', text)
    .addColumn('user_agent', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('last_seen_at', text, (c) => c.notNull())
    .addColumn('expires_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_sessions_user').on('login_sessions').column('user_id').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('user_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('token_hash', text, (c) => c.notNull().unique())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('last_used_at', text)
    .addColumn('expires_at', text)
    .addColumn('revoked_at', text)
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('id', text, (c) => c.notNull().unique())
    .addColumn('at', text, (c) => c.notNull())
    .addColumn('actor_id', text)
    .addColumn('actor_name', text)
    .addColumn('action', text, (c) => c.notNull())
    .addColumn('target_type', text, (c) => c.notNull())
    .addColumn('target_id', text)
    .addColumn('body_id', text)
    .addColumn('before_json', text)
    .addColumn('after_json', text)
    .addColumn('ip', text)
    .addColumn('prev_hash', text, (c) => c.notNull())
    .addColumn('hash', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_log_target')
    .on('audit_log')
    .columns(['target_type', 'target_id'])
    .execute();
  await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_id', 'seq']).execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
  for (const statement of dialect.appendOnlyTriggerStatements('audit_log'))
    await sql.raw(statement).execute(db);

  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', text, (c) => c.notNull())
    .addColumn('anchor_seq', 'bigint', (c) => c.notNull())
    .addColumn('anchor_hash', text, (c) => c.notNull())
    .execute();
  await sql`INSERT INTO audit_head (id, seq, hash, anchor_seq, anchor_hash) VALUES (1, 0, ${GENESIS_HASH}, 0, ${GENESIS_HASH})`.execute(
    db,
  );

  await db.schema
    .createTable('calendar_overrides')
    .addColumn('date', text, (c) => c.primaryKey())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('note', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('files')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('owner_type', text, (c) => c.notNull())
    .addColumn('owner_id', text)
    .addColumn('file_name', text, (c) => c.notNull())
    .addColumn('mime_type', text, (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('storage_path', text, (c) => c.notNull())
    .addColumn('sha256', text, (c) => c.notNull())
    .addColumn('uploaded_by', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('files_owner').on('files').columns(['owner_type', 'owner_id']).execute();
}

export async function down(db: AnyDb, dialect: DialectHelpers): Promise<void> {
  for (const statement of dialect.dropAppendOnlyTriggerStatements('audit_log'))
    await sql.raw(statement).execute(db);
  const tables = [
    'files',
    'calendar_overrides',
    'audit_head',
    'audit_log',
    'api_tokens',
    'login_sessions',
    'standing_committee_members',
    'deputy_seats',
    'deputies',
    'user_roles',
    'users',
    'unit_departments',
    'units',
    'committees',
    'deputy_groups',
    'delegations',
    'congress_sessions',
    'terms',
    'system_settings',
    'rule_profiles',
    'bodies',
  ];
  for (const table of tables) await db.schema.dropTable(table).execute();
}

/** The hash the audit chain starts from. */
export const GENESIS_HASH = '0'.repeat(64);
