import { Type } from 'typebox';
import type { ApiApp } from '../http/app';

/** What an operator watches: `/healthz` for probes, `/metrics` for Prometheus. */
export async function healthRoutes(app: ApiApp): Promise<void> {
  const { store, hub, metrics } = app.whychain;

  app.get(
    '/healthz',
    {
      schema: {
        summary: 'Whether the server can store edits (503 when it cannot)',
        tags: ['operations'],
        response: {
          '2xx': Type.Object({
            ok: Type.Boolean(),
            storage: Type.Object({ writable: Type.Boolean(), error: Type.Optional(Type.String()) }),
            durability: Type.String(),
            loadedAnalyses: Type.Integer(),
          }),
          503: Type.Object({
            ok: Type.Boolean(),
            storage: Type.Object({ writable: Type.Boolean(), error: Type.Optional(Type.String()) }),
            durability: Type.String(),
            loadedAnalyses: Type.Integer(),
          }),
        },
      },
    },
    async (_request, reply) => {
      const problem = await store.checkWritable();
      return reply
        .code(problem ? 503 : 200)
        .header('cache-control', 'no-store')
        .send({
          ok: !problem,
          storage: problem ? { writable: false, error: problem } : { writable: true },
          durability: store.durability,
          loadedAnalyses: hub.loadedCount,
        });
    },
  );

  app.get(
    '/metrics',
    { schema: { summary: 'Prometheus text format', tags: ['operations'] } },
    async (_request, reply) => {
      const text = await metrics.registry.metrics();
      return reply.type(metrics.registry.contentType).send(text);
    },
  );
}
