import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../shared/schemas/common.js';
import { liveSnapshotSchema } from '../../shared/schemas/ballot-views.js';
import type { LiveSnapshot } from '../../shared/schemas/ballot-views.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';

/** A screen refreshes at most this often however fast votes come in. */
const throttleMs = 250;
/** And at least this often, to see a schedule come due or another server process's votes. */
const pollMs = 2_000;
const heartbeatMs = 15_000;

/**
 * `GET /ballots/:id/live`: server-sent events for the big display. A `snapshot` event carries
 * turnout while the ballot is open and the results once it closes; the stream then ends.
 */
export function ballotLiveRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const openStreams = new Set<() => void>();
    // Screens would otherwise hold the server open on shutdown.
    app.addHook('preClose', async () => {
      for (const end of [...openStreams]) end();
    });

    app.withTypeProvider<ZodTypeProvider>().get('/ballots/:id/live', {
      schema: {
        tags: ['表决 Ballots'],
        summary: '大屏实时推送（text/event-stream）：投票中推送投票人数，结束时推送结果',
        params: idParamsSchema,
        produces: ['text/event-stream'],
        response: { 200: liveSnapshotSchema.describe('每个 snapshot 事件的 data') },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        const id = request.params.id;
        // Errors (404) are answered normally, before the stream starts.
        const first = await services.ballotQueries.snapshot(actor, id);
        reply.hijack();
        const raw = reply.raw;
        raw.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        });
        let last = '';
        let pending = false;
        let ended = false;
        const timers: NodeJS.Timeout[] = [];
        const end = () => {
          if (ended) return;
          ended = true;
          unsubscribe();
          timers.forEach((timer) => clearInterval(timer));
          openStreams.delete(end);
          raw.end();
        };
        const send = (snapshot: LiveSnapshot) => {
          if (ended) return;
          const data = JSON.stringify(snapshot);
          if (data !== last) {
            last = data;
            raw.write(`event: snapshot\ndata: ${data}\n\n`);
          }
          if (snapshot.status === 'closed' || snapshot.status === 'cancelled') end();
        };
        const refresh = () => {
          if (pending || ended) return;
          pending = true;
          setTimeout(() => {
            pending = false;
            services.ballotQueries.snapshot(actor, id).then(send, end);
          }, throttleMs);
        };
        const unsubscribe = services.ballotLive.subscribe(id, refresh);
        openStreams.add(end);
        timers.push(setInterval(refresh, pollMs));
        timers.push(setInterval(() => !ended && raw.write(': keep-alive\n\n'), heartbeatMs));
        raw.on('close', end);
        raw.write('retry: 3000\n\n');
        send(first);
      },
    });
  };
}
