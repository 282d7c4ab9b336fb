import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditPageSchema, auditQuerySchema, auditVerificationSchema } from '../../shared/schemas/audit.js';
import type { AuditRow } from '../db/schema.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';
import { isDeploymentAdmin, requireAnyRole, scopePaths } from '../auth/actor.js';

const tags = ['审计 Audit'];

function parseJson(value: string | null): unknown {
  return value === null ? null : JSON.parse(value);
}

function toEntry(row: AuditRow) {
  return {
    seq: Number(row.seq),
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    bodyId: row.body_id,
    before: parseJson(row.before_json),
    after: parseJson(row.after_json),
    ip: row.ip,
    hash: row.hash,
  };
}

export function auditRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/audit', {
      schema: {
        tags,
        summary: '审计日志（管理员）',
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        requireAnyRole(actor, ['admin']);
        const { page, pageSize, from, to, ...filter } = request.query;
        const visible = isDeploymentAdmin(actor)
          ? null
          : (await services.repositories.bodies.listUnder(scopePaths(actor, ['admin']))).map((b) => b.id);
        const result = await services.audit.list(
          { ...filter, fromIso: from, toIso: to },
          page,
          pageSize,
          visible,
        );
        return { items: result.items.map(toEntry), total: result.total, page, pageSize };
      },
    });

    api.get('/audit/verify', {
      schema: { tags, summary: '校验审计哈希链（SM3）', response: { 200: auditVerificationSchema } },
      handler: async (request) => {
        requireAnyRole(actorOf(request), ['admin']);
        return services.audit.verify();
      },
    });
  };
}
