import type { FastifyInstance } from 'fastify';
import { laterSuggestionColumns } from './row-defaults.js';
import type { Services } from '../services.js';
import { newId } from '../platform/ids.js';
import type { SuggestionRow } from '../db/schema.js';
import { SuggestionsRepository } from './suggestions.repository.js';
import { factories, testPassword } from '../testing/factories.js';
import { signIn } from '../testing/test-context.js';
import type { Client } from '../testing/test-context.js';

/**
 * A county ready for the suggestion process: a term and session, categories, units with staff,
 * deputies with accounts, and a reviewer for each tier. Used by the suggestion tests.
 */
export async function suggestionCounty(
  services: Services,
  app: FastifyInstance,
  options: { deputies?: number } = {},
) {
  const make = factories(services);
  const { body, user: admin } = await make.adminOf();
  const term = await make.term({ body, number: 18 });
  const session = {
    id: newId(),
    body_id: body.id,
    term_id: term.id,
    number: 3,
    name: '第十八届人民代表大会第三次会议',
    start_date: '2025-01-14',
    end_date: null,
    created_at: services.clock.now().toISOString(),
  };
  await services.handle.db.insertInto('congress_sessions').values(session).execute();
  const category = {
    id: newId(),
    body_id: body.id,
    parent_id: null,
    name: '城乡建设',
    sort_order: 1,
    created_at: session.created_at,
  };
  await services.handle.db.insertInto('categories').values(category).execute();
  const education = await make.unit({ body, name: '县教育局' });
  const housing = await make.unit({ body, name: '县住房和城乡建设局' });
  const transport = await make.unit({ body, name: '县交通运输局' });

  const deputies: { id: string; username: string; client?: Client }[] = [];
  for (let i = 0; i < (options.deputies ?? 3); i += 1) {
    const account = await make.user({ roles: [{ role: 'deputy', bodyId: body.id }] });
    const { deputy } = await make.deputy({ term, userId: account.id, name: `代表${i + 1}` });
    deputies.push({ id: deputy.id, username: account.username });
  }
  const staff = async (role: 'office_staff' | 'committee_staff' | 'leader') => {
    const account = await make.user({ roles: [{ role, bodyId: body.id }] });
    return signIn(app, account.username, testPassword);
  };
  const unitUser = async (unitId: string) => {
    const account = await make.user({ roles: [{ role: 'unit_handler', bodyId: body.id, unitId }] });
    return signIn(app, account.username, testPassword);
  };
  const deputyClient = async (index: number) => {
    const deputy = deputies[index];
    if (!deputy) throw new Error(`no deputy ${index}`);
    deputy.client ??= await signIn(app, deputy.username, testPassword);
    return deputy.client;
  };

  const serials = new SuggestionsRepository(services.handle.db, services.handle.dialect);
  /** An accepted item straight in the table (for batches), numbered like a real one. */
  async function acceptedItem(title: string): Promise<SuggestionRow> {
    const at = services.clock.now().toISOString();
    const lead = deputies[0];
    if (!lead) throw new Error('no deputy');
    const row: SuggestionRow = {
      id: newId(),
      body_id: body.id,
      session_id: session.id,
      kind: 'suggestion',
      timing: 'session',
      lead_deputy_id: lead.id,
      title,
      grounds: '群众反映强烈，亟需解决。'.repeat(3),
      proposals: '建议有关部门尽快研究解决。',
      category_id: category.id,
      status: 'accepted',
      review_tier: 2,
      serial_scope: session.id,
      serial_number: await serials.nextSerial(session.id, services.handle.db),
      key_status: 'none',
      disclose: 1,
      nondisclosure_reason: null,
      merged_into_id: null,
      submitted_at: at,
      accepted_at: at,
      assigned_at: null,
      ...laterSuggestionColumns,
      version: 0,
      created_by: null,
      created_at: at,
      updated_at: at,
    };
    await services.handle.db.insertInto('suggestions').values(row).execute();
    return row;
  }

  return {
    body,
    admin,
    term,
    session,
    category,
    units: { education, housing, transport },
    deputies,
    staff,
    unitUser,
    deputyClient,
    acceptedItem,
    make,
  };
}

export const goodDraft = {
  title: '关于解决城区老旧小区停车难问题的建议',
  grounds:
    '城区老旧小区建成年代早，规划车位严重不足，居民车辆只能停在消防通道和人行道上，既影响通行，又存在安全隐患，群众反映强烈。',
  proposals: '建议县住建局会同城管、交警部门，利用小区周边闲置地块建设立体停车场，并推行错时共享停车。',
};
