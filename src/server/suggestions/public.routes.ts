import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../shared/schemas/common.js';
import { assignmentRoleSchema } from '../../shared/schemas/suggestions.js';
import type { Services } from '../services.js';

const publicKeySchema = z.object({
  id: z.string(),
  serialLabel: z.string().nullable(),
  title: z.string(),
  leadDeputyName: z.string(),
  categoryName: z.string().nullable(),
  units: z.array(z.object({ unitName: z.string(), role: assignmentRoleSchema })),
  sponsors: z.array(z.object({ name: z.string(), title: z.string().nullable() })),
  supervisors: z.array(
    z.object({ name: z.string(), title: z.string().nullable(), groupName: z.string().nullable() }),
  ),
});

/** No-login endpoints of the suggestion process: what the law says is published. */
export function publicSuggestionRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    app.withTypeProvider<ZodTypeProvider>().get('/public/key-suggestions', {
      schema: {
        tags: ['公开 Public'],
        summary: '公布的重点建议清单（无需登录）',
        querystring: z.object({ bodyId: idSchema, sessionId: idSchema.optional() }),
        response: { 200: z.array(publicKeySchema) },
      },
      config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
      handler: async (request) =>
        services.keySuggestions.publicList(request.query.bodyId, request.query.sessionId),
    });
  };
}
